package samdscan.mfds.pms.real_world_assessment_plan_test

import data.samdscan.mfds.pms.real_world_assessment_plan as p
import rego.v1

scan(profile, docs) := {"profile": profile, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"real_world_assessment_plan": docs}}

test_korean_plan_passes if {
	count(p.deny) == 0 with input as scan({"regime": "DMPA"}, [{"path": "docs/pms/rwa.md", "title": "실사용 평가 계획"}])
}

test_missing_plan_is_a_note if {
	d := p.deny with input as scan({"regime": "DMPA"}, [])
	some f in d
	f.level == "note"
}

test_missing_plan_is_a_warning_for_ai_with_a_change_plan if {
	d := p.deny with input as scan({"regime": "DMPA", "ai": {"enabled": true, "pccp": true}}, [])
	some f in d
	f.level == "warning"
}

test_not_applicable_outside_dmpa if {
	p.applicable == false with input as scan({"regime": "MDA"}, [])
}
