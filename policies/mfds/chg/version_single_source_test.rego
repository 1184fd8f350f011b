package samdscan.mfds.chg.version_single_source_test

import data.samdscan.mfds.chg.version_single_source as p
import rego.v1

state(version, tags, tip_release, heading) := {
	"profile": {"version": version},
	"config": {"path": ".samdscan.yaml", "lines": {"product.version": 4}},
	"documents": {"changelog": [{"path": "CHANGELOG.md", "headings": [{"text": heading, "line": 3}]}]},
	"history": {"available": true, "truncated": false, "tags": tags, "tip_release": tip_release},
}

tag(v) := {"name": sprintf("v%s", [v]), "version": v, "release": true, "reachable": true}

test_agreeing_versions_pass if {
	count(p.deny) == 0 with input as state("1.2.0", [tag("1.2.0")], "v1.2.0", "[1.2.0] - 2026-10-01")
}

test_tagged_commit_with_other_version_fails if {
	d := p.deny with input as state("1.1.0", [tag("1.2.0")], "v1.2.0", "[1.1.0]")
	msgs := {f.msg | some f in d}
	"the scanned commit is tagged v1.2.0 but product.version is 1.1.0" in msgs
	"product.version 1.1.0 is older than the latest release tag v1.2.0" in msgs
}

test_changelog_behind_the_version_fails if {
	d := p.deny with input as state("1.3.0", [tag("1.2.0")], null, "[1.2.0] - 2026-10-01")
	[[f.path, f.msg] | some f in d] == [["CHANGELOG.md", "the change log's newest section is 1.2.0 but product.version is 1.3.0"]]
}

test_no_version_is_not_evaluated if {
	"no product.version is declared" in p.not_evaluated with input as {"profile": {}, "history": {"available": true}}
}
