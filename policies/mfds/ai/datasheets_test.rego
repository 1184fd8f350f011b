package samdscan.mfds.ai.datasheets_test

import data.samdscan.mfds.ai.datasheets as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

sheet(path, roles, missing) := {"path": path, "name": path, "roles": roles, "missing_parts": missing}

test_training_and_test_sheets_pass if {
	sheets := [sheet("data/train/DATASHEET.md", ["training"], []), sheet("data/test/DATASHEET.md", ["test"], [])]
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"datasheets": sheets}}
}

test_missing_test_role_and_parts_fail if {
	sheets := [sheet("data/train/DATASHEET.md", ["training"], ["demographics"])]
	d := p.deny with input as {"profile": ai_on, "ai": {"datasheets": sheets}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	count(d) == 2
	some f in d
	f.key == "role|test"
	some g in d
	contains(g.msg, "demographics")
}

test_not_applicable_without_ai if {
	not p.applicable with input as {"profile": {"name": "x"}}
}
