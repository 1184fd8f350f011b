# METADATA
# title: Unit and integration verification with coverage (class B/C)
# description: |
#   IEC 62304 §5.5 and §5.6 require unit and integration verification for class B and C software,
#   and FDA's General Principles of Software Validation expect structural coverage commensurate
#   with the risk. samdscan reads coverage reports (lcov, Cobertura, JaCoCo, Istanbul, Go), matches
#   their file paths to each software system's paths by suffix, and checks line coverage (and
#   branch coverage, where the report measures it) against the thresholds of the system's safety
#   class in `verification.coverage` (defaults: class B 60 % of lines, class C 80 % of lines).
# custom:
#   ko:
#     title: "단위·통합 검증과 커버리지(등급 B/C)"
#     description: |
#       IEC 62304 §5.5·§5.6은 등급 B·C 소프트웨어에 단위·통합 검증을 요구하며, FDA 소프트웨어
#       밸리데이션 일반 원칙은 위험에 상응하는 구조적 커버리지를 기대합니다. samdscan은 커버리지 보고서(lcov,
#       Cobertura, JaCoCo, Istanbul, Go)를 읽어 파일 경로를 각 소프트웨어 시스템의 경로와
#       접미사로 대조하고, 라인 커버리지(보고서가 측정하면 분기 커버리지도)를 `verification.coverage`에
#       있는 그 시스템 안전성 등급의 기준(기본: 등급 B 라인 60%, 등급 C 라인 80%)과 비교합니다.
#     recommended_action: |
#       CI에서 커버리지 보고서를 만들고(pytest-cov `--cov-report=xml`, cargo-llvm-cov
#       `--lcov`, JaCoCo, nyc, `go test -coverprofile`) 릴리스 증거와 함께
#       `coverage.xml`이나 `lcov.info`로 커밋하십시오. 소프트웨어 시스템의 커버리지를 등급 기준까지
#       올리거나, `.samdscan.yaml`의 `verification.coverage`에 근거 있는 기준을
#       선언하십시오.
#     applies: "소프트웨어 안전성 등급 B 또는 C인 시스템."
#     escalation: 보고서가 없거나 읽을 수 없거나 범위를 포괄하지 않으면 오류이고, 커버리지가 기준보다 낮으면 경고입니다.
#   id: MFDS-SWL-004
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [coverage.reports, profile]
#   presence: true
#   applies: Software systems of safety class B or C.
#   escalation: A missing, unreadable or non-covering report is an error; coverage below a threshold is a warning.
#   recommended_action: |
#     Produce a coverage report in CI (pytest-cov `--cov-report=xml`, cargo-llvm-cov `--lcov`,
#     JaCoCo, nyc, `go test -coverprofile`) and commit it with the release evidence, e.g. as
#     `coverage.xml` or `lcov.info`. Raise coverage of the software system to the threshold of its
#     class, or declare justified thresholds under `verification.coverage` in `.samdscan.yaml`.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.5", title: "Software unit implementation and verification"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.6", title: "Software integration and integration testing"}
#     - {source: "FDA General Principles of Software Validation (2002-01-11)", clause: "5.2.5", title: "Testing by the software developer (structural coverage)"}
package samdscan.mfds.swl.unit_verification_coverage

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

classes_checked := {"B", "C"}

checked_systems contains [i, s] if {
	some i, s in input.coverage.systems
	s.safety_class in classes_checked
}

applicable := false if count(checked_systems) == 0

not_applicable_because contains {"msg": "no software system of safety class B or C is declared", "msg_ko": "소프트웨어 안전성 등급 B 또는 C인 소프트웨어 시스템이 선언되지 않았습니다"} if count(checked_systems) == 0

reports := r if {
	r := input.coverage.reports
	is_array(r)
} else := []

parsed_reports := [r | some r in reports; r.parsed]

system_at(i) := {"path": input.config.path, "line": profile.config_line(sprintf("product.software_systems[%d]", [i]))}

deny contains f if {
	count(parsed_reports) == 0
	f := documents.missing_ko("coverage", "no readable coverage report found for the class B/C software (looked for lcov.info, coverage.xml, jacoco.xml, coverage-final.json, coverage.out, ...; set evidence.coverage to point at yours)", "등급 B/C 소프트웨어의 읽을 수 있는 커버리지 보고서가 없습니다(lcov.info, coverage.xml, jacoco.xml, coverage-final.json, coverage.out 등을 확인함; 사용하는 보고서는 evidence.coverage로 지정하십시오)")
}

deny contains f if {
	some r in reports
	not r.parsed
	f := {
		"msg": sprintf("coverage report %s does not parse: %s", [r.path, object.get(r, "error", "unknown error")]),
		"msg_ko": sprintf("커버리지 보고서 %s을(를) 읽을 수 없습니다: %s", [r.path, object.get(r, "error", "unknown error")]),
		"path": r.path,
		"key": sprintf("unparseable|%s", [r.path]),
	}
}

deny contains f if {
	count(parsed_reports) > 0
	some [i, s] in checked_systems
	s.matched_files == 0
	f := object.union(system_at(i), {
		"msg": sprintf("no coverage report covers the files of software system %s (class %s): none of the paths in %s matches its paths", [s.name, s.safety_class, concat(", ", [r.path | some r in parsed_reports])]),
		"msg_ko": sprintf("소프트웨어 시스템 %s(등급 %s)의 파일을 다루는 커버리지 보고서가 없습니다: %s의 어떤 경로도 그 시스템의 경로와 맞지 않습니다", [s.name, s.safety_class, concat(", ", [r.path | some r in parsed_reports])]),
		"key": sprintf("uncovered|%s", [s.name]),
	})
}

below(s, kind) := [measured, wanted] if {
	wanted := s.threshold[kind]
	is_number(wanted)
	measured := s[figure_key(kind)].percent
	is_number(measured)
	measured < wanted
}

figure_key("line") := "lines"

figure_key("branch") := "branches"

deny contains f if {
	some [_, s] in checked_systems
	s.matched_files > 0
	some kind in ["line", "branch"]
	[measured, wanted] := below(s, kind)
	figures := s[figure_key(kind)]
	f := {
		"msg": sprintf("software system %s (class %s): %s coverage %v%% (%d of %d) is below the class %s threshold of %v%%", [s.name, s.safety_class, kind, measured, figures.covered, figures.total, s.safety_class, wanted]),
		"msg_ko": sprintf("소프트웨어 시스템 %s(등급 %s): %s 커버리지 %v%%(%d/%d)가 등급 %s 기준 %v%%보다 낮습니다", [s.name, s.safety_class, kind, measured, figures.covered, figures.total, s.safety_class, wanted]),
		"path": s.reports[0],
		"key": sprintf("below|%s|%s", [s.name, kind]),
		"level": "warning",
	}
}

