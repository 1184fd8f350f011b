# METADATA
# title: Model change comes with a new card version and evaluation
# description: |
#   A change of analysis algorithm is a "software upgrade" under the Korean change rules (고시
#   2022-52 Art. 19-2; DMPA Art. 11), and IEC 62304 §7.4 asks for the change's effects to be
#   analysed. When a deployed model artifact's content changes within the history scope (or since
#   `--base`), the same range must update the model card that covers it (its new version and hash)
#   and an evaluation report. A model that is new in the range is judged by MFDS-AI-001 and
#   MFDS-AI-004 instead.
# custom:
#   ko:
#     title: "모델 변경 시 모델 카드 새 버전과 성능 평가 동반"
#     description: |
#       분석 알고리즘의 변경은 국내 변경 규정(고시 2022-52 제19조의2, 디지털의료제품법 제11조)상 "소프트웨어
#       업그레이드"이며, IEC 62304 §7.4는 변경의 영향 분석을 요구합니다. 이력 범위 안에서(또는
#       `--base` 이후) 배포 모델 산출물의 내용이 바뀌면, 같은 범위에서 그 모델을 다루는 모델 카드(새 버전과
#       해시)와 성능 평가 보고서가 갱신되어야 합니다. 범위 안에서 새로 생긴 모델은 MFDS-AI-001과
#       MFDS-AI-004가 판단합니다.
#     recommended_action: |
#       모델을 재학습하거나 교체하는 변경에서 모델 카드의 `version`을 올리고 `artifact_sha256`과 변경
#       이력을 갱신하며, 그 버전의 새 성능 평가 보고서를 커밋하십시오. 변경을 분류하십시오(소프트웨어 업그레이드 또는
#       PCCP 범위의 변경).
#     applies: "product.ai.enabled인 인공지능 제품. git 이력이 필요합니다."
#   id: MFDS-AI-007
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, ai.artifacts, ai.model_cards?, ai.evaluations?, profile.ai]
#   applies: Products with product.ai.enabled; needs git history.
#   recommended_action: |
#     In the change that retrains or replaces a model, bump the model card's `version`, update its
#     `artifact_sha256` and change history, and commit the new evaluation report for that version;
#     classify the change (software upgrade, or a PCCP modification).
#   references:
#     - {source: "MFDS Notice No. 2022-52 (medical device permission, notification and review)", clause: "Art. 19-2", title: "Software upgrade (analysis algorithm change)"}
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Art. 11", title: "Permission for change"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "7.4", title: "Risk management of software changes"}
package samdscan.mfds.ai.model_change_control

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

not_evaluated contains {"msg": "no git history evidence (input.history) is available to this scan", "msg_ko": "이 스캔에는 git 이력 증거(input.history)가 없습니다"} if {
	not history_read
}

# Presence is tested by a rule of its own: `not is_object(input.history)` is undefined under OPA
# when input.history is (OPA takes the call's argument out of the negation).
history_read if is_object(input.history)

not_evaluated contains {
	"msg": sprintf("git history unavailable: %v", [input.history.reason]),
	"msg_ko": sprintf("git 이력을 사용할 수 없습니다: %v", [input.history.reason]),
} if {
	input.history.available == false
}

not_evaluated contains {"msg": "the history is truncated (shallow clone): model changes before the boundary are unknown", "msg_ko": "이력이 잘려 있습니다(얕은 복제): 경계 이전의 모델 변경은 알 수 없습니다"} if {
	input.history.truncated == true
}

commits := c if {
	c := input.history.commits
	is_array(c)
} else := []

# Model path -> the artifact record's path (a DVC output maps to its .dvc file).
model_paths[n] := a.path if {
	some a in ai.deployed_artifacts
	some n in ai.names(a)
}

touched := {ch.path | some c in commits; some ch in c.changes}

added := {ch.path | some c in commits; some ch in c.changes; ch.status == "added"}

# Artifact path -> short ids of the commits that changed its content in the range.
changed[artifact] := ids if {
	some path, artifact in model_paths
	not path in added
	ids := sort({c.short_id |
		some c in commits
		some ch in c.changes
		ch.path == path
		ch.status in {"modified", "renamed"}
	})
	count(ids) > 0
}

cards_for(artifact) := {c.path | some c in ai.list("model_cards"); artifact in c.covers}

deny contains f if {
	some artifact, ids in changed
	not any_touched(cards_for(artifact))
	f := {
		"msg": sprintf("model %s changed in %s, but its model card (%s) was not updated in the same range: bump its version and hash", [artifact, concat(", ", ids), card_list(artifact)]),
		"msg_ko": sprintf("모델 %s이(가) %s에서 바뀌었으나 같은 범위에서 모델 카드(%s)가 갱신되지 않았습니다: 버전과 해시를 올리십시오", [artifact, concat(", ", ids), card_list(artifact)]),
		"path": artifact,
		"key": sprintf("card|%s", [artifact]),
	}
}

deny contains f if {
	some artifact, ids in changed
	not any_touched({e.path | some e in ai.list("evaluations")})
	f := {
		"msg": sprintf("model %s changed in %s, but no evaluation report was updated in the same range", [artifact, concat(", ", ids)]),
		"msg_ko": sprintf("모델 %s이(가) %s에서 바뀌었으나 같은 범위에서 갱신된 성능 평가 보고서가 없습니다", [artifact, concat(", ", ids)]),
		"path": artifact,
		"key": sprintf("evaluation|%s", [artifact]),
	}
}

any_touched(paths) if {
	some p in paths
	p in touched
}

card_list(artifact) := concat(", ", sort(cards_for(artifact))) if count(cards_for(artifact)) > 0 else := "none found"
