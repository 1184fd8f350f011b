#!/usr/bin/env bash
# Builds samdscan for one Rust target in release: maturin compiles the binary once and wraps it
# in a wheel (`bindings = "bin"`, pyproject.toml), then dist/package.sh packs the same binary into
# the release archive. Linux targets are static musl builds, so their wheel is tagged for both
# glibc (manylinux_2_17) and musl (musllinux_1_2) systems; Windows links the C runtime statically.
# Used by .github/workflows/release.yml for every target and by .ci/delivery.sh for the Linux one.
#
# Usage: dist/build.sh TARGET OUT_DIR  (needs cargo with TARGET installed, maturin on PATH, and
# musl-gcc for a musl target). Leaves the wheel in OUT_DIR/wheels, the archive in OUT_DIR.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 TARGET OUT_DIR" >&2; exit 2; }
target=$1
mkdir -p "$2"
out_dir=$(cd "$2" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

compatibility=()
case $target in
  *-unknown-linux-musl) compatibility=(--compatibility manylinux_2_17 musllinux_1_2) ;;
  *-pc-windows-msvc) export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C target-feature=+crt-static" ;;
esac
# (The array expansion is spelled for bash 3.2 too, macOS's /bin/bash.)
(cd "$root" && maturin build --release --locked --target "$target" ${compatibility[@]+"${compatibility[@]}"} --out "$out_dir/wheels")
"$root/dist/package.sh" "$target" "$out_dir"
