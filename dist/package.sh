#!/usr/bin/env bash
# Packs one release archive: `samdscan-VERSION-TARGET.tar.gz` in OUT_DIR, holding the built
# executable (samdscan, or samdscan.exe for a Windows target) and README.md at its top, the
# layout action/install.sh unpacks. VERSION is the package version in Cargo.toml. Used by
# .github/workflows/release.yml for every target and by .ci/delivery.sh for the Linux one.
#
# Usage: dist/package.sh TARGET OUT_DIR  (after a release build for TARGET in target/TARGET/release)
# Prints the archive's path.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 TARGET OUT_DIR" >&2; exit 2; }
target=$1 out_dir=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
[ -n "$version" ] || { echo "cannot read the package version from $root/Cargo.toml" >&2; exit 2; }
case $target in
  *-windows-*) exe=samdscan.exe ;;
  *) exe=samdscan ;;
esac
built="${CARGO_TARGET_DIR:-$root/target}/$target/release/$exe"
[ -f "$built" ] || { echo "no release build for $target at $built" >&2; exit 2; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$built" "$stage/$exe"
cp "$root/README.md" "$stage/README.md"
mkdir -p "$out_dir"
archive="$(cd "$out_dir" && pwd)/samdscan-$version-$target.tar.gz"
# Relative names only: GNU tar on Windows would take `D:\...` for a remote host.
(cd "$stage" && tar -czf - "$exe" README.md) >"$archive"
echo "$archive"
