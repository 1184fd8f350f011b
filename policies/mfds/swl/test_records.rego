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
#   ko:
#     title: "시험 기록의 존재와 통과"
#     description: |
#       IEC 62304 §5.7은 모든 안전성 등급에서 시험자, 날짜, 시험한 버전, 결과를 기록한 소프트웨어 시스템
#       시험을 요구하며, 식약처 소프트웨어 허가·심사 자료에는 검증 및 유효성 확인 자료가 포함됩니다. samdscan은
#       기계가 읽을 수 있는 시험 보고서(pytest, surefire, cargo-nextest, jest-junit,
#       ctest, go-junit-report의 JUnit XML)와 Markdown 검증·유효성 확인
#       보고서(PASS/FAIL 결과 표; 예: `시험 성적서`, `검증 보고서`)를 찾아, 읽을 수 있고 실패하거나 오류
#       난 시험이 없는 보고서가 하나 이상 있기를 요구합니다. 작성되지 않은 템플릿은 보고서가 아닙니다.
#     recommended_action: |
#       CI가 JUnit XML 보고서를 쓰게 하고(`pytest --junitxml=reports/junit.xml`,
#       JUnit 출력의 `cargo nextest run --profile ci`, surefire
#       `TEST-*.xml`) 릴리스 빌드의 보고서를 릴리스 증거와 함께 커밋하십시오. 출시 전에 실패한 시험을 모두
#       수정하거나 문서화하십시오(잔여 이상, IEC 62304 §5.8).
#     applies: "모든 소프트웨어 안전성 등급."
#     escalation: "보고서가 없거나 읽을 수 없거나 실패가 있으면 오류이고, 시험 사례가 없는 보고서는 경고입니다."
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
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7", title: "Software system testing"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7.5", title: "Software system test record contents"}
#     - {source: "MFDS medical device software approval/review guideline (안내서-0612-04, 2023-07-05)", title: "Verification and validation data"}
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
		"msg_ko": sprintf("읽을 수 있는 시험 보고서가 없습니다(junit.xml, TEST-*.xml, test-results/**/*.xml 같은 JUnit XML과 결과 표가 있는 Markdown 검증 보고서를 확인함; 사용하는 보고서는 evidence.test_report로 지정하십시오)%s", [templates_named_ko]),
		"key": "missing",
	})
}

deny contains f if {
	some r in reports
	not r.parsed
	not r.unfilled == true
	f := {
		"msg": sprintf("test report %s does not parse: %s", [r.path, object.get(r, "error", "unknown error")]),
		"msg_ko": sprintf("시험 보고서 %s을(를) 읽을 수 없습니다: %s", [r.path, object.get(r, "error", "unknown error")]),
		"path": r.path,
		"key": sprintf("unparseable|%s", [r.path]),
	}
}

deny contains f if {
	some r in parsed
	r.failures + r.errors > 0
	f := {
		"msg": sprintf("test report %s records %d failed and %d erroring of %d tests%s", [r.path, r.failures, r.errors, r.tests, first_failures(r)]),
		"msg_ko": sprintf("시험 보고서 %s: 시험 %d개 중 실패 %d개, 오류 %d개%s", [r.path, r.tests, r.failures, r.errors, first_failures(r)]),
		"path": r.path,
		"key": sprintf("failing|%s", [r.path]),
	}
}

deny contains f if {
	some r in parsed
	r.tests == 0
	f := {
		"msg": sprintf("test report %s records no test cases", [r.path]),
		"msg_ko": sprintf("시험 보고서 %s에 시험 사례가 없습니다", [r.path]),
		"path": r.path,
		"key": sprintf("empty|%s", [r.path]),
		"level": "warning",
	}
}

first_failures(r) := sprintf(" (%s)", [concat(", ", array.slice(r.failed_cases, 0, 3))]) if {
	count(r.failed_cases) > 0
} else := ""

templates_named_ko := sprintf("; %s", [concat("; ", [sprintf("%s은(는) 작성되지 않은 템플릿입니다", [r.path]) | some r in reports; r.unfilled == true])]) if count(unfilled) > 0
else := ""
