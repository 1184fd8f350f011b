# shellcheck shell=bash
# Counting checks for the CI scripts (.ci/integrations.sh, .ci/delivery.sh): `check NAME
# COMMAND...` runs COMMAND with its output kept in "$work/log" (the caller's scratch folder),
# printed only when it fails; `pass`/`failure` count by hand. The caller prints the totals.

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $*"; }
failure() { failed=$((failed + 1)); echo "FAILED: $*"; }
# check NAME COMMAND...: runs COMMAND, counts it.
# shellcheck disable=SC2154 # work: the caller's scratch folder
check() {
  local name=$1
  shift
  if "$@" >"$work/log" 2>&1; then pass "$name"; else cat "$work/log"; failure "$name"; fi
}
