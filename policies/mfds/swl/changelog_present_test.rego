package samdscan.mfds.swl.changelog_present_test

import data.samdscan.mfds.swl.changelog_present as p
import rego.v1

test_present_passes if {
	count(p.deny) == 0 with input as {"documents": {"changelog": [{"path": "CHANGELOG.md"}]}, "config": {"path": null, "lines": {}}}
}

test_missing_fails if {
	d := p.deny with input as {"documents": {"changelog": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}
	count(d) == 1
	some f in d
	f.path == ".samdscan.yaml"
	f.line == 3
}

tagged(version) := {
	"documents": {"changelog": [{"path": "CHANGELOG.md", "headings": [{"text": "[1.1.0] - 2026-06-15", "line": 4}]}]},
	"config": {"path": null, "lines": {}},
	"history": {"tags": [{"name": sprintf("v%s", [version]), "version": version, "release": true, "reachable": true}]},
}

test_release_tag_with_section_passes if {
	count(p.deny) == 0 with input as tagged("1.1.0")
}

test_release_tag_without_section_fails if {
	d := p.deny with input as tagged("1.2.0")
	[f.msg | some f in d] == ["release tag v1.2.0 has no change-log section for version 1.2.0"]
}

test_unchecked_older_tags_leave_the_rule_not_evaluated if {
	doc := object.union(tagged("1.1.0"), {"history": {"release_tags_unchecked": 4, "scope": {"description": "the last 50 commits"}}})
	count(p.deny) == 0 with input as doc
	count(p.not_evaluated) == 1 with input as doc
}

test_a_tag_left_unchecked_is_not_judged if {
	doc := {
		"documents": tagged("1.1.0").documents, "config": {"path": null, "lines": {}},
		"history": {"tags": [{"name": "v0.1.0", "version": "0.1.0", "release": true, "reachable": null}]},
	}
	count(p.deny) == 0 with input as doc
}
