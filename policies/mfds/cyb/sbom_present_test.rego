package samdscan.mfds.cyb.sbom_present_test

import data.samdscan.mfds.cyb.sbom_present as p
import rego.v1

cfg := {"path": null, "lines": {}}

test_parsed_sbom_passes if {
	count(p.deny) == 0 with input as {"sboms": [{"path": "sbom/a.cdx.json", "parsed": true}], "config": cfg}
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
