package samdscan.mfds.ai.split_independence_test

import data.samdscan.mfds.ai.split_independence as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

manifests := [
	{"path": "splits/train.csv", "split": "training", "parsed": true},
	{"path": "splits/test.csv", "split": "test", "parsed": true},
]

test_disjoint_splits_pass if {
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"split_manifests": manifests, "split_overlaps": []}}
}

test_overlap_fails_with_count_and_ids if {
	o := {"test": "splits/test.csv", "other": "splits/train.csv", "other_split": "training", "count": 2, "examples": ["S2", "S3"]}
	d := p.deny with input as {"profile": ai_on, "ai": {"split_manifests": manifests, "split_overlaps": [o]}}
	count(d) == 1
	some f in d
	contains(f.msg, "2 subject(s)")
	contains(f.msg, "S2, S3")
	f.path == "splits/test.csv"
}

test_missing_and_unreadable_manifests_fail if {
	bad := [{"path": "splits/test.json", "split": "test", "parsed": false, "error": "invalid JSON"}]
	d := p.deny with input as {"profile": ai_on, "ai": {"split_manifests": bad, "split_overlaps": []}, "config": {"path": null, "lines": {}}}
	keys := {f.key | some f in d}
	keys == {"missing|training", "missing|test", "unreadable|splits/test.json"}
}
