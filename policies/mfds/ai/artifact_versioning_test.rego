package samdscan.mfds.ai.artifact_versioning_test

import data.samdscan.mfds.ai.artifact_versioning as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

h1 := "1111111111111111111111111111111111111111111111111111111111111111"

h2 := "2222222222222222222222222222222222222222222222222222222222222222"

art(storage, sha, recorded) := {"path": "models/m.onnx", "deployed": true, "storage": storage, "sha256": sha, "recorded_sha256": recorded, "dvc_outputs": [], "error": null}

test_lfs_pointer_and_matching_record_pass if {
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"artifacts": [art("lfs-pointer", h1, [])]}}
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"artifacts": [art("git", h1, [{"source": "models/MODEL_CARD.md", "sha256": h1}])]}}
}

test_unversioned_fails if {
	d := p.deny with input as {"profile": ai_on, "ai": {"artifacts": [art("git", null, [])]}}
	some f in d
	f.key == "unversioned|models/m.onnx"
}

test_mismatch_fails_at_the_record if {
	d := p.deny with input as {"profile": ai_on, "ai": {"artifacts": [art("lfs-pointer", h1, [{"source": "models/MODEL_CARD.md", "sha256": h2}])]}}
	count(d) == 1
	some f in d
	f.path == "models/MODEL_CARD.md"
}

test_dvc_without_md5_fails if {
	a := object.union(art("dvc", null, []), {"dvc_outputs": [{"path": "models/m.onnx", "md5": null}]})
	count(p.deny) == 1 with input as {"profile": ai_on, "ai": {"artifacts": [a]}}
}
