#!/usr/bin/env bash
# Step 3 of the action: one samdscan scan writing the SARIF (the audit record, waivers as
# suppressions), the copy for code scanning without waived findings (code scanning does not act
# on a third-party tool's suppressions), the Markdown job summary and a JSON report, then the
# step outputs. Findings never fail this step (the gate step does that, after
# the upload, so that code scanning always receives the results); an error of samdscan itself
# (exit 2: usage, config, policy) does.
#
# Input (environment): SAMDSCAN_BIN; INPUT_PATH, INPUT_CONFIG, INPUT_BASE, INPUT_FAIL_ON,
# INPUT_POLICY (directories, one a line), INPUT_SARIF_FILE, INPUT_UPLOAD_SARIF, INPUT_CATEGORY,
# INPUT_ARGS (extra samdscan arguments, words of [A-Za-z0-9_./=:,@+-] only), INPUT_ANNOTATIONS;
# PR_HEAD_REPO (the pull request's head repository); GitHub's GITHUB_* and RUNNER_TEMP.
# Outputs: sarif-file, upload-sarif-file, findings, max-level, new-findings, exit-code, upload,
# checkout-path.

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# GitHub refuses a step summary over 1 MiB; stay below it.
readonly SUMMARY_LIMIT=1000000

: "${SAMDSCAN_BIN:?SAMDSCAN_BIN is not set}" "${RUNNER_TEMP:?RUNNER_TEMP is not set}"
command -v jq >/dev/null 2>&1 || fail "jq is needed to read the results (GitHub-hosted runners have it)"

path=${INPUT_PATH:-.}
fail_on=${INPUT_FAIL_ON:-error}
upload=${INPUT_UPLOAD_SARIF:-true}
category=${INPUT_CATEGORY:-samdscan}
base=${INPUT_BASE:-}
[ -d "$path" ] || fail "path: '$path' is not a directory"
case $fail_on in error | warning | note | never) ;; *) fail "fail-on: expected error, warning, note or never, got '$fail_on'" ;; esac
case $upload in true | false) ;; *) fail "upload-sarif: expected true or false, got '$upload'" ;; esac
case $category in *$'\n'* | '') fail "category: expected one line of text" ;; esac
annotations=${INPUT_ANNOTATIONS:-false}
case $annotations in true | false) ;; *) fail "annotations: expected true or false, got '$annotations'" ;; esac

# extra_args: INPUT_ARGS split on blanks, never through a shell: a word with anything but
# letters, digits and _./=:,@+- (quotes, $, ;, |, &, globs, line breaks) is refused, and so are
# the options the action sets itself.
extra_args=()
case ${INPUT_ARGS:-} in *$'\n'* | *$'\r'*) fail "args: expected one line" ;; esac
read -r -a words <<<"${INPUT_ARGS:-}"
for word in ${words[@]+"${words[@]}"}; do
  [[ $word =~ ^[A-Za-z0-9_./=:,@+-]+$ ]] || fail "args: '$word' has a character other than letters, digits and _./=:,@+- (no quoting or shell syntax: the words are passed as they are)"
  case $word in
    --format* | -f* | --output* | -o* | --report* | --category* | --fail-on* | --base* | --config* | --policy* | --)
      fail "args: $word is set by the action's own inputs" ;;
  esac
  extra_args+=("$word")
done

out_dir="$RUNNER_TEMP/samdscan"
mkdir -p "$out_dir"
sarif=${INPUT_SARIF_FILE:-$out_dir/samdscan.sarif}
mkdir -p "$(dirname "$sarif")"
upload_sarif="$RUNNER_TEMP/samdscan-upload.sarif"
summary="$out_dir/summary.md"
report="$out_dir/report.json"

# A folder inside a repository is scanned without history; its SARIF paths are given from the
# repository's top, which is then the checkout path for the upload.
prefix=$(git -C "$path" rev-parse --show-prefix 2>/dev/null || true)
[ -z "$prefix" ] || warning "path '$path' is the folder $prefix of a git repository, not its top: samdscan reads no history there (history rules are not evaluated)"

args=(scan --format=sarif "--output=$sarif" "--report=sarif-upload=$upload_sarif"
  "--report=markdown=$summary" "--report=json=$report"
  "--fail-on=$fail_on" "--category=$category")
[ -z "${INPUT_CONFIG:-}" ] || args+=("--config=$INPUT_CONFIG")
while IFS= read -r dir; do
  dir=${dir#"${dir%%[![:space:]]*}"}
  dir=${dir%"${dir##*[![:space:]]}"}
  [ -z "$dir" ] || args+=("--policy=$dir")
done <<<"${INPUT_POLICY:-}"
if [ -n "$base" ]; then
  git -C "$path" rev-parse --verify --quiet "$base^{commit}" >/dev/null ||
    fail "base '$base' is not in the clone: check out with 'fetch-depth: 0' (actions/checkout)"
  args+=("--base=$base")
fi
args+=(${extra_args[@]+"${extra_args[@]}"} -- "$path")

echo "samdscan ${args[*]}"
set +e
"$SAMDSCAN_BIN" "${args[@]}"
code=$?
set -e
case $code in
  0 | 1) ;;
  *) fail "samdscan stopped with exit code $code (a usage, config or policy error: see the log above)" ;;
esac

# Active findings: neither waived nor fixed (absent from this branch).
counts=$(jq -r '
  [.findings[] | select(.waiver == null and .baseline_state != "absent")] as $a
  | [($a | length),
     ([$a[] | select(.baseline_state == "new")] | length),
     ([$a[].level] | if index("error") then "error" elif index("warning") then "warning"
       elif index("note") then "note" else "none" end)]
  | @tsv' "$report" | tr -d '\r') || fail "cannot read the JSON report $report"
read -r findings new max <<<"$counts"
[ -n "$base" ] || new=""

if [ "$annotations" = true ]; then
  jq -r --arg base "$base" -f "$(dirname "${BASH_SOURCE[0]}")/annotations.jq" "$report" ||
    fail "cannot read the JSON report $report"
fi

if [ "$upload" = true ] && [ "${GITHUB_ACTOR:-}" = "dependabot[bot]" ]; then
  upload=false
  skipped="Dependabot runs get a read-only token"
elif [ "$upload" = true ] && [ "${GITHUB_EVENT_NAME:-}" = pull_request ] &&
  [ -n "${PR_HEAD_REPO:-}" ] && [ "$PR_HEAD_REPO" != "${GITHUB_REPOSITORY:-}" ]; then
  upload=false
  skipped="pull requests from forks get a read-only token"
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ "$(wc -c <"$summary")" -le "$SUMMARY_LIMIT" ]; then
    cat "$summary" >>"$GITHUB_STEP_SUMMARY"
  else
    head -c "$SUMMARY_LIMIT" "$summary" | sed '$d' >>"$GITHUB_STEP_SUMMARY"
    printf '\n> **Note:** this summary was cut at GitHub'"'"'s size limit; every finding is in the SARIF file.\n' >>"$GITHUB_STEP_SUMMARY"
  fi
  [ -z "${skipped:-}" ] || printf '\n> **Note:** the SARIF was not uploaded to code scanning: %s.\n' "$skipped" >>"$GITHUB_STEP_SUMMARY"
fi
[ -z "${skipped:-}" ] || notice "SARIF upload skipped: $skipped. The findings are in the job summary and in the sarif-file output."

top=$path
[ -z "$prefix" ] || top=$(git -C "$path" rev-parse --show-toplevel)
if [ "${RUNNER_OS:-}" = Windows ]; then
  checkout=$(cd "$top" && pwd -W)
else
  checkout=$(cd "$top" && pwd -P)
fi
set_output sarif-file "$sarif"
set_output upload-sarif-file "$upload_sarif"
set_output findings "$findings"
set_output max-level "$max"
set_output new-findings "$new"
set_output exit-code "$code"
set_output upload "$upload"
set_output checkout-path "$checkout"
echo "samdscan: $findings findings (highest level: $max)${base:+, $new new since $base}"
