package samdscan.mfds.swl.unit_verification_coverage_test

import data.samdscan.mfds.swl.unit_verification_coverage as p
import rego.v1

cfg := {"path": ".samdscan.yaml", "lines": {"product": 2, "product.software_systems[0]": 9}}

system(class, percent, matched) := {
	"name": "app", "safety_class": class, "threshold": {"line": 60, "branch": null},
	"reports": ["coverage.xml"], "matched_files": matched,
	"lines": {"covered": percent, "total": 100, "percent": percent}, "branches": null,
}

report := {"path": "coverage.xml", "parsed": true}

test_covered_system_passes if {
	count(p.deny) == 0 with input as {"config": cfg, "profile": {}, "coverage": {"reports": [report], "systems": [system("B", 75, 3)]}}
}

test_below_threshold_is_a_warning_for_class_b if {
	d := p.deny with input as {"config": cfg, "profile": {}, "coverage": {"reports": [report], "systems": [system("B", 45, 3)]}}
	count(d) == 1
	some f in d
	f.level == "warning"
	f.path == "coverage.xml"
	contains(f.msg, "line coverage 45% (45 of 100)")
}

test_below_threshold_is_a_warning_before_escalation_for_class_c if {
	some f in p.deny with input as {"config": cfg, "profile": {}, "coverage": {"reports": [report], "systems": [system("C", 45, 3)]}}
	f.level == "warning"
}

test_missing_report_fails if {
	d := p.deny with input as {"config": cfg, "profile": {}, "coverage": {"reports": [], "systems": [system("B", 0, 0)]}}
	count(d) == 1
	some f in d
	f.key == "missing"
}

test_report_that_covers_other_paths_fails if {
	d := p.deny with input as {"config": cfg, "profile": {}, "coverage": {"reports": [report], "systems": [system("B", 0, 0)]}}
	some f in d
	f.key == "uncovered|app"
	f.line == 9
}

test_unparseable_report_fails if {
	d := p.deny with input as {"config": cfg, "profile": {}, "coverage": {"reports": [{"path": "lcov.info", "parsed": false, "error": "line 3: malformed DA record"}], "systems": [system("B", 0, 0)]}}
	some f in d
	f.path == "lcov.info"
}

test_class_a_only_is_not_applicable if {
	not p.applicable with input as {"coverage": {"reports": [], "systems": [system("A", 0, 0)]}}
}
