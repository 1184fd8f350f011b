package samdscan.lib.history_test

import data.samdscan.lib.history
import rego.v1

commit := {
	"short_id": "abc1234", "subject": "Tune alarm", "merge": false, "shallow_boundary": false,
	"areas": ["safety_critical", "system:app"],
	"trailers": [{"key": "risk-impact", "value": "none"}],
	"changes": [
		{"path": "src/old.py", "status": "deleted", "areas": ["system:app"]},
		{"path": "src/alarm/a.py", "status": "modified", "areas": ["safety_critical", "system:app"]},
	],
}

test_truncated_history_is_unusable if {
	count(history.unusable) == 1 with input as {"history": {"available": true, "truncated": true}}
}

test_missing_history_is_unusable if {
	count(history.unusable) == 1 with input as {"history": {"available": false, "reason": "not a work tree", "truncated": false}}
}

test_complete_history_is_usable if {
	count(history.unusable) == 0 with input as {"history": {"available": true, "truncated": false}}
}

test_paths_prefer_existing_files_of_the_area if {
	history.path_in(commit, "safety_critical") == "src/alarm/a.py"
	history.path_in(commit, "risk") == "src/alarm/a.py"
}

test_systems_and_trailers if {
	history.systems_touched(commit) == {"app"}
	history.has_trailer(commit, "Risk-Impact")
	not history.has_trailer(commit, "Change-Request")
	history.label(commit) == "abc1234 \"Tune alarm\""
}
