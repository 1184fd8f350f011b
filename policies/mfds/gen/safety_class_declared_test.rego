package samdscan.mfds.gen.safety_class_declared_test

import data.samdscan.mfds.gen.safety_class_declared as p
import rego.v1

cfg := {"path": ".samdscan.yaml", "lines": {"product.software_systems[1]": 9}}

test_all_classes_declared_pass if {
	prof := {"grade": 2, "software_systems": [{"name": "a", "safety_class": "B"}, {"name": "b", "safety_class": "C"}]}
	count(p.deny) == 0 with input as {"profile": prof, "config": cfg}
}

test_missing_class_fails_at_its_line if {
	prof := {"grade": 2, "software_systems": [{"name": "a", "safety_class": "B"}, {"name": "b"}]}
	d := p.deny with input as {"profile": prof, "config": cfg}
	count(d) == 1
	some f in d
	f.line == 9
	contains(f.msg, "software system b")
}

test_grade4_class_a_without_rationale_warns if {
	prof := {"grade": 4, "software_systems": [{"name": "a", "safety_class": "A"}]}
	d := p.deny with input as {"profile": prof, "config": cfg}
	[f.level | some f in d] == ["warning"]
}

test_grade4_class_a_with_rationale_passes if {
	prof := {"grade": 4, "software_systems": [{"name": "a", "safety_class": "A", "safety_class_rationale_ref": "docs/risk/rmf.md#class"}]}
	count(p.deny) == 0 with input as {"profile": prof, "config": cfg}
}

test_no_systems_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"profile": null, "config": cfg}
}
