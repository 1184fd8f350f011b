# METADATA
# title: AI quality policy and AI life-cycle controls
# description: |
#   The MFDS GMP guideline for digital medical devices, as summarised by a secondary source, asks
#   a manufacturer of AI products for an AI policy: AI objectives, data governance, the roles of the
#   model life cycle, and management's commitment to monitor the deployed model's performance and
#   safety. The policy ties the life-cycle controls together, so samdscan asks that it exist (in the
#   repository, e.g. docs/qms/ai-policy.md, or through the evidence index) and that it name the
#   artefacts of those controls found in the repository: a versioned model artifact or model card
#   (MFDS-AI-005), the change management plan (MFDS-AI-006) and the performance monitoring plan
#   (MFDS-AI-008). The source is grade C, so the rule stays a warning until confirmed.
# custom:
#   ko:
#     title: "AI 품질 정책과 AI 수명주기 관리"
#     description: |
#       디지털의료기기 GMP 가이드라인은(2차 자료의 요약에 따르면) AI 제품 제조자에게 AI 정책을 요구합니다: AI 목표,
#       데이터 관리, 모델 수명주기의 역할, 배포된 모델의 성능과 안전을 계속 감시하겠다는 경영진의 의지입니다. 이 정책이
#       수명주기 관리를 하나로 묶으므로, samdscan은 정책이 (저장소의 docs/qms/ai-policy.md 같은 문서나 증거 색인으로)
#       있는지, 그리고 저장소에서 찾은 관리 산출물을 이름으로 다루는지 확인합니다: 버전 관리되는 모델 산출물이나 모델
#       카드(MFDS-AI-005), 변경관리계획(MFDS-AI-006), 성능 모니터링 계획(MFDS-AI-008)입니다. 근거 자료의 등급이
#       C이므로 확인될 때까지 경고로 둡니다.
#     recommended_action: |
#       `docs/qms/ai-policy.md`(또는 `인공지능 품질 정책`)를 추가하거나 증거 색인의 `MFDS-QMS-002`로 eQMS 문서를
#       가리키십시오. 정책에 AI 목표, 데이터 관리, 수명주기 역할, 모니터링 의지를 적고 모델 카드, 변경관리계획,
#       성능 모니터링 계획을 경로나 문서 번호로 참조하십시오.
#     applies: "디지털의료제품법 적용 인공지능 제품(product.ai.enabled이고 regime이 DMPA)."
#     escalation: "모든 등급과 안전성 등급에서 경고이며 카탈로그 §0.3의 상향을 적용하지 않습니다: AI 품질방침 요구는 디지털의료기기 GMP 가이드라인의 요약에 근거하므로, 수준을 올리기 전에 원문 확인이 필요합니다."
#   id: MFDS-QMS-002
#   severity: warning
#   escalates: false           # the item: "confirm before escalating"
#   escalation: "Warning at every grade and class, without the catalogue's §0.3 escalation: the AI quality-policy expectation rests on a summary of the DMD GMP guideline, to be confirmed before escalating."
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: established
#   evidence: [documents.ai_quality_policy, ai.artifacts?, ai.model_cards?, ai.change_plans?, documents.performance_monitoring_plan?, evidence_index.entries]
#   presence: true
#   applies: AI products under the DMPA (product.ai.enabled and regime DMPA).
#   recommended_action: |
#     Add `docs/qms/ai-policy.md` (or `인공지능 품질 정책`), or point `MFDS-QMS-002` of the evidence
#     index at the eQMS document. State AI objectives, data governance, life-cycle roles and the
#     monitoring commitment, and reference the model card, the change management plan and the
#     performance monitoring plan by path or document id.
#   references:
#     - {source: "MFDS digital medical device GMP guideline (2025; as summarised, grade C)", title: "AI policy; management commitment to continued AI/ML performance and safety"}
package samdscan.mfds.qms.ai_quality_policy

import data.samdscan.lib.ai
import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if {
	profile.ai_enabled
	profile.dmpa
}

applicable := false if not in_scope

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

not_applicable_because contains {"msg": "the profile does not declare regime DMPA", "msg_ko": "제품 프로필에 규제 체계 DMPA가 선언되지 않았습니다"} if {
	profile.ai_enabled
	not profile.dmpa
}

policies := documents.for_rule("ai_quality_policy", "MFDS-QMS-002")

deny contains f if {
	count(policies) == 0
	f := ai.missing_ko("ai_quality_policy", "no AI quality policy found, in the repository or the evidence index (looked for names such as docs/qms/ai-policy.md or a title like \"AI policy\" / \"인공지능 품질 정책\")", "AI 품질 정책이 저장소에도 증거 색인에도 없습니다(docs/qms/ai-policy.md 같은 이름이나 \"인공지능 품질 정책\" / \"AI policy\" 같은 제목을 확인함)")
}

parts := {
	"AI objectives": ["objective", "goal", "목표"],
	"data governance": ["data governance", "data management", "data quality", "데이터 관리", "데이터 거버넌스", "데이터 품질"],
	"life-cycle roles": ["role", "responsibilit", "역할", "책임"],
	"monitoring commitments": ["monitoring", "surveillance", "모니터링", "감시"],
}

parts_ko := {
	"AI objectives": "AI 목표",
	"data governance": "데이터 관리",
	"life-cycle roles": "수명주기 역할",
	"monitoring commitments": "모니터링 의지",
}

deny contains f if {
	count(policies) > 0
	missing := documents.missing_parts(policies, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the AI quality policy (%s) has no section on %s", [policies[0].path, concat(", ", missing)]),
		"msg_ko": sprintf("AI 품질 정책(%s)에 다음 절이 없습니다: %s", [policies[0].path, concat(", ", [parts_ko[m] | some m in missing])]),
		"path": policies[0].path,
		"key": "parts",
	}
}

# The artefacts of each life-cycle control the policy must name, as found in the repository.
artefacts := {
	"MFDS-AI-005": array.concat(ai.list("artifacts"), ai.list("model_cards")),
	"MFDS-AI-006": ai.list("change_plans"),
	"MFDS-AI-008": documents.of_kind("performance_monitoring_plan"),
}

what := {
	"MFDS-AI-005": {"en": "a model artifact or model card", "ko": "모델 산출물이나 모델 카드"},
	"MFDS-AI-006": {"en": "the change management plan", "ko": "변경관리계획"},
	"MFDS-AI-008": {"en": "the performance monitoring plan", "ko": "성능 모니터링 계획"},
}

# What names an artefact in another document: its path, file name, document id or title.
names_of(a) := {n |
	some n in array.concat(
		[a.path, regex.replace(a.path, `^.*/`, "")],
		[x | some x in [object.get(object.get(a, "front_matter", {}), "document_id", null), object.get(a, "title", null)]; is_string(x)],
	)
	n != ""
}

policy_text := lower(concat("\n", [object.get(p, "text", "") | some p in policies]))

named(id) if {
	some a in artefacts[id]
	some n in names_of(a)
	contains(policy_text, lower(n))
}

# Controls with artefacts in the repository that the policy does not name; a control without
# artefacts is its own rule's finding.
unnamed := sort([id | some id, list in artefacts; count(list) > 0; not named(id)])

deny contains f if {
	count(policies) > 0
	count(unnamed) > 0
	f := {
		"msg": sprintf("the AI quality policy (%s) does not reference %s", [policies[0].path, concat(", ", [sprintf("%s (%s)", [what[id].en, id]) | some id in unnamed])]),
		"msg_ko": sprintf("AI 품질 정책(%s)이 다음을 참조하지 않습니다: %s", [policies[0].path, concat(", ", [sprintf("%s(%s)", [what[id].ko, id]) | some id in unnamed])]),
		"path": policies[0].path,
		"key": "references",
	}
}
