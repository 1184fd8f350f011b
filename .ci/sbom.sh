#!/usr/bin/env bash
# SBOM truth: samdscan's NTIA minimum-elements verdict on SPDX 2 (JSON, tag-value, YAML, RDF/XML)
# must equal the SPDX reference checker's (ntia-conformance-checker, PyPI) on generated SBOMs and
# on the real ones in ../shared/data. Installs python3-venv if missing; the venv is reused.
# Takes about two minutes on 2 cores (most of it Python start-up of the two reference tools).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
venv=target/ci-sbom-venv
[ -x "$venv/bin/ntia-checker" ] || {
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'ntia-conformance-checker==6.0.0'
}
cargo build --locked --release -q
python3 .ci/sbom_crosscheck.py target/release/samdscan "$venv/bin" target/ci-sbom ../shared/data
