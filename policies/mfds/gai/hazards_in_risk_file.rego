# METADATA
# title: Generative-AI hazards in the risk file
# description: |
#   The MFDS generative-AI guideline applies ISO 14971 with hazards of its own: hallucination,
#   omission, bias, inconsistency between runs, data drift, prompt injection and jailbreak, a
#   provider changing the upstream model, API unavailability, personal data leaking into outputs,
#   and automation bias of users. Each must appear in the risk table (English or Korean wording).
#   samdscan checks that a risk row names each hazard and gives it a risk control and a
#   verification reference (in a risk table samdscan parsed; in a table it could not parse, only
#   that the hazard is named); whether they are adequate is for the reviewer.
# custom:
#   ko:
#     title: "위험관리 파일의 생성형 AI 위해요인"
#     description: |
#       식약처 생성형 AI 가이드라인은 ISO 14971을 고유한 위해요인과 함께 적용합니다: 환각, 누락, 편향, 실행
#       간 비일관성, 데이터 드리프트, 프롬프트 인젝션과 탈옥(jailbreak), 제공자의 상위 모델 변경, API 사용
#       불가, 출력으로의 개인정보 유출, 사용자의 자동화 편향. 각각이 위험 분석표(영어 또는 한국어 표현)에 있어야
#       합니다. samdscan은 각 위해요인을 적은 위험 행에 위험 통제와 검증 참조가 있는지 확인하며(해석하지 못한
#       표에서는 위해요인이 적혀 있는지만 확인), 통제와 검증의 적절성은 심사자가 판단합니다.
#     recommended_action: |
#       결과에 나열된 각 생성형 AI 위해요인에 대해 통제와 검증 참조가 있는 위험 분석표 행을 추가하십시오.
#     applies: "product.ai.generative인 생성형 인공지능 제품."
#   id: MFDS-GAI-002
#   severity: error
#   precision: high
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

# The rows of the parsed risk tables, each with its table's path.
rows := [object.union(r, {"path": t.path}) |
	some t in object.get(input, ["risks", "tables"], [])
	some r in t.rows
]

# A row's words: what it says the hazard, situation, harm and cause are.
row_text(r) := lower(concat(" ", [v |
	some k in ["id", "hazard", "hazardous_situation", "harm", "cause", "sequence_of_events", "description"]
	v := r[k]
	is_string(v)
]))

says(t, words) if {
	some w in words
	contains(t, w)
}

rows_naming(words) := [r | some r in rows; says(row_text(r), words)]

# A row that gives the hazard a control and a verification reference.
handled(r) if {
	count(r.risk_controls) > 0
	is_string(r.verification)
	trim_space(r.verification) != ""
}

handled(r) if {
	count(r.risk_controls) > 0
	is_array(r.verification)
	count(r.verification) > 0
}

missing := sort([h |
	some h, words in hazards
	count(rows_naming(words)) == 0
	not says(text, words)
])

# Named in parsed rows, none of which gives a control and a verification reference.
unhandled contains h if {
	some h, words in hazards
	named_rows := rows_naming(words)
	count(named_rows) > 0
	not some_handled(named_rows)
}

some_handled(rs) if {
	some r in rs
	handled(r)
}

# Named only in a table samdscan could not parse: its control and verification are unknown.
unparsed contains h if {
	some h, words in hazards
	count(rows_naming(words)) == 0
	says(text, words)
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

deny contains f if {
	some h in unhandled
	r := rows_naming(hazards[h])[0]
	f := {
		"msg": sprintf("generative-AI hazard %s is analysed in %s (%s) without both a risk control and a verification reference", [h, r.id, r.path]),
		"msg_ko": sprintf("생성형 AI 위해요인 %s이(가) %s(%s)에서 분석되었으나 위험 통제와 검증 참조가 모두 있지는 않습니다", [h, r.id, r.path]),
		"path": r.path,
		"line": r.line,
		"key": sprintf("unhandled|%s", [h]),
	}
}

not_evaluated contains r if {
	count(unparsed) > 0
	r := {
		"msg": sprintf("the controls and verification of %s were not checked: they are named only in risk tables samdscan could not parse into rows", [concat(", ", sort(unparsed))]),
		"msg_ko": sprintf("%s의 통제와 검증을 확인하지 못했습니다: samdscan이 행으로 해석하지 못한 위험 분석표에만 적혀 있습니다", [concat(", ", sort(unparsed))]),
	}
}
