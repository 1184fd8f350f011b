# METADATA
# title: Generative-AI hazards in the risk file
# description: |
#   The MFDS generative-AI guideline applies ISO 14971 with hazards of its own: hallucination,
#   omission, bias, inconsistency between runs, data drift, prompt injection and jailbreak, a
#   provider changing the upstream model, API unavailability, personal data leaking into outputs,
#   and automation bias of users. Each must appear in the risk table (English or Korean wording).
#   samdscan checks that the risk file names each hazard; whether its control and verification are
#   adequate is for the reviewer.
# custom:
#   ko:
#     title: "위험관리 파일의 생성형 AI 위해요인"
#     description: |
#       식약처 생성형 AI 가이드라인은 ISO 14971을 고유한 위해요인과 함께 적용합니다: 환각, 누락, 편향, 실행
#       간 비일관성, 데이터 드리프트, 프롬프트 인젝션과 탈옥(jailbreak), 제공자의 상위 모델 변경, API 사용
#       불가, 출력으로의 개인정보 유출, 사용자의 자동화 편향. 각각이 위험 분석표(영어 또는 한국어 표현)에 있어야
#       합니다. samdscan은 위험관리 파일이 각 위해요인을 적는지 확인하며, 통제와 검증의 적절성은 심사자가
#       판단합니다.
#     recommended_action: |
#       결과에 나열된 각 생성형 AI 위해요인에 대해 통제와 검증 참조가 있는 위험 분석표 행을 추가하십시오.
#     applies: "product.ai.generative인 생성형 인공지능 제품."
#   id: MFDS-GAI-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_table, risks.tables?, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Add risk-table rows (with a control and a verification reference) for each generative-AI
#     hazard the finding lists.
#   references:
#     - {source: "MFDS generative AI medical device approval/review guideline (2025-01-24)", title: "Risk management"}
#     - {source: "ISO 14971:2019", clause: "5.4", title: "Identification of hazards and hazardous situations"}
package samdscan.mfds.gai.hazards_in_risk_file

import data.samdscan.lib.ai
import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

hazards := {
	"hallucination": ["hallucinat", "fabricat", "confabulat", "환각"],
	"omission": ["omission", "omit", "누락"],
	"bias": ["bias", "편향"],
	"inconsistency": ["inconsisten", "non-determinis", "nondeterminis", "일관성"],
	"data drift": ["drift", "드리프트"],
	"prompt injection / jailbreak": ["prompt injection", "jailbreak", "프롬프트 주입", "탈옥"],
	"upstream model change": ["upstream", "provider model change", "model deprecation", "모델 변경"],
	"API unavailability": ["unavailab", "outage", "downtime", "서비스 중단", "장애"],
	"personal data leakage": ["leak", "personal data", "개인정보"],
	"automation bias": ["automation bias", "over-reliance", "overreliance", "자동화 편향"],
}

tables := documents.of_kind("risk_table")

text := lower(concat("\n", [d.text | some d in tables; is_string(d.text)]))

missing := sort([h |
	some h, words in hazards
	not named(words)
])

named(words) if {
	some w in words
	contains(text, w)
}

deny contains f if {
	count(tables) == 0
	f := documents.missing_ko("risk_table", "no risk table found, so no generative-AI hazard is analysed", "위험 분석표가 없어 생성형 AI 위해요인이 분석되지 않았습니다")
}

deny contains f if {
	count(tables) > 0
	count(missing) > 0
	f := {
		"msg": sprintf("the risk table names no generative-AI hazard of: %s", [concat(", ", missing)]),
		"msg_ko": sprintf("위험 분석표에 다음 생성형 AI 위해요인이 없습니다: %s", [concat(", ", missing)]),
		"path": tables[0].path,
		"line": 1,
		"key": "hazards",
	}
}
