package samdscan.lib.profile_test

import data.samdscan.lib.profile
import rego.v1

test_grade_4_escalates_warnings if {
	profile.escalate("warning") == "error" with input as {"profile": {"grade": 4}}
}

test_class_c_escalates_warnings if {
	profile.escalate("warning") == "error" with input as {"profile": {"grade": 2, "software_systems": [{"safety_class": "C"}]}}
}

test_low_risk_keeps_level if {
	profile.escalate("warning") == "warning" with input as {"profile": {"grade": 2, "software_systems": [{"safety_class": "B"}]}}
}

test_notes_never_escalate if {
	profile.escalate("note") == "note" with input as {"profile": {"grade": 4}}
}

test_config_line_defaults_to_one if {
	profile.config_line("product.grade") == 1 with input as {"config": {"lines": {}}}
	profile.config_line("product.grade") == 7 with input as {"config": {"lines": {"product.grade": 7}}}
}
