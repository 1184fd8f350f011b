package samdscan.mfds.swl.development_plan_present_test

import data.samdscan.mfds.swl.development_plan_present as p
import rego.v1

headings(texts) := [{"level": 2, "line": i + 1, "text": t} | some i, t in texts]

every_class := ["Life-cycle model", "Deliverables", "Verification planning", "Risk management planning", "Configuration management", "Maintenance planning"]

plan(hs) := {"path": "docs/sdlc/software-development-plan.md", "text": "Follows IEC 62304:2006+A1:2015.", "headings": headings(hs)}

with_plan(d, classes) := {
	"documents": {"software_development_plan": [d]},
	"profile": {"software_systems": [{"name": sprintf("s%s", [c]), "safety_class": c} | some c in classes]},
	"config": {"path": ".samdscan.yaml", "lines": {}},
}

test_a_class_a_plan_with_its_sections_passes if {
	count(p.deny) == 0 with input as with_plan(plan(every_class), ["A"])
}

test_class_b_needs_integration_planning if {
	d := p.deny with input as with_plan(plan(every_class), ["A", "B"])
	[f.msg | some f in d] == ["the software development plan has no section on integration and integration testing planning (IEC 62304 §5.1 for the declared classes A/B)"]
	count(p.deny) == 0 with input as with_plan(plan(array.concat(every_class, ["Integration and integration testing"])), ["B"])
}

test_class_c_needs_standards_methods_and_tools if {
	d := p.deny with input as with_plan(plan(array.concat(every_class, ["Integration"])), ["C"])
	[f.key | some f in d] == ["parts"]
	count(p.deny) == 0 with input as with_plan(plan(array.concat(every_class, ["Integration", "Standards, methods and tools"])), ["C"])
}

test_a_korean_plan_passes if {
	ko := ["수명주기 모델", "산출물", "검증 계획", "위험관리 계획", "형상관리", "유지보수 계획", "통합 및 통합 시험 계획"]
	count(p.deny) == 0 with input as with_plan(plan(ko), ["B"])
}

test_a_plan_naming_no_standard_is_a_warning if {
	d := p.deny with input as with_plan(object.union(plan(every_class), {"text": "Our process."}), ["A"])
	[[f.key, f.level] | some f in d] == [["standard", "warning"]]
}

test_a_plan_without_text_is_not_evaluated_for_the_standard if {
	i := with_plan(object.remove(plan(every_class), ["text"]), ["A"])
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
}

test_missing_fails if {
	d := p.deny with input as {"documents": {"software_development_plan": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}
	count(d) == 1
	some f in d
	f.path == ".samdscan.yaml"
	f.line == 3
}

test_an_unfilled_template_is_missing_and_named if {
	d := p.deny with input as {"documents": {"software_development_plan": [{"path": "docs/sdlc/software-development-plan.md", "unfilled": true}]}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}
	some f in d
	endswith(f.msg, "; docs/sdlc/software-development-plan.md is an unfilled template")
}
