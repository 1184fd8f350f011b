package samdscan.mfds.cyb.sbom_minimum_elements_test

import data.samdscan.mfds.cyb.sbom_minimum_elements as p
import rego.v1

complete := {"complete": true, "author": true, "timestamp": true, "dependencies": true, "components_incomplete": 0, "missing": {}, "examples": []}

test_complete_sbom_passes if {
	count(p.deny) == 0 with input as {"sboms": [{"path": "bom.json", "parsed": true, "component_count": 2, "ntia": complete}]}
}

test_unparsed_sbom_is_left_to_cyb_001 if {
	count(p.deny) == 0 with input as {"sboms": [{"path": "bom.json", "parsed": false}]}
}

test_many_gaps_make_one_summarised_finding if {
	ntia := object.union(complete, {
		"complete": false, "author": false, "components_incomplete": 4980,
		"missing": {"supplier": 4980, "unique identifier": 12},
		"examples": [{"component": "a@1", "missing": ["supplier"]}, {"component": "b@2", "missing": ["supplier", "unique identifier"]}],
	})
	d := p.deny with input as {"sboms": [{"path": "big.cdx.json", "parsed": true, "component_count": 5000, "ntia": ntia}]}
	count(d) == 1
	some f in d
	f.msg == "SBOM big.cdx.json lacks NTIA minimum elements: no SBOM author (a person or organisation); 4980 of 5000 components miss elements (supplier: 4980, unique identifier: 12); first: a@1 (supplier); b@2 (supplier, unique identifier)"
	f.key == "ntia|big.cdx.json"
}

test_components_without_purl_or_cpe_are_their_own_finding if {
	sbom := {"path": "a.spdx.yaml", "parsed": true, "component_count": 3, "ntia": complete,
		"matchable": {"without_purl_or_cpe": 2, "examples": ["a@1", "b@2"]}}
	d := p.deny with input as {"sboms": [sbom]}
	count(d) == 1
	some f in d
	f.key == "matchable|a.spdx.yaml"
	f.msg == "SBOM a.spdx.yaml: 2 of 3 components have no purl or CPE, so vulnerabilities cannot be matched to them (beyond the NTIA minimum elements); first: a@1, b@2"
}

test_every_component_matchable_passes if {
	sbom := {"path": "a.spdx", "parsed": true, "component_count": 3, "ntia": complete,
		"matchable": {"without_purl_or_cpe": 0, "examples": []}}
	count(p.deny) == 0 with input as {"sboms": [sbom]}
}
