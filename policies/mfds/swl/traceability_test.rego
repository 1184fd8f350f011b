package samdscan.mfds.swl.traceability_test

import data.samdscan.mfds.swl.traceability as p
import rego.v1

reqs := [
	{"id": "REQ-1", "title": "Heart rate", "path": "srs.md", "line": 3, "text": "Implements RC-1."},
	{"id": "REQ-2", "title": "Alarm", "path": "srs.md", "line": 8, "text": ""},
]

refs := [{"id": "REQ-1", "path": "tests/test_hr.py", "line": 4}, {"id": "REQ-2", "path": "tests/test_alarm.py", "line": 9}]

risks(controls, verification) := {"tables": [{"path": "risk.csv", "rows": [{"id": "RSK-1", "line": 2, "risk_controls": controls, "verification": verification}]}]}

profile_b := {"software_systems": [{"safety_class": "B"}]}

test_fully_traced_passes if {
	count(p.deny) == 0 with input as {"profile": profile_b, "requirements": {"items": reqs}, "requirement_references": {"references": refs}, "risks": risks(["RC-1"], "")}
}

test_untested_requirement_is_an_error_for_class_b if {
	d := p.deny with input as {"profile": profile_b, "requirements": {"items": reqs}, "requirement_references": {"references": [refs[0]]}, "risks": risks([], "")}
	count(d) == 1
	some f in d
	f.key == "unverified|REQ-2"
	f.level == "error"
	f.line == 8
}

test_unknown_reference_is_reported_where_it_is if {
	d := p.deny with input as {"profile": {}, "requirements": {"items": reqs}, "requirement_references": {"references": array.concat(refs, [{"id": "REQ-9", "path": "tests/x.py", "line": 2}])}, "risks": risks([], "")}
	count(d) == 1
	some f in d
	f.path == "tests/x.py"
	f.level == "warning"
}

test_unlinked_control_fails_and_prefix_is_not_a_link if {
	d := p.deny with input as {"profile": profile_b, "requirements": {"items": reqs}, "requirement_references": {"references": refs}, "risks": risks(["RC-10"], "")}
	some f in d
	f.key == "unlinked-control|RC-10"
}

test_verified_control_passes if {
	count(p.deny) == 0 with input as {"profile": profile_b, "requirements": {"items": reqs}, "requirement_references": {"references": refs}, "risks": risks(["RC-7"], "TC-4")}
}

test_no_requirements_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"requirements": {"items": []}}
}
