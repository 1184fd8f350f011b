# METADATA
# title: Test records present and passing
# description: |
#   IEC 62304 §5.7 requires software system testing for every safety class, with records of the
#   tester, date, version tested and result, and MFDS software submissions include the
#   verification and validation data. samdscan looks for machine-readable test reports (JUnit XML
#   from pytest, surefire, cargo-nextest, jest-junit, ctest, go-junit-report) and Markdown
#   verification and validation reports (a results table with PASS/FAIL), and requires at least
#   one that parses and records no failed or erroring test; an unfilled template is no report.
# custom:
#   id: MFDS-SWL-005
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [test_reports]
#   presence: true
#   applies: All safety classes.
#   escalation: Missing, unreadable or failing reports are errors; a report without test cases is a warning.
#   recommended_action: |
#     Have CI write a JUnit XML report (`pytest --junitxml=reports/junit.xml`,
#     `cargo nextest run --profile ci` with JUnit output, surefire `TEST-*.xml`) and commit the
#     report of the release build with the release evidence. Fix or document every failing test
#     before release (residual anomalies, IEC 62304 §5.8).
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.7 Software system testing; 5.7.5 Software system test record contents"}
#     - {source: MFDS medical device software approval/review guideline, clause: 안내서-0612-04 (verification and validation data)}
package samdscan.mfds.swl.test_records

import data.samdscan.lib.documents
import rego.v1

reports := r if {
	r := input.test_reports
	is_array(r)
} else := []

parsed := [r | some r in reports; r.parsed]

unfilled := [sprintf("%s is an unfilled template", [r.path]) | some r in reports; r.unfilled == true]

templates_named := sprintf("; %s", [concat("; ", unfilled)]) if count(unfilled) > 0

else := ""

deny contains f if {
	count(parsed) == 0
	f := object.union(documents.missing_anchor("test_report"), {
		"msg": sprintf("no readable test report found (looked for JUnit XML such as junit.xml, TEST-*.xml, test-results/**/*.xml, and Markdown verification reports with a results table; set evidence.test_report to point at yours)%s", [templates_named]),
		"key": "missing",
	})
}

deny contains f if {
	some r in reports
	not r.parsed
	not r.unfilled == true
	f := {
		"msg": sprintf("test report %s does not parse: %s", [r.path, object.get(r, "error", "unknown error")]),
		"path": r.path,
		"key": sprintf("unparseable|%s", [r.path]),
	}
}

deny contains f if {
	some r in parsed
	r.failures + r.errors > 0
	f := {
		"msg": sprintf("test report %s records %d failed and %d erroring of %d tests%s", [r.path, r.failures, r.errors, r.tests, first_failures(r)]),
		"path": r.path,
		"key": sprintf("failing|%s", [r.path]),
	}
}

deny contains f if {
	some r in parsed
	r.tests == 0
	f := {
		"msg": sprintf("test report %s records no test cases", [r.path]),
		"path": r.path,
		"key": sprintf("empty|%s", [r.path]),
		"level": "warning",
	}
}

first_failures(r) := sprintf(" (%s)", [concat(", ", array.slice(r.failed_cases, 0, 3))]) if {
	count(r.failed_cases) > 0
} else := ""
