# METADATA
# title: No subject overlap between training and test splits
# description: |
#   MFDS's Korean edition of the GMLP principles stresses that test data must be independent of
#   training data. When the same patient appears in both, reported performance is inflated. The
#   split manifests (lists of subject or patient ids per split, committed as hashes, not PHI) must
#   exist for training and test, parse, and share no subject.
# custom:
#   id: MFDS-AI-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.split_manifests, ai.split_overlaps?, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Commit split manifests such as `splits/train.csv` and `splits/test.csv` with a `subject_id` (or
#     `patient_id`) column of pseudonymised ids, and re-split by subject so that no subject is in
#     both the test split and a training or tuning split.
#   references:
#     - {source: MFDS GMLP Korean edition, clause: "independence of training and test data"}
#     - {source: IMDRF GMLP (N88), clause: "Principle 4"}
package samdscan.mfds.ai.split_independence

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

manifests := ai.list("split_manifests")

deny contains f if {
	some role in ["training", "test"]
	not has_split(role)
	f := object.union(ai.missing("split_manifest", sprintf("no %s split manifest found (e.g. splits/%s.csv with a subject_id column); independence cannot be shown", [role, trim_suffix(role, "ing")])), {"key": sprintf("missing|%s", [role])})
}

has_split(role) if {
	some m in manifests
	m.split == role
	m.parsed
}

deny contains f if {
	some m in manifests
	not m.parsed
	f := {
		"msg": sprintf("split manifest %s cannot be read: %s", [m.path, object.get(m, "error", "unknown error")]),
		"path": m.path,
		"key": sprintf("unreadable|%s", [m.path]),
	}
}

deny contains f if {
	some o in ai.list("split_overlaps")
	f := {
		"msg": sprintf("%d subject(s) of test split %s also appear in %s split %s (e.g. %s)", [o.count, o.test, o.other_split, o.other, concat(", ", o.examples)]),
		"path": o.test,
		"line": 1,
		"key": sprintf("overlap|%s|%s", [o.test, o.other]),
	}
}
