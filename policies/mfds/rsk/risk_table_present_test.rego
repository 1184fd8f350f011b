package samdscan.mfds.rsk.risk_table_present_test

import data.samdscan.mfds.rsk.risk_table_present as p
import rego.v1

scales := {"severity": [["negligible"], ["minor"], ["serious"], ["critical"], ["catastrophic"]], "probability": [["improbable"], ["remote"], ["occasional"], ["probable"], ["frequent"]], "unacceptable_from": 10}

all_columns := {"id": "ID", "severity": "Severity", "probability": "Probability", "risk_controls": "Risk controls"}

row(id, sev, sr, prob, pr, controls) := {"id": id, "line": 2, "severity": sev, "probability": prob, "severity_rank": sr, "probability_rank": pr, "score": score(sr, pr), "risk_controls": controls}

score(s, p) := s * p if {
	is_number(s)
	is_number(p)
} else := null

table(rows, missing) := {"path": "docs/risk/risk-table.csv", "format": "csv", "parsed": true, "columns": all_columns, "missing_columns": missing, "rows": rows}

doc := {"risk_table": [{"path": "docs/risk/risk-table.csv"}]}

test_present_passes if {
	count(p.deny) == 0 with input as {"documents": doc, "config": {"path": null, "lines": {}}, "risks": {"scales": scales, "tables": [table([row("RSK-1", "Catastrophic", 5, "Remote", 2, ["RC-1"])], [])]}}
}

test_missing_fails if {
	d := p.deny with input as {"documents": {"risk_table": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}, "risks": {"scales": scales, "tables": []}}
	count(d) == 1
	some f in d
	f.path == ".samdscan.yaml"
	f.line == 3
}

test_missing_fields_are_named if {
	d := p.deny with input as {"documents": doc, "risks": {"scales": scales, "tables": [table([row("RSK-1", "Minor", 2, "Remote", 2, [])], ["hazardous_situation", "residual_risk"])]}}
	count(d) == 1
	some f in d
	contains(f.msg, "hazardous situation, residual risk")
}

test_off_scale_severity_fails if {
	d := p.deny with input as {"documents": doc, "risks": {"scales": scales, "tables": [table([row("RSK-2", "Deadly", null, "Remote", 2, ["RC-1"])], [])]}}
	count(d) == 1
	some f in d
	f.key == "severity|docs/risk/risk-table.csv|RSK-2"
	contains(f.msg, "(negligible, minor, serious, critical, catastrophic)")
}

test_uncontrolled_unacceptable_risk_fails if {
	d := p.deny with input as {"documents": doc, "risks": {"scales": scales, "tables": [table([row("RSK-3", "Catastrophic", 5, "Probable", 4, [])], [])]}}
	count(d) == 1
	some f in d
	contains(f.msg, "score 20, unacceptable from 10")
}

test_unreadable_format_is_a_note if {
	d := p.deny with input as {"documents": doc, "risks": {"scales": scales, "tables": [{"path": "docs/risk/fmea.xlsx", "format": "other", "parsed": false, "rows": []}]}}
	count(d) == 1
	some f in d
	f.level == "note"
}

test_off_scale_message_names_the_scale_it_used if {
	off := [row("RSK-1", "Deadly", null, "Remote", 2, ["RC-1"])]
	default_scales := object.union(scales, {"source": "default"})
	d := p.deny with input as {"documents": doc, "risks": {"scales": default_scales, "tables": [table(off, [])]}}
	some f in d
	contains(f.msg, "is not on samdscan's default severity scale")
	not contains(f.msg, "plan's")
	plan_scales := object.union(scales, {"source": "plan", "plan": "docs/rmp.md"})
	e := p.deny with input as {"documents": doc, "risks": {"scales": plan_scales, "tables": [table(off, [])]}}
	some g in e
	contains(g.msg, "is not on the severity scale of docs/rmp.md")
}

test_risk_records_are_anchored_at_their_file if {
	r := object.union(row("HAZ-1", "Catastrophic", 5, "Frequent", 5, []), {"path": "dhf/hazards/HAZ-1.md"})
	d := p.deny with input as {"documents": doc, "risks": {"scales": scales, "tables": [table([r], [])]}}
	some f in d
	f.path == "dhf/hazards/HAZ-1.md"
	contains(f.msg, "has no risk control")
}

test_korean_message_names_columns_levels_and_an_empty_cell_in_korean if {
	korean_scales := {"source": "default", "unacceptable_from": 10, "severity": [["negligible", "무시 가능"], ["minor", "경미"], ["serious", "중대"], ["critical", "심각"], ["catastrophic", "치명적"]], "probability": [["improbable"], ["remote"], ["occasional"], ["probable"], ["frequent"]]}
	d := p.deny with input as {"documents": doc, "risks": {"scales": korean_scales, "tables": [table([row("RSK-9", "", null, "Remote", 2, ["RC-7"])], ["hazardous_situation", "residual_risk"])]}}
	some f in d
	f.key == "severity|docs/risk/risk-table.csv|RSK-9"
	contains(f.msg_ko, "심각도 (빈 값)이(가)")
	endswith(f.msg_ko, "(무시 가능, 경미, 중대, 심각, 치명적)")
	some g in d
	g.key == "fields|docs/risk/risk-table.csv"
	endswith(g.msg_ko, "필수 항목이 없습니다: 위해 상황, 잔여 위험")
}
