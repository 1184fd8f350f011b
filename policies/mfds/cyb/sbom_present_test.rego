package samdscan.mfds.cyb.sbom_present_test

import data.samdscan.mfds.cyb.sbom_present as p
import rego.v1

cfg := {"path": null, "lines": {}}

test_parsed_sbom_passes if {
	count(p.deny) == 0 with input as {"sboms": [{"path": "sbom/a.cdx.json", "parsed": true, "supported": true}], "config": cfg}
}

test_no_sbom_is_error_for_connected if {
	d := p.deny with input as {"sboms": [], "profile": {"connected": true}, "config": cfg}
	[f.level | some f in d] == ["error"]
}

test_no_sbom_is_warning_for_unconnected_mda if {
	d := p.deny with input as {"sboms": [], "profile": {"connected": false, "regime": "MDA"}, "config": cfg}
	[f.level | some f in d] == ["warning"]
}

test_unparseable_sbom_fails_at_its_path if {
	d := p.deny with input as {"sboms": [{"path": "bom.json", "parsed": false, "error": "invalid JSON"}], "config": cfg}
	[f.path | some f in d] == ["bom.json"]
}

test_old_spec_version_is_a_warning if {
	d := p.deny with input as {"sboms": [{"path": "bom.xml", "parsed": true, "supported": false, "format": "cyclonedx", "spec_version": "1.2"}], "config": cfg}
	[[f.level, f.key] | some f in d] == [["warning", "spec|bom.xml"]]
}

test_sbom_about_another_product_is_a_warning if {
	sbom := {"path": "bom.json", "parsed": true, "supported": true, "subject": {"name": "Other"}}
	d := p.deny with input as {"sboms": [sbom], "profile": {"name": "CardioWatch"}, "config": cfg}
	[f.key | some f in d] == ["subject"]
}

test_sbom_about_this_product_passes if {
	sbom := {"path": "bom.json", "parsed": true, "supported": true, "subject": {"name": "cardiowatch"}}
	count(p.deny) == 0 with input as {"sboms": [sbom], "profile": {"name": "CardioWatch"}, "config": cfg}
}
