#!/usr/bin/env bash
# 가져오기 커밋 뒤에, 변경 요청도 검토 기록도 위험 재평가도 없이 안전 필수 코드를 바로 고친 커밋을 더한다
# (examples/materialise.sh가 실행).
set -euo pipefail
export GIT_AUTHOR_DATE=2026-10-01T13:00:00Z GIT_COMMITTER_DATE=2026-10-01T13:00:00Z

sed -i.bak 's/low: float = 40.0/low: float = 45.0/' src/alarm/threshold.py && rm src/alarm/threshold.py.bak
git -c commit.gpgsign=false commit -q -a -F - <<'MSG'
경보 하한 임계값 상향

현장 의견에 따라 하한 임계값을 45 bpm으로 올림.
MSG
