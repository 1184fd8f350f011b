#!/usr/bin/env bash
# fuzz/smoke.sh [SECONDS]: runs every fuzz target for SECONDS (default 30) with cargo-fuzz on
# nightly, seeded at run time from ../shared/data (or $SAMDSCAN_SHARED_DATA) and the examples
# (nothing is copied into the project: libFuzzer reads the seed folders in place and writes what
# it finds to fuzz/corpus/TARGET, which git ignores). Prints one line per target: executions and
# coverage from libFuzzer's last status line. Exits 1 when a target crashes (its input is in
# fuzz/artifacts/TARGET).
set -uo pipefail
secs=${1:-30}
fuzz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz")
data=${SAMDSCAN_SHARED_DATA:-}
if [ -z "$data" ]; then
  for d in "$root/../shared/data" "$root/../../shared/data"; do [ -d "$d" ] && data=$(cd "$d" && pwd) && break; done
fi
ex=$root/examples
# seeds TARGET: the folders that seed it.
seeds() {
  case $1 in
    sbom_json | sbom_xml | sbom_spdx) echo "$data/sbom" ;;
    coverage) echo "$data/coverage $ex/06-untested-requirements/reports" ;;
    vuln_report) echo "$data/sarif $ex/01-cardiowatch-compliant/reports" ;;
    junit) echo "$ex/01-cardiowatch-compliant/reports" ;;
    vex) echo "$ex/01-cardiowatch-compliant/vex" ;;
    codeowners | issue_templates) echo "$ex/01-cardiowatch-compliant/.github" ;;
    risk_table | front_matter) echo "$ex/01-cardiowatch-compliant/docs" ;;
    evidence_index) echo "$ex/01-cardiowatch-compliant/regulatory" ;;
    lockfile) echo "$ex/01-cardiowatch-compliant $ex/07-ai-cxr-compliant" ;;
    config | pipeline) echo "$ex/01-cardiowatch-compliant" ;;
  esac
}
cd "$fuzz" || exit 2
cargo +nightly fuzz build -O || exit 2
failed=0
for t in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$t"
  dirs=()
  for d in $(seeds "$t"); do [ -d "$d" ] && dirs+=("$d"); done
  log=$(mktemp)
  cargo +nightly fuzz run -O "$t" "corpus/$t" "${dirs[@]}" -- \
    -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 -timeout=20 >"$log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  echo "$t rc=$rc ${last}"
  if [ $rc -ne 0 ]; then failed=1; grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5; fi
  rm -f "$log"
done
exit $failed
