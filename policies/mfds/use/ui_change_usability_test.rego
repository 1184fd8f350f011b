package samdscan.mfds.use.ui_change_usability_test

import data.samdscan.mfds.use.ui_change_usability as p
import rego.v1

profile := {"ui": true, "ui_paths": ["src/ui/**"]}

screen := {
	"id": "c3c3c3c3c3", "short_id": "c3c3c3c", "subject": "Bigger alarm banner", "merge": false, "shallow_boundary": false,
	"areas": ["ui"], "trailers": [],
	"changes": [{"path": "src/ui/banner.tsx", "status": "modified", "areas": ["ui"]}],
}

usability := {
	"id": "d4d4d4d4d4", "short_id": "d4d4d4d", "subject": "Formative evaluation of the banner", "merge": false, "shallow_boundary": false,
	"areas": ["usability"], "trailers": [],
	"changes": [{"path": "docs/usability/formative-7.md", "status": "added", "areas": ["usability"]}],
}

hist(commits) := {"available": true, "truncated": false, "commits": commits}

test_ui_change_without_usability_update_fails if {
	d := p.deny with input as {"profile": profile, "history": hist([screen])}
	[[f.path, f.key] | some f in d] == [["src/ui/banner.tsx", "commit|c3c3c3c3c3"]]
	some f in d
	contains(f.msg, "c3c3c3c \"Bigger alarm banner\"")
}

test_usability_file_change_in_range_passes if {
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([screen, usability])}
}

test_usability_impact_trailer_passes if {
	c := object.union(screen, {"trailers": [{"key": "Usability-Impact", "value": "none (copy only)"}]})
	count(p.deny) == 0 with input as {"profile": profile, "history": hist([c])}
}

test_empty_usability_impact_trailer_does_not_pass if {
	c := object.union(screen, {"trailers": [{"key": "Usability-Impact", "value": ""}]})
	count(p.deny) == 1 with input as {"profile": profile, "history": hist([c])}
}

test_without_ui_paths_not_applicable if {
	p.applicable == false with input as {"profile": {"ui": true}, "history": hist([screen])}
	count(p.not_applicable_because) == 1 with input as {"profile": {"ui": true}, "history": hist([screen])}
}

test_without_history_not_evaluated if {
	r := p.not_evaluated with input as {"profile": profile, "history": {"available": false, "reason": "no commits"}}
	r == {{"msg": "git history not available: no commits", "msg_ko": "git 이력을 사용할 수 없습니다: no commits"}}
}

test_shallow_history_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"profile": profile, "history": {"available": true, "truncated": true, "commits": [screen]}}
}
