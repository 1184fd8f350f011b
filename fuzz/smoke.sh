#!/usr/bin/env bash
# fuzz/smoke.sh [SECONDS]: runs every fuzz target for SECONDS (default 30) with libFuzzer, seeded
# at run time from ../shared/data (or $SAMDSCAN_SHARED_DATA) and the examples
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
    evidence_index | crosswalk) echo "$ex/01-cardiowatch-compliant/regulatory" ;;
    dicom) echo "$fuzz/seeds/dicom" ;;
    lockfile) echo "$ex/01-cardiowatch-compliant $ex/07-ai-cxr-compliant" ;;
    config | pipeline) echo "$ex/01-cardiowatch-compliant" ;;
  esac
}
cd "$fuzz" || exit 2
# cargo-fuzz on nightly when it is installed; otherwise the same instrumentation on stable:
# SanitizerCoverage through stable codegen flags (what `cargo fuzz --sanitizer none` passes),
# --cfg fuzzing for libfuzzer-sys, debug assertions and overflow checks on. --target keeps the
# flags off build scripts and proc macros.
triple=$(rustc -vV | sed -n 's/^host: //p')
if cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo +nightly fuzz build -O || exit 2
  targets=$(cargo +nightly fuzz list)
  # run TARGET DIR...: fuzzes TARGET with the corpus and seed folders DIR... and $flags.
  run() { cargo +nightly fuzz run -O "$@" -- "${flags[@]}"; }
else
  echo "no nightly cargo-fuzz: building the targets on stable with SanitizerCoverage flags"
  RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
    cargo build --release --locked --target "$triple" --bins || exit 2
  targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^samdscan-fuzz$')
  run() {
    local t=$1
    shift
    mkdir -p "artifacts/$t"
    "target/$triple/release/$t" "${flags[@]}" -artifact_prefix="artifacts/$t/" "$@"
  }
fi
flags=(-max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 -timeout=20)
failed=0
for t in $targets; do
  mkdir -p "corpus/$t"
  dirs=()
  for d in $(seeds "$t"); do [ -d "$d" ] && dirs+=("$d"); done
  log=$(mktemp)
  run "$t" "corpus/$t" "${dirs[@]}" >"$log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  echo "$t rc=$rc ${last}"
  if [ $rc -ne 0 ]; then failed=1; grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5; fi
  rm -f "$log"
done
exit $failed
