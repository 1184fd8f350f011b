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
#   id: MFDS-SWL-004
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [coverage.reports, profile]
#   presence: true
#   applies: Software systems of safety class B or C.
#   escalation: A missing, unreadable or non-covering report is an error; coverage below a threshold is a warning, an error for class C or grade 4.
#   recommended_action: |
#     Produce a coverage report in CI (pytest-cov `--cov-report=xml`, cargo-llvm-cov `--lcov`,
#     JaCoCo, nyc, `go test -coverprofile`) and commit it with the release evidence, e.g. as
#     `coverage.xml` or `lcov.info`. Raise coverage of the software system to the threshold of its
#     class, or declare justified thresholds under `verification.coverage` in `.samdscan.yaml`.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.5 Software unit implementation and verification; 5.6 Software integration and integration testing"}
#     - {source: FDA General Principles of Software Validation (2002), clause: "5.2.5 Testing by the software developer (structural coverage)"}
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

not_applicable_because contains "no software system of safety class B or C is declared" if count(checked_systems) == 0

reports := r if {
	r := input.coverage.reports
	is_array(r)
} else := []

parsed_reports := [r | some r in reports; r.parsed]

system_at(i) := {"path": input.config.path, "line": profile.config_line(sprintf("product.software_systems[%d]", [i]))}

deny contains f if {
	count(parsed_reports) == 0
	f := documents.missing("coverage", "no readable coverage report found for the class B/C software (looked for lcov.info, coverage.xml, jacoco.xml, coverage-final.json, coverage.out, ...; set evidence.coverage to point at yours)")
}

deny contains f if {
	some r in reports
	not r.parsed
	f := {
		"msg": sprintf("coverage report %s does not parse: %s", [r.path, object.get(r, "error", "unknown error")]),
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
		"path": s.reports[0],
		"key": sprintf("below|%s|%s", [s.name, kind]),
		"level": level_below(s),
	}
}

level_below(s) := "error" if s.safety_class == "C"

else := profile.escalate("warning")
