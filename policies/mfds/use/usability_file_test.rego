package samdscan.mfds.use.usability_file_test

import data.samdscan.mfds.use.usability_file as p
import rego.v1

english := {"path": "docs/usability/uef.md", "title": "Usability engineering file", "headings": [{"text": "Use specification"}, {"text": "User interface specification"}, {"text": "Hazard-related use scenarios"}, {"text": "Formative evaluation"}, {"text": "Summative evaluation"}]}

korean := {"path": "docs/usability/uef.md", "title": "사용적합성 엔지니어링 파일", "headings": [{"text": "사용 사양"}, {"text": "사용자 인터페이스 사양"}, {"text": "위해 관련 사용 시나리오"}, {"text": "형성 평가"}, {"text": "총괄 평가"}]}

scan(dmd_type, docs) := {"profile": {"ui": true, "dmd_type": dmd_type}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"usability_file": docs}}

test_english_file_passes if {
	count(p.deny) == 0 with input as scan("standalone", [english])
}

test_korean_file_passes if {
	count(p.deny) == 0 with input as scan("standalone", [korean])
}

test_missing_file_is_an_error_for_standalone_software if {
	d := p.deny with input as scan("standalone", [])
	some f in d
	f.level == "error"
}

test_missing_parts_are_a_warning_for_embedded_software if {
	d := p.deny with input as scan("embedded", [object.union(english, {"headings": [{"text": "Use specification"}]})])
	some f in d
	f.level == "warning"
	f.msg == "the usability engineering file has no formative evaluation, hazard-related use scenarios, summative evaluation, user interface specification"
}

test_not_applicable_without_ui if {
	p.applicable == false with input as {"profile": {"ui": false}}
}

ufile(scenarios) := {
	"path": "docs/usability/uef.md", "title": "Usability engineering file",
	"headings": [{"text": "Use specification", "line": 1, "level": 2}, {"text": "User interface specification", "line": 2, "level": 2}, {"text": "Hazard-related use scenarios", "line": 3, "level": 2}, {"text": "Formative evaluation", "line": 5, "level": 2}, {"text": "Summative evaluation", "line": 6, "level": 2}],
	"text": concat("\n", ["## Use specification", "## User interface specification", "## Hazard-related use scenarios", scenarios, "## Formative evaluation", "## Summative evaluation"]),
}

linked_input(scenarios) := {
	"profile": {"ui": true, "dmd_type": "standalone"}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}},
	"documents": {"usability_file": [ufile(scenarios)]},
	"risks": {"tables": [{"path": "docs/risk/risks.csv", "rows": [{"id": "RSK-1", "hazard": "Alarm acknowledged for the wrong patient (UE-2)", "risk_controls": ["RC-1"]}, {"id": "RSK-7", "hazard": "False alarm flood", "risk_controls": ["RC-5"]}]}]},
}

test_scenarios_cited_by_or_citing_a_risk_row_pass if {
	count(p.deny) == 0 with input as linked_input("UE-1 wrong threshold set (RSK-7)")
	count(p.deny) == 0 with input as linked_input("UE-2 acknowledged for the wrong patient")
	count(p.deny) == 0 with input as linked_input("UE-4 flood of alarms, mitigated by RC-5")
}

test_an_unlinked_scenario_is_named_at_its_line if {
	d := p.deny with input as linked_input("UE-3 alarm muted by mistake")
	[[f.key, f.line, f.level] | some f in d] == [["unlinked|UE-3", 4, "error"]]
}

test_an_id_prefix_in_a_row_is_no_link if {
	i := object.union(linked_input("UE-2 acknowledged for the wrong patient"), {"risks": {"tables": [{"path": "docs/risk/risks.csv", "rows": [{"id": "RSK-1", "hazard": "Alarm silenced twice (UE-22)", "risk_controls": ["RC-1"]}]}]}})
	[f.key | some f in p.deny] == ["unlinked|UE-2"] with input as i
}

test_a_scenario_citing_a_missing_risk_row_is_named if {
	d := p.deny with input as linked_input("UE-1 wrong patient (RSK-9)")
	keys := {f.key | some f in d}
	keys == {"unlinked|UE-1", "dangling|UE-1|RSK-9"}
}

test_without_parsed_risk_rows_the_links_are_not_evaluated if {
	i := object.union(linked_input("UE-1 (RSK-9)"), {"risks": {"tables": []}})
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
}
