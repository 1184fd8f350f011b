# METADATA
# title: Test records present and passing
# description: |
#   IEC 62304 §5.7 requires software system testing for every safety class, with records of the
#   tester, date, version tested and result, and MFDS software submissions include the
#   verification and validation data. samdscan looks for machine-readable test reports (JUnit XML
#   from pytest, surefire, cargo-nextest, jest-junit, ctest, go-junit-report) and Markdown
#   verification and validation reports (a results table with PASS/FAIL), and requires at least
#   one that parses and records no failed or erroring test; an unfilled template is no report.
#   Per release tag (the support window's, newest 10), the tagged tree, read from git objects,
#   must hold a Markdown system test report whose version is the tag's, stating a date and a
#   tester (front matter `version`/`date`/`tester` or lines such as `버전:`, `시험일:`, `시험자:`),
#   recording no failure, and dated no earlier than the last change to a software system's code
#   in the release's range (IEC 62304 §5.7.3: retest after change).
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
#       릴리스 태그마다(지원 기간의 최신 10개) git 객체에서 읽은 태그된 트리에, 버전이 태그의 버전과 같고
#       날짜와 시험자를 밝히며(front matter의 `version`/`date`/`tester` 또는 `버전:`, `시험일:`,
#       `시험자:` 줄) 실패가 없고, 그 릴리스 범위에서 소프트웨어 시스템 코드를 마지막으로 바꾼 날보다 이르지 않은
#       Markdown 시스템 시험 성적서가 있어야 합니다(IEC 62304 §5.7.3: 변경 후 재시험).
#     recommended_action: |
#       CI가 JUnit XML 보고서를 쓰게 하고(`pytest --junitxml=reports/junit.xml`,
#       JUnit 출력의 `cargo nextest run --profile ci`, surefire
#       `TEST-*.xml`) 릴리스 빌드의 보고서를 릴리스 증거와 함께 커밋하십시오. 출시 전에 실패한 시험을 모두
#       수정하거나 문서화하십시오(잔여 이상, IEC 62304 §5.8). 릴리스마다 시스템 시험 성적서
#       (`docs/verification/reports/<버전>/system-test-report.md`, front matter에 `version`, `date`,
#       `tester`)를 마지막 코드 변경 뒤에 작성하여 태그 전에 커밋하십시오.
#     applies: "모든 소프트웨어 안전성 등급."
#     escalation: "보고서가 없거나 읽을 수 없거나 실패가 있거나 릴리스에 맞는 시스템 시험 성적서가 없으면 오류이고, 시험 사례가 없는 보고서는 경고입니다."
#   id: MFDS-SWL-005
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [test_reports, history.release_tests?]
#   presence: true
#   applies: All safety classes.
#   escalation: Missing, unreadable or failing reports, and a release without its system test report, are errors; a report without test cases is a warning.
#   recommended_action: |
#     Have CI write a JUnit XML report (`pytest --junitxml=reports/junit.xml`,
#     `cargo nextest run --profile ci` with JUnit output, surefire `TEST-*.xml`) and commit the
#     report of the release build with the release evidence. Fix or document every failing test
#     before release (residual anomalies, IEC 62304 §5.8). For every release, commit a system test
#     report (`docs/verification/reports/<version>/system-test-report.md` with `version`, `date` and
#     `tester` in its front matter), written after the last code change, before tagging.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7", title: "Software system testing"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7.3", title: "Retest after changes"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7.5", title: "Software system test record contents"}
#     - {source: "MFDS medical device software approval/review guideline (안내서-0612-04, 2023-07-05)", title: "Verification and validation data"}
package samdscan.mfds.swl.test_records

import data.samdscan.lib.documents
import data.samdscan.lib.history
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

# Per release: the system test report of the tagged tree.
release_tests := object.get(input, ["history", "release_tests"], {})

releases := [r | some r in object.get(release_tests, "releases", []); r.read]

not_evaluated contains r if {
	n := object.get(release_tests, "unchecked", 0)
	n > 0
	r := history.releases_narrowed(n, "releases' system test reports", "릴리스 시스템 시험 성적서")
}

not_evaluated contains r if {
	some rel in object.get(release_tests, "releases", [])
	not rel.read
	r := {
		"msg": sprintf("the tagged tree of release %s was not read: %s", [rel.tag, rel.error]),
		"msg_ko": sprintf("릴리스 %s의 태그된 트리를 읽지 못했습니다: %s", [rel.tag, rel.error]),
	}
}

not_evaluated contains r if {
	some rel in releases
	rel.code_change == "cut"
	r := {
		"msg": sprintf("the last code change of release %s was not found among the commits read, so its system test report's date is not judged", [rel.tag]),
		"msg_ko": sprintf("읽은 커밋 중에 릴리스 %s의 마지막 코드 변경이 없어 시스템 시험 성적서의 날짜를 판단하지 않았습니다", [rel.tag]),
	}
}

not_evaluated contains r if {
	count(releases) > 0
	some rel in releases
	rel.code_change == "no_systems"
	r := {
		"msg": "no software system (product.software_systems with paths) is declared, so the date of a release's system test report is not compared with its last code change",
		"msg_ko": "소프트웨어 시스템(경로가 있는 product.software_systems)이 선언되지 않아 릴리스 시스템 시험 성적서의 날짜를 마지막 코드 변경과 비교하지 않았습니다",
	}
}

# A finding about a release points at its report when the work tree still has it, else where a
# missing test report points.
release_anchor(path) := {"path": path} if path in {r.path | some r in reports}

else := documents.missing_anchor("test_report")

of_release(rel) := [r | some r in rel.reports; r.version_matches]

deny contains f if {
	some rel in releases
	count(of_release(rel)) == 0
	f := object.union(documents.missing_anchor("test_report"), {
		"msg": sprintf("release %s: its tagged tree has no system test report whose version is %s (Markdown verification reports there: %s)", [rel.tag, rel.version, reports_seen(rel)]),
		"msg_ko": sprintf("릴리스 %s: 태그된 트리에 버전이 %s인 시스템 시험 성적서가 없습니다(그 트리의 Markdown 검증 보고서: %s)", [rel.tag, rel.version, reports_seen_ko(rel)]),
		"key": sprintf("release-no-report|%s", [rel.tag]),
	})
}

reports_seen(rel) := concat(", ", [sprintf("%s (version %s)", [r.path, shown(r.version, "none")]) | some r in rel.reports]) if count(rel.reports) > 0

else := "none"

reports_seen_ko(rel) := concat(", ", [sprintf("%s(버전 %s)", [r.path, shown(r.version, "없음")]) | some r in rel.reports]) if count(rel.reports) > 0

else := "없음"

shown(value, none) := value if is_string(value)

else := none

# What keeps a report of the release's version from being its record.
release_problems(rel, r) := (((({p | p := unparsed(r)} | {p | p := undated(r)}) | {p | p := no_tester(r)}) | {p | p := failing(r)}) | {p | p := older_than_code(rel, r)})

unparsed(r) := {"en": sprintf("does not parse: %s", [object.get(r, "error", "unknown error")]), "ko": sprintf("읽을 수 없음: %s", [object.get(r, "error", "unknown error")])} if r.parsed != true

undated(r) := {"en": "states no date", "ko": "날짜가 없음"} if not is_string(r.date)

no_tester(r) := {"en": "names no tester", "ko": "시험자가 없음"} if not is_string(r.tester)

failing(r) := {"en": sprintf("records %d failed or erroring tests", [r.failed]), "ko": sprintf("실패하거나 오류 난 시험 %d개", [r.failed])} if {
	r.parsed == true
	r.failed > 0
}

older_than_code(rel, r) := p if {
	rel.code_change == "found"
	is_string(r.date)
	change := rel.last_code_change
	is_string(change.date)
	r.date < change.date
	p := {
		"en": sprintf("is dated %s, before the last code change of the release (%s \"%s\", %s)", [r.date, change.short_id, change.subject, change.date]),
		"ko": sprintf("날짜 %s이(가) 릴리스의 마지막 코드 변경(%s \"%s\", %s)보다 이름", [r.date, change.short_id, change.subject, change.date]),
	}
}

deny contains f if {
	some rel in releases
	candidates := of_release(rel)
	count(candidates) > 0
	every r in candidates {
		count(release_problems(rel, r)) > 0
	}
	why := concat("; ", [sprintf("%s %s", [r.path, concat(", ", sort([p.en | some p in release_problems(rel, r)]))]) | some r in candidates])
	why_ko := concat("; ", [sprintf("%s: %s", [r.path, concat(", ", sort([p.ko | some p in release_problems(rel, r)]))]) | some r in candidates])
	f := object.union(release_anchor(candidates[0].path), {
		"msg": sprintf("release %s: no system test report of version %s in its tagged tree is a complete, passing record newer than its code: %s", [rel.tag, rel.version, why]),
		"msg_ko": sprintf("릴리스 %s: 태그된 트리에 있는 버전 %s의 시스템 시험 성적서 중 완전하고 통과했으며 코드보다 새로운 기록이 없습니다: %s", [rel.tag, rel.version, why_ko]),
		"key": sprintf("release-report|%s", [rel.tag]),
	})
}
