#!/usr/bin/env bash
# Last step of the action: fail the job when the scan found something at or above `fail-on`
# (with a base: something the change introduces). It runs after the upload, so code scanning has
# the results whichever way the gate goes.
#
# Input (environment): SCAN_EXIT_CODE, INPUT_FAIL_ON, INPUT_BASE, FINDINGS, NEW_FINDINGS.

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fail_on=${INPUT_FAIL_ON:-error}
base=${INPUT_BASE:-}
case ${SCAN_EXIT_CODE:-} in
  0)
    echo "samdscan: no finding at or above '$fail_on'${base:+ introduced since $base}"
    ;;
  1)
    if [ -n "$base" ]; then
      what="${NEW_FINDINGS:-?} new findings since $base"
    else
      what="${FINDINGS:-?} findings"
    fi
    printf '::error title=samdscan::%s\n' "$(escape "$what, at least one at or above '$fail_on': see the job summary")"
    exit 1
    ;;
  *)
    fail "the scan step left no result"
    ;;
esac
