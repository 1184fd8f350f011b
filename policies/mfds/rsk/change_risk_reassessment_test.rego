package samdscan.mfds.rsk.change_risk_reassessment_test

import data.samdscan.mfds.rsk.change_risk_reassessment as p
import rego.v1

profile := {"safety_critical_paths": ["src/alarm/**"], "software_systems": [{"name": "app", "safety_class": "C"}]}

alarm := {
	"id": "a1a1a1a1a1", "short_id": "a1a1a1a", "subject": "Tune alarm", "merge": false, "shallow_boundary": false,
	"areas": ["safety_critical"], "trailers": [],
	"changes": [{"path": "src/alarm/t.py", "status": "modified", "areas": ["safety_critical"]}],
}

risk := {
	"id": "b2b2b2b2b2", "short_id": "b2b2b2b", "subject": "Update FMEA", "merge": false, "shallow_boundary": false,
	"areas": ["risk"], "trailers": [],
	"changes": [{"path": "docs/risk/fmea.csv", "status": "modified", "areas": ["risk"]}],
}

hist(commits) := {"available": true, "truncated": false, "commits": commits}

test_unassessed_safety_change_fails if {
	d := p.deny with input as {"profile": profile, "history": hist([alarm])}
	[[f.path, object.get(f, "level", "default")] | some f in d] == [["src/alarm/t.py", "default"]]
}

test_risk_file_change_in_range_passes if {
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([alarm, risk])}
}

test_risk_impact_trailer_passes if {
	c := object.union(alarm, {"trailers": [{"key": "Risk-Impact", "value": "none"}]})
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([c])}
}

test_without_safety_paths_not_applicable if {
	p.applicable == false with input as {"profile": {}, "history": hist([alarm])}
}

test_null_safety_paths_not_applicable if {
	p.applicable == false with input as {"profile": {"safety_critical_paths": null}, "history": hist([alarm])}
}
