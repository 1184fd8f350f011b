package samdscan.mfds.gai.red_teaming_test

import data.samdscan.mfds.gai.red_teaming as p
import rego.v1

gen := {"ai": {"enabled": true, "generative": true}}

report := {"path": "docs/security/red-team/2.0.md", "names_pinned_model": true, "parts": {"scope": 3, "attacks": 6, "findings": 12}}

in_ci := {"workflows": [{"path": ".github/workflows/genai.yml", "tools": [], "scanners": [], "scheduled": false, "adversarial": [{"name": "genai-security-tests", "line": 9}]}]}

test_complete_record_passes if {
	count(p.deny) == 0 with input as {"profile": gen, "ai": {"genai": {"red_team": [report], "foundation_models": [{"pinned": true, "revision": "r1"}]}}, "security_testing": in_ci}
}

test_missing_record_and_parts_fail if {
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"red_team": [], "foundation_models": []}}, "config": {"path": null, "lines": {}}, "security_testing": in_ci}
	count(d) == 1
	r := object.union(report, {"names_pinned_model": false, "parts": {"scope": 3, "attacks": null, "findings": 12}})
	e := p.deny with input as {"profile": gen, "ai": {"genai": {"red_team": [r], "foundation_models": [{"pinned": true, "revision": "r1"}]}}, "security_testing": in_ci}
	{f.key | some f in e} == {"parts", "version"}
}

test_an_adversarial_suite_in_ci_is_required if {
	base := {"profile": {"ai": {"enabled": true, "generative": true}}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	keys := {f.key | some f in p.deny} with input as base
	"suite-in-ci" in keys
	run := object.union(base, {"security_testing": {"workflows": [{"path": ".github/workflows/genai.yml", "tools": [], "scanners": [], "scheduled": false, "adversarial": [{"name": "promptfoo", "line": 12}]}]}})
	keys_with := {f.key | some f in p.deny} with input as run
	not "suite-in-ci" in keys_with
}
