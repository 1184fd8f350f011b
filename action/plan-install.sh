#!/usr/bin/env bash
# Step 1 of the action: decide how to get samdscan, as step outputs for the cache and install
# steps. The release binary for this runner when dist/checksums/vVERSION.txt (committed with the
# action) pins its archive; else `cargo install --locked`, from the action's own source for the
# action's own version and from crates.io for another. The cache key names the pinned checksum,
# or a digest of the source that cargo builds, so it changes whenever what is installed does.
#
# Input (environment): INPUT_VERSION ('' = the version of the action's source, or X.Y.Z);
# INPUT_INSTALL (auto = the release binary when one is pinned, else from source; release = the
# release binary or fail; source = always from source).
# Outputs: method (release|cargo), source (release|path|crates-io), version, target, asset,
# sha256, install-dir, cache-key.

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

root=$(action_dir)
own_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
[ -n "$own_version" ] || fail "cannot read the package version from $root/Cargo.toml"
version=${INPUT_VERSION:-$own_version}
version=${version#v}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
  fail "version: expected empty or a version like 1.2.3, got '$INPUT_VERSION'"
install=${INPUT_INSTALL:-auto}
case $install in auto | release | source) ;; *) fail "install: expected auto, release or source, got '$install'" ;; esac

# The Rust target triple of the release build for this runner, or '' when none is built.
runner_target() {
  local os arch
  case ${RUNNER_OS:-$(uname -s)} in
    Linux) os=unknown-linux-musl ;;
    macOS | Darwin) os=apple-darwin ;;
    Windows | MINGW* | MSYS* | CYGWIN*) os=pc-windows-msvc ;;
    *) return 0 ;;
  esac
  case ${RUNNER_ARCH:-$(uname -m)} in
    X64 | x86_64 | amd64) arch=x86_64 ;;
    ARM64 | aarch64 | arm64) arch=aarch64 ;;
    *) return 0 ;;
  esac
  echo "$arch-$os"
}

# A digest of everything `cargo install --path` builds from, for the cache key. Bash globs, not
# find and sort: on Windows runners those names can resolve to Windows' own commands.
source_digest() {
  (
    cd "$root"
    shopt -s globstar nullglob
    for f in Cargo.toml Cargo.lock build.rs src/** policies/** schema/**; do
      [ ! -f "$f" ] || sha256 "$f"
    done
  ) | sha256 | cut -c1-16
}

target=$(runner_target)
asset=""
checksum=""
checksums="$root/dist/checksums/v$version.txt"
if [ -n "$target" ]; then
  asset="samdscan-$version-$target.tar.gz"
  if [ -f "$checksums" ]; then
    checksum=$(awk -v a="$asset" '$1 !~ /^#/ && ($2 == a || $2 == "*" a) { print $1; exit }' "$checksums")
    [ -z "$checksum" ] || [[ $checksum =~ ^[0-9a-f]{64}$ ]] ||
      fail "dist/checksums/v$version.txt: the line for $asset does not start with a SHA-256 (64 lowercase hex digits)"
  fi
fi
os_arch="${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}"
if [ "$install" != source ] && [ -n "$checksum" ]; then
  method=release source=release key="samdscan-$os_arch-$version-release-${checksum:0:16}"
elif [ "$install" = release ]; then
  fail "install: release, but no release binary of samdscan $version for ${target:-this runner ($os_arch)} is pinned in dist/checksums/v$version.txt"
elif [ "$version" = "$own_version" ]; then
  method=cargo source=path key="samdscan-$os_arch-$version-src-$(source_digest)"
else
  method=cargo source=crates-io key="samdscan-$os_arch-$version-crates-io"
fi

set_output method "$method"
set_output source "$source"
set_output version "$version"
set_output target "$target"
set_output asset "$asset"
set_output sha256 "$checksum"
set_output install-dir "${RUNNER_TEMP:?RUNNER_TEMP is not set}/samdscan-$version"
set_output cache-key "$key"
echo "samdscan $version: $method ($source)${target:+ for $target}"
