package samdscan.mfds.gai.evaluation_evidence_test

import data.samdscan.mfds.gai.evaluation_evidence as p
import rego.v1

gen := {"ai": {"enabled": true, "generative": true}}

report := {"path": "eval/genai/report.md", "names_pinned_model": true, "parts": {"hallucination": 3, "safety": 8, "clinical_evaluation": 12, "consistency": 20}}

models := [{"pinned": true, "revision": "2026-03-01"}]

test_complete_report_passes if {
	count(p.deny) == 0 with input as {"profile": gen, "ai": {"genai": {"evaluations": [report], "foundation_models": models}}}
}

test_missing_part_and_version_fail if {
	r := object.union(report, {"names_pinned_model": false, "parts": {"hallucination": 3, "safety": null, "clinical_evaluation": 12, "consistency": 20}})
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"evaluations": [r], "foundation_models": models}}}
	{f.key | some f in d} == {"parts", "version"}
}

test_missing_report_fails if {
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"evaluations": [], "foundation_models": []}}, "config": {"path": null, "lines": {}}}
	count(d) == 1
}
