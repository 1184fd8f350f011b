package samdscan.mfds.lbl.ai_transparency_test

import data.samdscan.mfds.lbl.ai_transparency as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

test_complete_labeling_passes if {
	doc := {"path": "labeling/ai.md", "parts": {"ai_use": 1, "training_data": 4, "performance": 8, "limitations": 12}}
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"labeling": [doc]}}
}

test_parts_may_be_spread_over_documents if {
	a := {"path": "labeling/ai.md", "parts": {"ai_use": 1, "training_data": 4, "performance": null, "limitations": null}}
	b := {"path": "labeling/ifu.md", "parts": {"ai_use": null, "training_data": null, "performance": 2, "limitations": 9}}
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"labeling": [a, b]}}
}

test_missing_limitations_fail if {
	doc := {"path": "labeling/ai.md", "parts": {"ai_use": 1, "training_data": 4, "performance": 8, "limitations": null}}
	d := p.deny with input as {"profile": ai_on, "ai": {"labeling": [doc]}}
	some f in d
	contains(f.msg, "limitations")
}

test_missing_labeling_fails if {
	count(p.deny) == 1 with input as {"profile": ai_on, "ai": {"labeling": []}, "config": {"path": null, "lines": {}}}
}
