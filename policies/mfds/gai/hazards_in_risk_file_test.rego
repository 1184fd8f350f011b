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

categories := ["Hallucinated finding", "Omission of a lesion", "Bias across sites", "Inconsistent answers", "Data drift", "Prompt injection", "Upstream model change", "API outage", "Personal data leak", "Automation bias"]

row(i, hazard, controls, verification) := {"id": sprintf("RSK-%d", [i]), "line": i + 1, "hazard": hazard, "risk_controls": controls, "verification": verification, "severity_rank": 3, "probability_rank": 2, "score": 6}

table(rs) := {"profile": gen, "documents": {"risk_table": [{"path": "docs/risk/genai-risks.csv"}]}, "risks": {"tables": [{"path": "docs/risk/genai-risks.csv", "rows": rs}]}}

test_parsed_rows_with_controls_and_verification_pass if {
	rs := [row(i, h, ["RC-1"], "TC-1") | some i, h in categories]
	count(p.deny) == 0 with input as table(rs)
	count(p.not_evaluated) == 0 with input as table(rs)
}

test_a_row_without_control_or_verification_is_named_at_its_line if {
	rs := array.concat([row(0, categories[0], [], "TC-1")], [row(i, h, ["RC-1"], "TC-1") | some i, h in categories; i > 0])
	d := p.deny with input as table(rs)
	[[f.key, f.path, f.line] | some f in d] == [["unhandled|hallucination", "docs/risk/genai-risks.csv", 1]]
	rs2 := array.concat([row(0, categories[0], ["RC-9"], "")], [row(i, h, ["RC-1"], "TC-1") | some i, h in categories; i > 0])
	[f.key | some f in p.deny] == ["unhandled|hallucination"] with input as table(rs2)
}

test_one_handled_row_of_several_is_enough if {
	rs := array.concat([row(20, "Hallucinated dose", [], ""), row(21, "Hallucinated finding", ["RC-2"], "TC-5")], [row(i, h, ["RC-1"], "TC-1") | some i, h in categories; i > 0])
	count(p.deny) == 0 with input as table(rs)
}

test_hazards_named_only_in_an_unparsed_table_are_not_evaluated if {
	i := {"profile": gen, "documents": {"risk_table": [{"path": "docs/risk/risks.pdf.md", "text": full}]}}
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
}
