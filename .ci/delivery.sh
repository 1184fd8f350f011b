#!/usr/bin/env bash
# Checks how samdscan reaches users, without GitHub, with the real tools:
#   1. the release recipe for Linux x86_64 (dist/build.sh, static musl): one maturin build gives
#      the wheel and the binary; the binary is static, prints its version and scans an example;
#   2. the action's install path (action/plan-install.sh, action/install.sh) downloads that
#      archive from a file server on 127.0.0.1, checks it against the checksum pinned in
#      dist/checksums/vVERSION.txt and installs it; a tampered pin is refused;
#   3. the wheel installs in a fresh venv, and its `samdscan` prints its version and scans an
#      example;
#   4. the pre-commit mirror (pre-commit-mirror/) installs its `language: python` hook from the
#      wheel (a local wheel folder standing in for PyPI), and the hook passes on an example.
# Prints the figures (`figure: ...`) and `N passed, N failed`; exits 1 when a check failed.
# Needs cargo, rustup and musl-gcc (.ci/run installs musl-tools), python3 and curl.
set -euo pipefail

readonly TARGET=x86_64-unknown-linux-musl
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source-path=SCRIPTDIR source=checks.sh
. "$root/.ci/checks.sh"
now() { date +%s.%N; }
# figure NAME START: prints the seconds since START.
figure() { awk -v name="$1" -v start="$2" -v end="$(now)" 'BEGIN { printf "figure: %s: %.1f s\n", name, end - start }'; }

# shellcheck source-path=SCRIPTDIR source=tools.sh
. "$root/.ci/tools.sh"
command -v musl-gcc >/dev/null 2>&1 || { echo "musl-gcc is missing (Debian: musl-tools)"; exit 1; }
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
asset="samdscan-$version-$TARGET.tar.gz"

# An example as a git repository, built as the tests build it.
import_example() {
  mkdir -p "$work/repos"
  "$root/examples/materialise.sh" "$1" "$work/repos/$2" >&2
  echo "$work/repos/$2"
}
example=$(import_example 01-cardiowatch-compliant cardiowatch)
# scans_clean BIN: BIN scans the compliant example without a finding.
scans_clean() { "$1" scan "$example" --fail-on note --format text; }

# 1. The release recipe.
out=$work/out
start=$(now)
check "dist/build.sh $TARGET (maturin: wheel and binary)" "$root/dist/build.sh" "$TARGET" "$out"
figure "release build for $TARGET (maturin build --release; incremental when target/ holds an earlier build)" "$start"
bin=$root/target/$TARGET/release/samdscan
static() { ldd "$bin" 2>&1 | grep -q 'not a dynamic executable\|statically linked'; }
check "the $TARGET binary is statically linked" static
echo "figure: $TARGET binary size: $(stat -c %s "$bin") bytes; archive: $(stat -c %s "$out/$asset") bytes"
check "the static binary reports samdscan $version" bash -c "'$bin' --version | grep -qx 'samdscan $version'"
check "the static binary scans the compliant example without a finding" scans_clean "$bin"

# 2. The action's install path against a release server on 127.0.0.1.
mkdir -p "$work/server/v$version" "$work/action/action" "$work/action/dist/checksums"
cp "$out/$asset" "$work/server/v$version/"
cp "$root"/action/{lib.sh,plan-install.sh,install.sh} "$work/action/action/"
cp "$root/Cargo.toml" "$work/action/"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/server" >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 50); do
  port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -z "$port" ] || break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log"; echo "the file server did not start"; exit 1; }
# action_install PIN: the plan and install steps, as action.yml runs them, with PIN as the
# archive's checksum in dist/checksums/vVERSION.txt; prints the installed executable. (Explicit
# returns: `set -e` does not apply inside a function called as a condition.)
action_install() {
  printf '%s  %s\n' "$1" "$asset" >"$work/action/dist/checksums/v$version.txt"
  local runner=$work/runner-$1
  mkdir -p "$runner/temp"
  : >"$runner/plan"
  : >"$runner/install"
  GITHUB_OUTPUT=$runner/plan RUNNER_TEMP=$runner/temp RUNNER_OS=Linux RUNNER_ARCH=X64 \
    bash "$work/action/action/plan-install.sh" >&2 || return 1
  grep -qx 'method=release' "$runner/plan" || return 1
  local -A plan
  while IFS='=' read -r key value; do plan[$key]=$value; done <"$runner/plan"
  GITHUB_OUTPUT=$runner/install RUNNER_TEMP=$runner/temp RUNNER_OS=Linux RUNNER_ARCH=X64 \
    PLAN_METHOD=${plan[method]} PLAN_SOURCE=${plan[source]} PLAN_VERSION=${plan[version]} \
    PLAN_ASSET=${plan[asset]} PLAN_SHA256=${plan[sha256]} PLAN_INSTALL_DIR=${plan[install-dir]} \
    SAMDSCAN_RELEASE_MIRROR="http://127.0.0.1:$port" \
    bash "$work/action/action/install.sh" >&2 || return 1
  sed -n 's/^bin=//p' "$runner/install"
}
sha=$(sha256sum "$out/$asset" | cut -d' ' -f1)
start=$(now)
if installed=$(action_install "$sha" 2>"$work/log"); then
  figure "action install of the release binary (plan, download from 127.0.0.1, verify, unpack)" "$start"
  pass "the action installs the archive from http://127.0.0.1:$port after checking its pinned SHA-256"
  check "the installed binary is the release build" cmp "$installed" "$bin"
else
  cat "$work/log"
  failure "the action installs the archive from http://127.0.0.1:$port after checking its pinned SHA-256"
fi
refused() {
  if action_install "$(printf '%064d' 0)" >"$work/refused.log" 2>&1; then
    cat "$work/refused.log"
    return 1
  fi
  grep -q "checksum mismatch for $asset" "$work/refused.log"
}
check "the action refuses the archive when its pinned SHA-256 differs" refused
kill "$server_pid"
server_pid=""

# 3. The wheel, in a fresh venv.
wheel=$(ls "$out"/wheels/samdscan-"$version"-*.whl)
echo "wheel: $(basename "$wheel")"
start=$(now)
check "the wheel installs in a fresh venv" \
  bash -c "python3 -m venv '$work/venv' && '$work/venv/bin/pip' install --quiet --disable-pip-version-check --no-index '$wheel'"
figure "wheel install in a fresh venv (venv creation included)" "$start"
check "the wheel's samdscan reports $version" bash -c "'$work/venv/bin/samdscan' --version | grep -qx 'samdscan $version'"
start=$(now)
check "the wheel's samdscan scans the compliant example without a finding" scans_clean "$work/venv/bin/samdscan"
figure "first scan with the wheel's samdscan (example 01)" "$start"

# 4. The pre-commit mirror's python hook, with the wheel from a local folder instead of PyPI.
mirror=$work/repos/samdscan-pre-commit
cp -R "$root/pre-commit-mirror" "$mirror"
git_quiet() {
  git -c user.name=CI -c user.email=ci@example.com -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}
(cd "$mirror" && git_quiet init -q && git_quiet add -A && git_quiet commit -q -m "samdscan-pre-commit $version")
cat >"$work/pre-commit-config.yaml" <<YAML
repos:
  - repo: $mirror
    rev: $(git -C "$mirror" rev-parse HEAD)
    hooks:
      - id: samdscan
YAML
hook_repo=$(import_example 01-cardiowatch-compliant hooked)
export PRE_COMMIT_HOME=$work/pre-commit-home PIP_FIND_LINKS=$out/wheels
start=$(now)
check "pre-commit installs the mirror's python hook from the wheel" \
  bash -c "cd '$hook_repo' && pre-commit install-hooks -c '$work/pre-commit-config.yaml'"
figure "pre-commit first install of the python hook (mirror, wheel from a local folder)" "$start"
check "the python hook passes on the compliant example" \
  bash -c "cd '$hook_repo' && pre-commit run -c '$work/pre-commit-config.yaml' samdscan"

echo "delivery: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
