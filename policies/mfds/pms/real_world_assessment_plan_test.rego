package samdscan.mfds.pms.real_world_assessment_plan_test

import data.samdscan.mfds.pms.real_world_assessment_plan as p
import rego.v1

scan(profile, docs) := {"profile": profile, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"real_world_assessment_plan": docs}}

korean := {"path": "docs/pms/rwa.md", "title": "실사용 평가 계획", "headings": [{"text": "자료원"}, {"text": "평가 변수"}, {"text": "개인정보 처리 근거"}, {"text": "분석 일정"}], "text": "결과는 변경관리계획(docs/ai/pccp.md)의 재학습 변경을 뒷받침한다."}

english := {"path": "docs/pms/rwa.md", "title": "Real-world assessment plan", "headings": [{"text": "Data sources"}, {"text": "Endpoints"}, {"text": "Privacy basis"}, {"text": "Analysis schedule"}], "text": "Results support the retraining modification of the PCCP."}

pccp := {"regime": "DMPA", "ai": {"enabled": true, "pccp": true}}

test_korean_plan_passes if {
	count(p.deny) == 0 with input as scan({"regime": "DMPA"}, [korean])
	count(p.deny) == 0 with input as scan(pccp, [korean])
}

test_missing_sections_are_named if {
	d := p.deny with input as scan({"regime": "DMPA"}, [object.union(english, {"headings": [{"text": "Data sources"}]})])
	[f.msg | some f in d] == ["the real-world assessment plan has no section on analysis schedule, endpoints, privacy basis"]
}

test_with_a_pccp_the_plan_names_the_modifications_it_supports if {
	count(p.deny) == 0 with input as scan(pccp, [english])
	silent := object.union(english, {"text": "Results are reviewed yearly."})
	d := p.deny with input as scan(pccp, [silent])
	[[f.key, f.level] | some f in d] == [["change-plan", "warning"]]
	count(p.deny) == 0 with input as scan({"regime": "DMPA"}, [silent])
}

test_with_a_pccp_a_plan_without_text_is_not_evaluated if {
	i := scan(pccp, [object.remove(english, ["text"])])
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
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
