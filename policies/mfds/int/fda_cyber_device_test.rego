package samdscan.mfds.int.fda_cyber_device_test

import data.samdscan.mfds.int.fda_cyber_device as p
import rego.v1

ids := ["MFDS-CYB-001", "MFDS-CYB-002", "MFDS-CYB-004", "MFDS-CYB-005", "MFDS-CYB-006", "MFDS-CYB-007", "MFDS-CYB-008"]

all_passed := {id: {"state": "passed", "findings": 0} | some id in ids}

scan(markets, level, class) := {
	"profile": {"markets": markets, "connected": true, "documentation_level": level, "software_systems": [{"name": "s", "safety_class": class}]},
	"config": {"path": ".samdscan.yaml", "lines": {"product.markets": 14}},
}

test_a_complete_package_passes if {
	count(p.deny) == 0 with input as scan(["KR", "US"], "enhanced", "C") with data.samdscan.outcomes as all_passed
	count(p.not_evaluated) == 0 with input as scan(["KR", "US"], "enhanced", "C") with data.samdscan.outcomes as all_passed
}

test_a_failing_cybersecurity_rule_is_named if {
	outcomes := object.union(all_passed, {"MFDS-CYB-007": {"state": "failed", "findings": 2}})
	d := p.deny with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as outcomes
	count(d) == 1
	some f in d
	f.key == "MFDS-CYB-007"
	contains(f.msg, "the threat model")
	contains(f.msg, "2 finding(s)")
	f.line == 14
}

test_a_rule_not_evaluated_leaves_the_package_unjudged if {
	outcomes := object.union(all_passed, {"MFDS-CYB-004": {"state": "not_evaluated", "findings": 0}})
	r := p.not_evaluated with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as outcomes
	some m in r
	contains(m.msg, "MFDS-CYB-004")
}

test_a_disabled_rule_leaves_the_package_unjudged if {
	outcomes := object.remove(all_passed, ["MFDS-CYB-001"])
	r := p.not_evaluated with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as outcomes
	some m in r
	contains(m.msg, "MFDS-CYB-001 was not evaluated")
}

test_a_not_applicable_rule_is_no_gap if {
	outcomes := object.union(all_passed, {"MFDS-CYB-008": {"state": "not_applicable", "findings": 0}})
	count(p.deny) == 0 with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as outcomes
	count(p.not_evaluated) == 0 with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as outcomes
}

test_documentation_level_is_required_and_enhanced_for_class_c if {
	missing := p.deny with input as scan(["US"], null, "B") with data.samdscan.outcomes as all_passed
	some m in missing
	m.key == "documentation_level"
	contains(m.msg, "not declared")
	basic := p.deny with input as scan(["US"], "basic", "C") with data.samdscan.outcomes as all_passed
	some b in basic
	contains(b.msg, "safety class C")
}

test_only_connected_us_products if {
	not p.applicable with input as scan(["US"], "basic", "B") with data.samdscan.outcomes as all_passed
	p.applicable == false with input as scan(["KR", "EU"], "basic", "B") with data.samdscan.outcomes as all_passed
	off := object.union(scan(["US"], "basic", "B"), {"profile": {"markets": ["US"], "connected": false}})
	p.applicable == false with input as off with data.samdscan.outcomes as all_passed
	some r in p.not_applicable_because with input as off
	contains(r.msg, "not declared connected")
}
