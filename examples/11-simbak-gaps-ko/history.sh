#!/usr/bin/env bash
# 가져오기 커밋(2026-10-01) 뒤의 한국어 커밋 이력(examples/materialise.sh가 실행): 먼저 제대로 기록된
# 변경 둘(변경 요청 CR-41·CR-42를 참조하고, 안전 필수 코드의 변경은 같은 커밋에서 위해요인 분석표를 다시
# 검토하며, 검토자를 `Reviewed-by:` 트레일러로 남긴다. 트레일러 이름은 git 관례대로 영어로 둔다), 그다음
# 변경 요청도 검토 기록도 없이 안전 필수 코드를 바로 고친 커밋 하나.
set -euo pipefail
g() { git -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
# 고정된 날짜: 가져오기 커밋과 같은 날, 그 뒤.
at() { export GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1"; }

sed -i.bak 's/(안전 필수)\./(안전 필수, RSK-7 참조)./' src/alarm/threshold.py && rm src/alarm/threshold.py.bak
sed -i.bak 's/^RSK-7,오경보 폭주,/RSK-7,오경보 폭주(히스테리시스 재검토),/' docs/위험관리/위해요인분석표.csv
rm docs/위험관리/위해요인분석표.csv.bak
at 2026-10-01T13:00:00Z
g commit -q -a -F - <<'MSG'
경보 임계값 모듈에 위험 참조 추가 (CR-41)

경보 임계값 모듈 설명에 관련 위험 RSK-7을 적고, 위해요인 분석표의 RSK-7을
히스테리시스 재검토 결과로 갱신한다.

Reviewed-by: 김안전 <safety@simbak.example>
MSG

sed -i.bak 's/^부정맥 진단에 사용하지 마십시오\.$/부정맥 진단에 사용하지 마십시오. 경보가 울리면 환자 상태를 직접 확인하십시오./' docs/표시기재/전자적사용설명서.md
rm docs/표시기재/전자적사용설명서.md.bak
at 2026-10-01T14:00:00Z
g commit -q -a -F - <<'MSG'
사용설명서 경고 문구 보완 (CR-42)

경보 발생 시 환자 상태를 직접 확인하라는 경고를 추가한다.

Reviewed-by: 이품질 <qa@simbak.example>
MSG

sed -i.bak 's/low: float = 40.0/low: float = 45.0/' src/alarm/threshold.py && rm src/alarm/threshold.py.bak
at 2026-10-01T15:00:00Z
g commit -q -a -F - <<'MSG'
경보 하한 임계값 상향

현장 의견에 따라 하한 임계값을 45 bpm으로 올림.
MSG
