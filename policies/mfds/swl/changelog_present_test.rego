package samdscan.mfds.swl.changelog_present_test

import data.samdscan.mfds.swl.changelog_present as p
import rego.v1

test_present_passes if {
	count(p.deny) == 0 with input as {"documents": {"changelog": [{"path": "CHANGELOG.md"}]}, "config": {"path": null, "lines": {}}}
}

test_missing_fails if {
	d := p.deny with input as {"documents": {"changelog": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}
	count(d) == 1
	some f in d
	f.path == ".samdscan.yaml"
	f.line == 3
}
