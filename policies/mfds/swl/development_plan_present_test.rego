package samdscan.mfds.swl.development_plan_present_test

import data.samdscan.mfds.swl.development_plan_present as p
import rego.v1

test_present_passes if {
	count(p.deny) == 0 with input as {"documents": {"software_development_plan": [{"path": "docs/sdlc/software-development-plan.md"}]}, "config": {"path": null, "lines": {}}}
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
