package samdscan.mfds.ai.change_plan_test

import data.samdscan.mfds.ai.change_plan as p
import rego.v1

plan := {"path": "docs/ai/pccp.md", "parts": {"modifications": 5, "modification_protocol": 9, "impact_assessment": 14}}

test_complete_plan_passes if {
	count(p.deny) == 0 with input as {"profile": {"ai": {"enabled": true, "pccp": true}}, "ai": {"change_plans": [plan]}}
}

test_missing_plan_is_an_error_only_with_pccp if {
	d := p.deny with input as {"profile": {"ai": {"enabled": true, "pccp": true}}, "ai": {"change_plans": []}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	some f in d
	f.level == "error"
	w := p.deny with input as {"profile": {"ai": {"enabled": true}}, "ai": {"change_plans": []}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	some g in w
	g.level == "warning"
}

test_missing_part_fails if {
	partial := object.union(plan, {"parts": {"modifications": 5, "modification_protocol": null, "impact_assessment": 14}})
	d := p.deny with input as {"profile": {"ai": {"enabled": true}}, "ai": {"change_plans": [partial]}}
	some f in d
	contains(f.msg, "modification_protocol")
}
