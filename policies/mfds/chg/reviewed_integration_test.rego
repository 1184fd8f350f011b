package samdscan.mfds.chg.reviewed_integration_test

import data.samdscan.mfds.chg.reviewed_integration as p
import rego.v1

profile := {"safety_critical_paths": ["src/alarm/**"]}

config := {"path": ".samdscan.yaml", "lines": {"product.safety_critical_paths": 7}}

owned := {
	"path": ".github/CODEOWNERS", "parsed": true,
	"rules": [{"pattern": "src/alarm/", "owners": ["@org/safety"], "line": 1}],
	"files": [
		{"path": "src/alarm/t.py", "areas": ["safety_critical"], "owners": ["@org/safety"], "line": 1},
		{"path": "docs/risk/fmea.csv", "areas": ["risk"], "owners": ["@org/safety"], "line": 2},
	],
}

direct := {
	"id": "a1a1a1a1a1", "short_id": "a1a1a1a", "subject": "Tune alarm", "merge": false, "shallow_boundary": false,
	"merged_by": null, "areas": ["safety_critical"], "trailers": [],
	"changes": [{"path": "src/alarm/t.py", "status": "modified", "areas": ["safety_critical"]}],
}

hist(commits) := {"available": true, "truncated": false, "commits": commits}

scan(codeowners, commits) := {"profile": profile, "config": config, "codeowners": codeowners, "history": hist(commits)}

test_direct_safety_commit_fails_naming_it if {
	d := p.deny with input as scan(owned, [direct])
	[[f.path, f.key] | some f in d] == [["src/alarm/t.py", "commit|a1a1a1a1a1"]]
	some f in d
	contains(f.msg, "a1a1a1a \"Tune alarm\"")
}

test_commit_brought_in_by_a_merge_passes if {
	c := object.union(direct, {"merged_by": "m0m0m0m0m0"})
	count(p.deny) == 0 with input as scan(owned, [c])
}

test_review_trailer_passes if {
	every key in ["Reviewed-by", "approved-by", "Acked-by"] {
		c := object.union(direct, {"trailers": [{"key": key, "value": "Kim <kim@example.com>"}]})
		count(p.deny) == 0 with input as scan(owned, [c])
	}
}

test_merge_commit_itself_is_not_judged if {
	m := object.union(direct, {"merge": true, "parents": ["x", "y"]})
	count(p.deny) == 0 with input as scan(owned, [m])
}

test_missing_codeowners_fails_at_the_profile_line if {
	none := {"path": null, "parsed": false, "rules": [], "files": []}
	d := p.deny with input as scan(none, [])
	[[f.path, f.line, f.key] | some f in d] == [[".samdscan.yaml", 7, "codeowners|missing"]]
}

test_unowned_safety_and_risk_files_fail if {
	files := [
		{"path": "src/alarm/t.py", "areas": ["safety_critical"], "owners": [], "line": null},
		{"path": "docs/risk/fmea.csv", "areas": ["risk"], "owners": [], "line": 3},
	]
	d := p.deny with input as scan(object.union(owned, {"files": files}), [])
	sort([f.key | some f in d]) == ["unowned|risk", "unowned|safety_critical"]
	every f in d {
		f.path == ".github/CODEOWNERS"
	}
}

test_long_lists_are_shortened if {
	p.listed(["a", "b", "c", "d", "e", "f", "g"]) == "a, b, c, d, e and 2 more"
}

test_without_safety_paths_not_applicable if {
	p.applicable == false with input as {"profile": {}, "codeowners": owned, "history": hist([direct])}
}

test_without_history_not_evaluated if {
	r := p.not_evaluated with input as {"profile": profile, "codeowners": owned, "history": {"available": false, "reason": "not a git work tree"}}
	r == {{"msg": "git history not available: not a git work tree", "msg_ko": "git 이력을 사용할 수 없습니다: not a git work tree"}}
}

test_shallow_history_not_evaluated if {
	r := p.not_evaluated with input as scan(owned, [])
		with input.history.truncated as true
	count(r) == 1
}

test_unreadable_codeowners_not_evaluated if {
	unread := {"path": "CODEOWNERS", "parsed": false, "rules": [], "files": [{"path": "src/alarm/t.py", "areas": ["safety_critical"], "owners": [], "line": null}]}
	count(p.not_evaluated) == 1 with input as scan(unread, [])
	count(p.deny) == 0 with input as scan(unread, [])
}
