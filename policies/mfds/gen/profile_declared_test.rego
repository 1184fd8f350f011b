package samdscan.mfds.gen.profile_declared_test

import data.samdscan.mfds.gen.profile_declared as p
import rego.v1

valid := {
	"regime": "DMPA", "grade": 3, "route": "approval", "dmd_type": "standalone", "product_code": "E12345X",
	"software_systems": [{"name": "app", "paths": ["src/**"], "safety_class": "C", "matched_files": 4}],
}

keys(d) := {f.key | some f in d}

test_valid_profile_passes if {
	count(p.deny) == 0 with input as {"profile": valid, "config": {"path": ".samdscan.yaml", "lines": {}}}
}

test_missing_profile_fails if {
	keys(p.deny) == {"profile-missing"} with input as {"profile": null, "config": {"path": null, "lines": {}}}
}

test_grade_out_of_range_fails if {
	d := p.deny with input as {"profile": object.union(valid, {"grade": 5}), "config": {"path": ".samdscan.yaml", "lines": {"product.grade": 4}}}
	keys(d) == {"grade"}
	some f in d
	f.line == 4
	contains(f.msg, "`5`")
}

test_bad_regime_and_route_fail if {
	bad := object.union(valid, {"regime": "FDA", "route": "510k"})
	keys(p.deny) == {"regime", "route"} with input as {"profile": bad, "config": {"path": null, "lines": {}}}
}

test_system_matching_no_files_fails if {
	bad := object.union(valid, {"software_systems": [{"name": "app", "paths": ["nope/**"], "safety_class": "C", "matched_files": 0}]})
	keys(p.deny) == {"system-paths|app"} with input as {"profile": bad, "config": {"path": null, "lines": {}}}
}

test_dmpa_needs_product_code if {
	bad := object.remove(valid, ["product_code"])
	keys(p.deny) == {"product-code"} with input as {"profile": bad, "config": {"path": null, "lines": {}}}
}

test_mda_needs_no_product_code if {
	mda := object.remove(object.union(valid, {"regime": "MDA"}), ["product_code"])
	count(p.deny) == 0 with input as {"profile": mda, "config": {"path": null, "lines": {}}}
}

test_null_product_code_is_a_finding_not_an_error if {
	bad := object.union(valid, {"product_code": null})
	keys(p.deny) == {"product-code"} with input as {"profile": bad, "config": {"path": null, "lines": {}}}
}

# The field is absent, not wrong: reported all the same (under OPA too).
test_missing_regime_fails if {
	bad := object.remove(valid, ["regime"])
	"regime" in keys(p.deny) with input as {"profile": bad, "config": {"path": null, "lines": {}}}
}
