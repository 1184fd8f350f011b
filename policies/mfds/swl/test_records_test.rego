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
