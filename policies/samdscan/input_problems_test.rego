package samdscan.samdscan.input_problems_test

import data.samdscan.samdscan.input_problems as p
import rego.v1

clean := {"diagnostics": [], "files": {"symlinks_outside": [], "missing": [], "skipped": []}}

test_clean_inputs_pass if {
	count(p.deny) == 0 with input as clean
}

test_each_problem_is_a_finding if {
	bad := {
		"diagnostics": [{"path": "bom.json", "message": "invalid JSON"}],
		"files": {"symlinks_outside": [{"path": "l", "target": "/etc/passwd"}], "missing": ["gone.md"], "skipped": [{"path": "x\ufffd", "reason": "path is not UTF-8"}]},
	}
	d := p.deny with input as bad
	count(d) == 4
	some f in d
	f.path == "bom.json"
}
