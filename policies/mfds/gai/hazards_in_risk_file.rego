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
#     - {source: MFDS generative AI medical device approval and review guideline (2025-01-24), clause: "risk management"}
#     - {source: ISO 14971:2019, clause: "5.4 Identification of hazards"}
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
	f := documents.missing("risk_table", "no risk table found, so no generative-AI hazard is analysed")
}

deny contains f if {
	count(tables) > 0
	count(missing) > 0
	f := {
		"msg": sprintf("the risk table names no generative-AI hazard of: %s", [concat(", ", missing)]),
		"path": tables[0].path,
		"line": 1,
		"key": "hazards",
	}
}
