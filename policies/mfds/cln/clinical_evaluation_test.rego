package samdscan.mfds.cln.clinical_evaluation_test

import data.samdscan.mfds.cln.clinical_evaluation as p
import rego.v1

scan(docs) := {"profile": {"grade": 3}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"clinical_evaluation": docs}}

test_plan_and_report_pass if {
	count(p.deny) == 0 with input as scan([{"path": "docs/clinical/a.md", "title": "Clinical evaluation plan"}, {"path": "docs/clinical/b.md", "title": "Clinical Evaluation Report"}])
}

test_korean_plan_and_report_pass if {
	count(p.deny) == 0 with input as scan([{"path": "docs/clinical/a.md", "title": "임상 평가 계획서"}, {"path": "docs/clinical/b.md", "title": "임상 평가 보고서"}])
}

test_plan_without_report_fails if {
	d := p.deny with input as scan([{"path": "docs/clinical/a.md", "title": "Clinical evaluation plan"}])
	{f.key | some f in d} == {"no-report"}
}

test_missing_evidence_fails if {
	d := p.deny with input as scan([])
	some f in d
	f.key == "missing"
	object.get(f, "level", "default") == "default"
}

test_grade_1_without_ai_is_not_applicable if {
	p.applicable == false with input as {"profile": {"grade": 1}}
}
