package samdscan.mfds.chg.change_request_traceability_test

import data.samdscan.mfds.chg.change_request_traceability as p
import rego.v1

profile := {"software_systems": [{"name": "app", "paths": ["src/**"], "safety_class": "B"}, {"name": "tools", "paths": ["tools/**"], "safety_class": "A"}]}

commit(id, subject, refs, areas) := {
	"id": id, "short_id": substring(id, 0, 7), "subject": subject, "merge": false, "shallow_boundary": false,
	"references": refs, "areas": areas, "merged_by": null, "trailers": [],
	"changes": [{"path": "src/a.py", "status": "modified", "areas": areas}],
}

hist(commits) := {"available": true, "truncated": false, "commits": commits, "merges": {}}

test_referenced_commit_passes if {
	c := commit("aaaaaaaaaa", "Fix (CR-1)", ["CR-1"], ["system:app"])
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([c])}
}

test_unreferenced_commit_fails_naming_it if {
	c := commit("bbbbbbbbbb", "Tweak", [], ["system:app"])
	d := p.deny with input as {"profile": profile, "history": hist([c])}
	[f.msg | some f in d] == ["commit bbbbbbb \"Tweak\" changes software system app without a change request or problem report reference"]
	[f.level | some f in d] == ["error"]
	[f.path | some f in d] == ["src/a.py"]
}

test_class_a_only_is_a_warning if {
	c := commit("cccccccccc", "Tweak tools", [], ["system:tools"])
	d := p.deny with input as {"profile": profile, "history": hist([c])}
	[f.level | some f in d] == ["warning"]
}

test_files_outside_systems_need_no_reference if {
	c := commit("dddddddddd", "Docs", [], [])
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([c])}
}

test_a_referenced_merge_covers_its_commits if {
	c := object.union(commit("eeeeeeeeee", "wip", [], ["system:app"]), {"merged_by": "ffffffffff"})
	m := object.union(commit("ffffffffff", "Merge pull request #12", ["#12"], ["system:app"]), {"merge": true})
	merges := {"ffffffffff": {"references": ["#12"], "areas": ["system:app"], "commits": 1}}
	count(p.deny) == 0 with input as {"profile": profile, "history": object.union(hist([m, c]), {"merges": merges})}
}

test_a_merge_without_a_reference_covers_nothing if {
	c := object.union(commit("eeeeeeeeee", "wip", [], ["system:app"]), {"merged_by": "ffffffffff"})
	m := object.union(commit("ffffffffff", "Merge branch 'main' into x", [], ["system:app"]), {"merge": true})
	merges := {"ffffffffff": {"references": [], "areas": ["system:app"], "commits": 1}}
	[f.key | some f in p.deny] == ["commit|eeeeeeeeee"] with input as {"profile": profile, "history": object.union(hist([m, c]), {"merges": merges})}
}

test_truncated_history_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"profile": profile, "history": {"available": true, "truncated": true, "commits": []}}
}
