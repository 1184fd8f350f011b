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
#   ko:
#     title: "AI 모델 산출물의 내용 기반 버전 관리"
#     description: |
#       IEC 62304 §8.1은 모델과 그 모델을 만든 데이터를 형상관리 항목으로 보며, FDA PCCP 가이던스는
#       모든 모델의 버전 관리를 기대합니다. 배포되는 모델은 내용으로 식별되어야 합니다: Git LFS 포인터, 해시가
#       있는 DVC 파일, 또는 모델 카드나 해시 목록(SHA256SUMS)에 기록된 SHA-256. 기록된 해시가
#       산출물과 다르면 모델 카드가 실제 출시된 모델과 다른 모델을 설명하는 것입니다. samdscan은 해시가 기록된
#       경우에만 커밋된 산출물의 해시를 한 번 계산합니다.
#     recommended_action: |
#       모델 가중치를 Git LFS나 DVC로 추적하거나 모델 카드에 `artifact_sha256:`을(또는
#       SHA256SUMS에 한 줄을) 기록하고, 모델이 바뀔 때마다 기록된 해시를 갱신하십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#     escalation: "경고입니다: 널리 지지되는 모범 사례이지만 식약처가 방법을 정하지 않았고, 안전 관련 결과는 MFDS-AI-007이 확인합니다."
#   id: MFDS-AI-005
#   severity: warning
#   escalation: "Warning: good practice with strong support, but MFDS has not prescribed a mechanism, and MFDS-AI-007 catches the safety-relevant consequence."
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
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.1", title: "Configuration identification"}
#     - {source: "FDA PCCP for AI-enabled device software functions, final guidance (2024-12)", title: "Version control and maintenance"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principle 2"}
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
		"msg_ko": sprintf("모델 산출물 %s이(가) 내용 기반으로 버전 관리되지 않습니다: Git LFS나 DVC로 추적하거나 모델 카드 또는 SHA256SUMS에 SHA-256을 기록하십시오", [a.path]),
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
		"msg_ko": sprintf("%s에는 %s의 SHA-256이 %s(으)로 기록되어 있으나 실제 산출물은 %s입니다: 기록이 다른 모델을 설명합니다", [r.source, a.path, r.sha256, a.sha256]),
		"path": r.source,
		"line": 1,
		"key": sprintf("mismatch|%s|%s", [r.source, a.path]),
	}
}

deny contains f if {
	some a in ai.deployed_artifacts
	is_string(a.error)
	f := {"msg_ko": sprintf("모델 산출물 %s: %s", [a.path, a.error]), "msg": sprintf("model artifact %s: %s", [a.path, a.error]), "path": a.path, "key": sprintf("error|%s", [a.path])}
}
