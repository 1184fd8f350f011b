package samdscan.samdscan.control_changes_test

import data.samdscan.samdscan.control_changes as p
import rego.v1

change := {"kind": "rule_disabled", "subject": "MFDS-CHG-001", "detail": "rule MFDS-CHG-001 disabled", "path": ".samdscan.yaml", "line": 12}

test_each_control_change_is_a_finding if {
	d := p.deny with input as {"repository": {"base": "abc"}, "history": {"control_changes": [change]}}
	[[f.msg, f.line] | some f in d] == [["changed since the base: rule MFDS-CHG-001 disabled", 12]]
}

test_no_change_passes if {
	count(p.deny) == 0 with input as {"repository": {"base": "abc"}, "history": {"control_changes": []}}
}

test_without_base_not_applicable if {
	p.applicable == false with input as {"repository": {}, "history": {"control_changes": []}}
}
