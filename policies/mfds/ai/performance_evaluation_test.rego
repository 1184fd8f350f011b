package samdscan.mfds.ai.performance_evaluation_test

import data.samdscan.mfds.ai.performance_evaluation as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

good := {"path": "eval/cxr/2.1.0/metrics.json", "parsed": true, "overall_metrics": ["auroc"], "metrics_without_ci": [], "sample_size_reported": true, "subgroup_attributes": ["age", "sex"]}

test_complete_evaluation_passes if {
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"evaluations": [good]}}
}

test_no_subgroups_no_ci_no_n_fail if {
	bad := object.union(good, {"subgroup_attributes": [], "metrics_without_ci": ["auroc"], "sample_size_reported": false})
	d := p.deny with input as {"profile": ai_on, "ai": {"evaluations": [bad]}}
	keys := {f.key | some f in d}
	keys == {"no-subgroups", "no-ci|eval/cxr/2.1.0/metrics.json", "no-n|eval/cxr/2.1.0/metrics.json"}
	some f in d
	f.level == "warning"
}

test_missing_evaluation_fails if {
	d := p.deny with input as {"profile": ai_on, "ai": {"evaluations": []}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	count(d) == 1
}
