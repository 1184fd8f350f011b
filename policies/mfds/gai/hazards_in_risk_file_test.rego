package samdscan.mfds.gai.hazards_in_risk_file_test

import data.samdscan.mfds.gai.hazards_in_risk_file as p
import rego.v1

gen := {"ai": {"enabled": true, "generative": true}}

full := "Hallucinated finding; omission of a lesion; bias across sites; inconsistent answers; data drift; prompt injection; upstream model change; API outage; personal data leak; automation bias"

test_all_hazards_pass if {
	count(p.deny) == 0 with input as {"profile": gen, "documents": {"risk_table": [{"path": "docs/risk/risk-table.csv", "text": full}]}}
}

test_korean_wording_counts if {
	text := "환각, 누락, 편향, 일관성, 드리프트, 프롬프트 주입, 모델 변경, 서비스 중단, 개인정보, 자동화 편향"
	count(p.deny) == 0 with input as {"profile": gen, "documents": {"risk_table": [{"path": "r.csv", "text": text}]}}
}

test_missing_hazards_are_listed if {
	d := p.deny with input as {"profile": gen, "documents": {"risk_table": [{"path": "r.csv", "text": "hallucination"}]}}
	some f in d
	contains(f.msg, "prompt injection / jailbreak")
	not contains(f.msg, "hallucination,")
}
