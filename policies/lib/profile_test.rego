package samdscan.lib.profile_test

import data.samdscan.lib.profile
import rego.v1

test_grade_4_is_high_risk if {
	profile.high_risk with input as {"profile": {"grade": 4}}
}

test_class_c_is_high_risk if {
	profile.high_risk with input as {"profile": {"grade": 2, "software_systems": [{"safety_class": "C"}]}}
}

test_grade_2_class_b_is_not_high_risk if {
	not profile.high_risk with input as {"profile": {"grade": 2, "software_systems": [{"safety_class": "B"}]}}
}

test_config_line_defaults_to_one if {
	profile.config_line("product.grade") == 1 with input as {"config": {"lines": {}}}
	profile.config_line("product.grade") == 7 with input as {"config": {"lines": {"product.grade": 7}}}
}
