package samdscan.lib.changelog_test

import data.samdscan.lib.changelog
import rego.v1

doc := {"path": "CHANGELOG.md", "headings": [
	{"text": "Changelog", "line": 1},
	{"text": "[Unreleased]", "line": 3},
	{"text": "[1.2.10] - 2026-10-01", "line": 5},
	{"text": "v1.1.0", "line": 9},
]}

test_versions_match_whole_tokens if {
	changelog.section("1.2.10") == {"path": "CHANGELOG.md", "line": 5} with input as {"documents": {"changelog": [doc]}}
	changelog.section("1.1.0") == {"path": "CHANGELOG.md", "line": 9} with input as {"documents": {"changelog": [doc]}}
	not changelog.documents_version("1.2.1") with input as {"documents": {"changelog": [doc]}}
}

test_newest_is_the_first_versioned_heading if {
	changelog.newest == {"version": "1.2.10", "path": "CHANGELOG.md"} with input as {"documents": {"changelog": [doc]}}
}
