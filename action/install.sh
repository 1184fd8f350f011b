#!/usr/bin/env bash
# Step 2 of the action: put samdscan in PLAN_INSTALL_DIR/bin as plan-install.sh decided, unless
# the cache already restored the right version there. A release asset is checked against its
# pinned SHA-256 before anything is unpacked; a mismatch stops the job.
#
# Input (environment): PLAN_METHOD, PLAN_SOURCE, PLAN_VERSION, PLAN_ASSET, PLAN_SHA256,
# PLAN_INSTALL_DIR (the plan step's outputs); SAMDSCAN_RELEASE_MIRROR (optional: a mirror of the
# release downloads, e.g. inside a firewall; checksums are still enforced).
# Output: bin (the samdscan executable).

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${PLAN_METHOD:?}" "${PLAN_VERSION:?}" "${PLAN_INSTALL_DIR:?}"
bin_dir="$PLAN_INSTALL_DIR/bin"
bin="$bin_dir/$(exe_name)"

installed_version() {
  [ -x "$bin" ] && "$bin" --version 2>/dev/null | tr -d '\r' | sed -n 's/^samdscan //p'
}

install_release() {
  local base=${SAMDSCAN_RELEASE_MIRROR:-https://github.com/samdscan/samdscan/releases/download}
  local url="${base%/}/v$PLAN_VERSION/$PLAN_ASSET" tmp actual
  tmp=$(mktemp -d)
  echo "downloading $url"
  curl --fail --location --silent --show-error --retry 3 --output "$tmp/$PLAN_ASSET" "$url" ||
    fail "cannot download $url"
  actual=$(sha256 "$tmp/$PLAN_ASSET" | cut -d' ' -f1)
  [ "$actual" = "${PLAN_SHA256:?}" ] ||
    fail "checksum mismatch for $PLAN_ASSET: expected $PLAN_SHA256, got $actual; refusing to install it"
  mkdir -p "$bin_dir"
  # Read from standard input: GNU tar on Windows would take `D:\...` for a remote host.
  tar -xzf - -C "$bin_dir" "$(exe_name)" <"$tmp/$PLAN_ASSET" ||
    fail "$PLAN_ASSET does not hold $(exe_name)"
  rm -rf "$tmp"
}

install_with_cargo() {
  command -v cargo >/dev/null 2>&1 ||
    fail "no release binary of samdscan $PLAN_VERSION for this runner and no cargo to build it: install Rust first (for example with rustup)"
  local target_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/samdscan-target"
  case ${PLAN_SOURCE:?} in
    path) cargo install --locked --root "$PLAN_INSTALL_DIR" --target-dir "$target_dir" --path "$(action_dir)" ;;
    crates-io) cargo install --locked --root "$PLAN_INSTALL_DIR" --target-dir "$target_dir" --version "=$PLAN_VERSION" samdscan ;;
    *) fail "unknown source '$PLAN_SOURCE'" ;;
  esac || fail "cargo install of samdscan $PLAN_VERSION failed"
}

if [ "$(installed_version || true)" = "$PLAN_VERSION" ]; then
  echo "samdscan $PLAN_VERSION restored from the cache"
else
  case $PLAN_METHOD in
    release) install_release ;;
    cargo) install_with_cargo ;;
    *) fail "unknown install method '$PLAN_METHOD'" ;;
  esac
  [ "$(installed_version || true)" = "$PLAN_VERSION" ] ||
    fail "the installed samdscan does not report version $PLAN_VERSION"
fi
set_output bin "$bin"
