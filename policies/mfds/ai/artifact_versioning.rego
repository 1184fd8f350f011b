# METADATA
# title: Model artifacts versioned by content
# description: |
#   IEC 62304 §8.1 makes models and the data that built them configuration items, and the FDA PCCP
#   guidance expects version control of every model. A deployed model must be content-addressed: a
#   Git LFS pointer, a DVC file with a hash, or a SHA-256 recorded in its model card or a hash
#   manifest (SHA256SUMS). A recorded hash that does not match the artifact means the card describes
#   a different model from the one shipped. samdscan hashes a committed artifact only when such a
#   hash is recorded, streaming it once.
# custom:
#   id: MFDS-AI-005
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.artifacts, ai.model_cards?, profile.ai]
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Track model weights with Git LFS or DVC, or record `artifact_sha256:` in the model card (or a
#     line in SHA256SUMS); update the recorded hash whenever the model changes.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "8.1 Configuration identification"}
#     - {source: FDA PCCP final guidance (2024), clause: "version control and maintenance"}
#     - {source: IMDRF GMLP (N88), clause: "Principle 2"}
package samdscan.mfds.ai.artifact_versioning

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

content_addressed(a) if a.storage == "lfs-pointer"

content_addressed(a) if {
	a.storage == "dvc"
	count(a.dvc_outputs) > 0
	every o in a.dvc_outputs {
		is_string(o.md5)
	}
}

content_addressed(a) if count(a.recorded_sha256) > 0

# An MLflow `MLmodel` file describes a model folder; the weights beside it are checked themselves.
content_addressed(a) if a.storage == "mlflow"

deny contains f if {
	some a in ai.deployed_artifacts
	not content_addressed(a)
	f := {
		"msg": sprintf("model artifact %s is not versioned by content: track it with Git LFS or DVC, or record its SHA-256 in the model card or SHA256SUMS", [a.path]),
		"path": a.path,
		"key": sprintf("unversioned|%s", [a.path]),
	}
}

deny contains f if {
	some a in ai.deployed_artifacts
	is_string(a.sha256)
	some r in a.recorded_sha256
	r.sha256 != a.sha256
	f := {
		"msg": sprintf("%s records SHA-256 %s for %s, but the artifact's is %s: the record describes another model", [r.source, r.sha256, a.path, a.sha256]),
		"path": r.source,
		"line": 1,
		"key": sprintf("mismatch|%s|%s", [r.source, a.path]),
	}
}

deny contains f if {
	some a in ai.deployed_artifacts
	is_string(a.error)
	f := {"msg": sprintf("model artifact %s: %s", [a.path, a.error]), "path": a.path, "key": sprintf("error|%s", [a.path])}
}
