package samdscan.mfds.cyb.security_testing_test

import data.samdscan.mfds.cyb.security_testing as p
import rego.v1

workflow := {"path": ".github/workflows/security.yml", "tools": [{"name": "semgrep", "line": 18}]}

report := {"path": "reports/sast/semgrep.sarif", "parsed": true, "error": null, "tools": ["Semgrep OSS"], "results": 2, "errors": 1, "unjustified_count": 0, "unjustified": []}

secure_coding := {"path": "docs/security/secure-coding.md", "title": "Secure coding standard", "headings": [], "text": "# Secure coding standard\n", "front_matter": {}}

scan_input(testing) := {
	"profile": {"connected": true, "grade": 3, "software_systems": [{"name": "app", "safety_class": "B"}]},
	"config": {"path": ".samdscan.yaml"},
	"documents": {"secure_coding_standard": [secure_coding]},
	"source_modules": {"found": true, "modules": [{"name": "alarm", "path": "src/alarm", "files": 1, "safety_critical": true}]},
	"security_testing": object.union({"workflows": [workflow], "sast_reports": [report], "fuzz_harnesses": []}, testing),
}

keys(i) := k if {
	k := {f.key | some f in p.deny} with input as i
}

test_sast_in_ci_with_clean_results_and_a_standard_passes if {
	count(p.deny) == 0 with input as scan_input({})
}

test_a_workflow_without_an_analyser_fails if {
	i := scan_input({"workflows": [{"path": ".github/workflows/ci.yml", "tools": []}]})
	keys(i) == {"no-sast-workflow"}
	some f in p.deny with input as i
	f.path == ".github/workflows/ci.yml"
	object.get(f, "level", "default") == "default"
}

test_no_results_fail if {
	keys(scan_input({"sast_reports": []})) == {"no-sast-results"}
}

test_unjustified_error_results_are_named if {
	r := object.union(report, {"unjustified_count": 7, "unjustified": [{"rule": "py.eval", "location": "src/x.py:3"}, {"rule": "py.exec", "location": null}]})
	d := p.deny with input as scan_input({"sast_reports": [r]})
	[f.msg | some f in d] == ["reports/sast/semgrep.sarif (Semgrep OSS) has 7 error-level results without a suppression justification (py.eval at src/x.py:3, py.exec, and 5 more)"]
	[f.path | some f in d] == ["reports/sast/semgrep.sarif"]
}

test_an_unparsed_log_fails if {
	bad := {"path": "reports/x.sarif", "parsed": false, "error": "invalid JSON"}
	keys(scan_input({"sast_reports": [report, bad]})) == {"unparsed|reports/x.sarif"}
}

test_no_secure_coding_standard_fails if {
	i := object.union(scan_input({}), {"documents": {"secure_coding_standard": []}})
	d := p.deny with input as i
	count(d) == 1
	some f in d
	contains(f.msg, "no secure-coding standard")
	contains(f.msg_ko, "시큐어 코딩")
}

test_parsers_without_fuzzing_fail_and_with_a_harness_pass if {
	mods := {"found": true, "modules": [{"name": "hl7_parser", "path": "src/hl7_parser", "files": 2, "safety_critical": false}]}
	i := object.union(scan_input({}), {"source_modules": mods})
	[f.msg | some f in p.deny] == ["modules that parse external input (src/hl7_parser) have no fuzzing harness (a `fuzz/` cargo-fuzz project, `.clusterfuzzlite/` or `oss-fuzz/` config, `*_fuzzer.c*`, `fuzz_*.py`, `*_fuzz_test.go`)"] with input as i
	j := object.union(i, {"security_testing": {"workflows": [workflow], "sast_reports": [report], "fuzz_harnesses": ["fuzz/fuzz_targets/hl7.rs"]}})
	count(p.deny) == 0 with input as j
}

test_class_c_gives_the_base_level_the_engine_escalates if {
	i := object.union(scan_input({"sast_reports": []}), {"profile": {"connected": true, "grade": 3, "software_systems": [{"name": "app", "safety_class": "C"}]}})
	[object.get(f, "level", "default") | some f in p.deny] == ["default"] with input as i
}

test_not_connected_is_not_applicable if {
	p.applicable == false with input as {"profile": {"connected": false}}
}
