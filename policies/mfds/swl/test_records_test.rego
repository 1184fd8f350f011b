package samdscan.mfds.swl.test_records_test

import data.samdscan.mfds.swl.test_records as p
import rego.v1

cfg := {"path": ".samdscan.yaml", "lines": {"product": 2}}

junit(failures, errors) := {"path": "reports/junit.xml", "parsed": true, "tests": 10, "failures": failures, "errors": errors, "skipped": 0, "failed_cases": ["alarm::test_high"]}

test_passing_report_passes if {
	count(p.deny) == 0 with input as {"config": cfg, "test_reports": [junit(0, 0)]}
}

test_failures_are_reported_with_case_names if {
	d := p.deny with input as {"config": cfg, "test_reports": [junit(1, 1)]}
	count(d) == 1
	some f in d
	f.path == "reports/junit.xml"
	contains(f.msg, "1 failed and 1 erroring of 10 tests (alarm::test_high)")
}

test_missing_report_fails if {
	d := p.deny with input as {"config": cfg, "test_reports": []}
	some f in d
	f.key == "missing"
	f.line == 2
}

test_unparseable_report_fails if {
	d := p.deny with input as {"config": cfg, "test_reports": [junit(0, 0), {"path": "TEST-x.xml", "parsed": false, "error": "bad"}]}
	count(d) == 1
	some f in d
	f.key == "unparseable|TEST-x.xml"
}

test_unfilled_markdown_report_is_no_report if {
	tpl := {"path": "docs/vv/test-report.md", "format": "markdown", "parsed": false, "unfilled": true, "error": "an unfilled template"}
	d := p.deny with input as {"config": cfg, "test_reports": [tpl]}
	count(d) == 1
	some f in d
	f.key == "missing"
	contains(f.msg, "docs/vv/test-report.md is an unfilled template")
}

test_markdown_report_passes if {
	md := {"path": "docs/vv/verification-report.md", "format": "markdown", "parsed": true, "tests": 3, "failures": 0, "errors": 0, "skipped": 0, "failed_cases": []}
	count(p.deny) == 0 with input as {"config": cfg, "test_reports": [md]}
}

system_report(path, version, date, tester, failed) := {"path": path, "parsed": true, "error": null, "version": version, "version_matches": version == "1.2.0", "date": date, "tester": tester, "tests": 12, "failed": failed}

change := {"commit": "abcdef1234567", "short_id": "abcdef1", "date": "2026-09-20", "subject": "Raise the alarm threshold (CR-7)"}

release(reports, code_change) := {"tag": "v1.2.0", "version": "1.2.0", "commit": "c0ffee", "previous": "v1.1.0", "read": true, "error": null, "reports": reports, "code_change": code_change, "last_code_change": change}

with_release(rel) := {"config": cfg, "test_reports": [junit(0, 0)], "history": {"release_tests": {"evaluated": true, "releases": [rel]}}}

report_path := "docs/verification/reports/1.2.0/system-test-report.md"

test_a_release_with_its_complete_recent_report_passes if {
	rel := release([system_report(report_path, "1.2.0", "2026-09-21", "J. Kim", 0)], "found")
	count(p.deny) == 0 with input as with_release(rel)
	count(p.not_evaluated) == 0 with input as with_release(rel)
}

test_a_release_without_a_report_of_its_version_fails if {
	rel := release([system_report("docs/verification/reports/1.1.0/system-test-report.md", "1.1.0", "2026-08-01", "J. Kim", 0)], "found")
	d := p.deny with input as with_release(rel)
	some f in d
	f.key == "release-no-report|v1.2.0"
	f.msg == "release v1.2.0: its tagged tree has no system test report whose version is 1.2.0 (Markdown verification reports there: docs/verification/reports/1.1.0/system-test-report.md (version 1.1.0))"
	contains(f.msg_ko, "버전이 1.2.0인 시스템 시험 성적서가 없습니다")
}

test_a_stale_undated_or_anonymous_report_fails_naming_why if {
	stale := release([system_report(report_path, "1.2.0", "2026-09-19", "J. Kim", 0)], "found")
	d := p.deny with input as with_release(stale)
	some f in d
	f.key == "release-report|v1.2.0"
	contains(f.msg, "is dated 2026-09-19, before the last code change of the release (abcdef1 \"Raise the alarm threshold (CR-7)\", 2026-09-20)")
	bare := release([system_report(report_path, "1.2.0", null, null, 2)], "found")
	e := p.deny with input as with_release(bare)
	some g in e
	endswith(g.msg, "docs/verification/reports/1.2.0/system-test-report.md names no tester, records 2 failed or erroring tests, states no date")
	contains(g.msg_ko, "시험자가 없음")
}

test_one_good_report_of_the_version_is_enough if {
	rel := release([system_report("a-test-report.md", "1.2.0", null, null, 0), system_report(report_path, "1.2.0", "2026-09-20", "김시험", 0)], "found")
	count(p.deny) == 0 with input as with_release(rel)
}

test_an_unread_tree_or_an_unfound_code_change_is_not_evaluated if {
	unread := object.union(release([], "none"), {"read": false, "error": "it has 300000 files"})
	count(p.deny) == 0 with input as with_release(unread)
	some r in p.not_evaluated with input as with_release(unread)
	contains(r.msg, "it has 300000 files")
	cut := release([system_report(report_path, "1.2.0", "2026-01-01", "J. Kim", 0)], "cut")
	count(p.deny) == 0 with input as with_release(cut)
	count(p.not_evaluated) == 1 with input as with_release(cut)
}

test_releases_a_narrowed_scope_left_out_make_it_not_evaluated if {
	rel := release([system_report(report_path, "1.2.0", "2026-09-21", "J. Kim", 0)], "found")
	i := object.union(with_release(rel), {"history": {"scope": {"description": "the last 50 commits"}, "release_tests": {"limit": 3, "unchecked": 2}}})
	count(p.deny) == 0 with input as i
	some r in p.not_evaluated with input as i
	contains(r.msg, "2 older releases' system test reports were not checked in this history scope (the last 50 commits)")
	count(p.not_evaluated) == 0 with input as with_release(rel)
}
