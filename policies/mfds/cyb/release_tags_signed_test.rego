package samdscan.mfds.cyb.release_tags_signed_test

import data.samdscan.mfds.cyb.release_tags_signed as p
import rego.v1

tag(name, annotated, signed) := {"name": name, "version": substring(name, 1, -1), "annotated": annotated, "signed": signed, "release": true, "reachable": true}

cfg := {"path": ".samdscan.yaml", "lines": {}}

changelog := {"changelog": [{"path": "CHANGELOG.md", "headings": [{"text": "[1.0.0] - 2026-01-01", "line": 5}]}]}

base(tags, grade) := {
	"profile": {"connected": true, "grade": grade}, "config": cfg, "documents": changelog,
	"history": {"available": true, "truncated": false, "tags": tags, "release_tags": "v*"},
}

test_signed_annotated_tag_passes if {
	count(p.deny) == 0 with input as base([tag("v1.0.0", true, true)], 3)
}

test_lightweight_tag_fails_at_its_changelog_heading if {
	d := p.deny with input as base([tag("v1.0.0", false, false)], 3)
	[[f.path, f.line, object.get(f, "level", "default")] | some f in d] == [["CHANGELOG.md", 5, "default"]]
}

test_unsigned_tag_is_a_warning_at_every_grade_before_escalation if {
	d := p.deny with input as base([tag("v1.0.0", true, false)], 2)
	[object.get(f, "level", "default") | some f in d] == ["default"]
}

test_no_release_tags_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as base([], 3)
}

test_unconnected_is_not_applicable if {
	p.applicable == false with input as {"profile": {"connected": false}}
}

test_older_tags_left_unchecked_are_not_evaluated_and_unchecked_tags_not_judged if {
	unchecked := {"name": "v0.9.0", "version": "0.9.0", "annotated": false, "signed": false, "release": true, "reachable": null}
	input_doc := object.union(base([tag("v1.0.0", true, true), unchecked], 3), {"history": {"release_tags_unchecked": 1, "scope": {"description": "the last 50 commits"}}})
	count(p.deny) == 0 with input as input_doc
	[r.msg | some r in p.not_evaluated] == ["1 older release tags were not checked in this history scope (the last 50 commits): history.scope: all, or --since all, checks every release tag"] with input as input_doc
}
