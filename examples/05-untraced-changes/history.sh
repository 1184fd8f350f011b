#!/usr/bin/env bash
# Builds the change history this example is judged on, after the import commit:
# a lightweight release tag, an untraced safety-critical change with no risk assessment, and a
# dependency update whose lockfile change has no matching SBOM update.
set -euo pipefail
g() { git -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
# Fixed dates, after the import commit (2026-10-01), so every run builds the same history.
at() { export GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1"; }

g tag v1.2.0

cat >> src/alarm/threshold.py <<'PY'

# Raised after field feedback.
HIGH_RATE_BPM = 150
PY
at 2026-10-05T09:00:00Z
g commit -q -am "Raise the high heart-rate threshold"

sed -i.bak 's/version = "2.1.3"/version = "2.2.0"/' poetry.lock && rm poetry.lock.bak
at 2026-10-06T09:00:00Z
g commit -q -am "Update numpy (CR-52)"
