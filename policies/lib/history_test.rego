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

test_a_system_is_named_whole if {
	c := {"changes": [
		{"path": "apple/a.py", "status": "modified", "areas": ["system:apple"]},
		{"path": "app/b.py", "status": "modified", "areas": ["system:app"]},
	]}
	history.path_in(c, "system:app") == "app/b.py"
	history.path_in(c, "system") == "apple/a.py"
}

test_a_commit_that_only_deleted_points_at_the_files_last_path if {
	deletion := {"changes": [
		{"path": "docs/x.md", "status": "deleted", "areas": []},
		{"path": "src/gone.py", "status": "deleted", "areas": ["system:app"]},
	]}
	history.path_in(deletion, "system") == "src/gone.py"
	history.path_in(deletion, "ui") == "docs/x.md"
}

test_a_commit_is_looked_up_in_the_merges_index if {
	c := {"merged_by": "m1"}
	merges := {"m1": {"references": ["#3"], "areas": ["test"], "commits": 1}, "m2": {"references": [], "areas": [], "commits": 1}}
	history.covered_by_merge(c) with input as {"history": {"merges": merges}}
	not history.covered_by_merge({"merged_by": "m2"}) with input as {"history": {"merges": merges}}
	not history.covered_by_merge({"merged_by": null}) with input as {"history": {"merges": merges}}
}

test_systems_and_trailers if {
	history.systems_touched(commit) == {"app"}
	history.has_trailer(commit, "Risk-Impact")
	not history.has_trailer(commit, "Change-Request")
	history.label(commit) == "abc1234 \"Tune alarm\""
}
