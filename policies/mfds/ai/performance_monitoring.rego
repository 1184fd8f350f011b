# METADATA
# title: Post-deployment AI performance monitoring plan
# description: |
#   Good machine learning practice (GMLP principle 10, adopted in MFDS's AI guidance) asks that a
#   deployed model be monitored for performance and re-training risks, and the MFDS plan announces
#   digital-specific post-market management. The monitoring plan names the metrics watched in the
#   field, gives numeric thresholds and the triggers for re-validation, and feeds the post-market
#   surveillance plan, which must point to it. samdscan reads the plan (docs/ai/performance-monitoring-plan.md,
#   a title such as "Performance monitoring plan" / "성능 모니터링 계획") for those parts and a
#   threshold written as a number, and the post-market surveillance plans for a reference to it.
# custom:
#   ko:
#     title: "배포 후 AI 성능 모니터링 계획"
#     description: |
#       우수 기계학습 관리기준(GMLP 원칙 10, 식약처 인공지능 가이드라인에 반영)은 배포된 모델의 성능과 재학습 위험을
#       감시하도록 요구하며, 식약처 종합계획은 디지털 특화 시판 후 관리를 예고합니다. 모니터링 계획은 현장에서 감시하는
#       지표, 숫자로 된 임계값, 재검증을 시작하는 트리거를 밝히고, 시판 후 감시 계획이 이 계획을 참조해야 합니다.
#       samdscan은 계획(docs/ai/performance-monitoring-plan.md, "성능 모니터링 계획" / "Performance
#       monitoring plan" 같은 제목)에서 이 절들과 숫자로 적힌 임계값을 찾고, 시판 후 감시 계획에서 이 계획에 대한
#       참조를 찾습니다.
#     recommended_action: |
#       `docs/ai/performance-monitoring-plan.md`(또는 `AI 성능 모니터링 계획서`)를 추가하여 감시 지표, 숫자
#       임계값(예: "AUROC 0.92 미만"), 재검증 트리거를 적고, 시판 후 감시 계획에서 이 문서를 경로나 문서 번호로
#       참조하십시오.
#     applies: "인공지능을 선언한 제품(product.ai.enabled)."
#     escalation: "경고입니다: 모니터링 의무는 예고되었으나(GMLP, 종합계획 1축) 국내 세부 형식은 아직 발간되지 않았습니다."
#   id: MFDS-AI-008
#   severity: warning
#   escalation: "Warning: the monitoring obligation is signalled (GMLP, the plan's first pillar) but its Korean form is not yet published."
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: anticipated
#   evidence: [documents.performance_monitoring_plan, documents.post_market_surveillance_plan?, evidence_index.entries]
#   presence: true
#   applies: Products that declare AI (product.ai.enabled).
#   recommended_action: |
#     Add `docs/ai/performance-monitoring-plan.md` (or `AI 성능 모니터링 계획서`) naming the
#     monitored metrics, numeric thresholds (for example "AUROC below 0.92") and the re-validation
#     triggers, and reference it from the post-market surveillance plan by path or document id.
#   references:
#     - {source: "FDA/Health Canada/MHRA Good Machine Learning Practice guiding principles (2021)", clause: "Principle 10", title: "Deployed models are monitored for performance and re-training risks are managed"}
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", title: "Digital-specific post-market management"}
package samdscan.mfds.ai.performance_monitoring

import data.samdscan.lib.ai
import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

plans := documents.for_rule("performance_monitoring_plan", "MFDS-AI-008")

pms_plans := documents.of_kind("post_market_surveillance_plan")

parts := {
	"monitored metrics": ["metric", "indicator", "지표"],
	"thresholds": ["threshold", "acceptance", "limit", "임계", "기준"],
	"re-validation triggers": ["trigger", "re-validation", "revalidation", "action", "트리거", "재검증", "조치"],
}

parts_ko := {
	"monitored metrics": "감시 지표",
	"thresholds": "임계값",
	"re-validation triggers": "재검증 트리거",
}

deny contains f if {
	count(plans) == 0
	f := ai.missing_ko("performance_monitoring_plan", "no post-deployment performance monitoring plan found (looked for names such as docs/ai/performance-monitoring-plan.md or a title like \"Performance monitoring plan\" / \"성능 모니터링 계획\")", "배포 후 성능 모니터링 계획이 없습니다(docs/ai/performance-monitoring-plan.md 같은 이름이나 \"성능 모니터링 계획\" / \"Performance monitoring plan\" 같은 제목을 확인함)")
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the performance monitoring plan (%s) has no section on %s", [plans[0].path, concat(", ", missing)]),
		"msg_ko": sprintf("성능 모니터링 계획(%s)에 다음 절이 없습니다: %s", [plans[0].path, concat(", ", [parts_ko[m] | some m in missing])]),
		"path": plans[0].path,
		"key": "parts",
	}
}

# A comparison with a number: "below 0.92", "drops by 3 points", ">= 0.9", "0.90 미만", "5%p 하락".
numeric_threshold := `(?i)((below|above|under|over|exceeds?|less than|more than|falls? (below|under)|drops? (by|below|under)|[<>]=?|≤|≥)\s*\d|\d+(\.\d+)?\s*(%p|%|pp|points?)?\s*(미만|이하|초과|이상|하락|감소|떨어))`

front_matter_line := `^\s*[a-z_]+\s*:\s*\S`

states_threshold if {
	some doc in plans
	some line in split(object.get(doc, "text", ""), "\n")
	not regex.match(front_matter_line, line)
	regex.match(numeric_threshold, line)
}

deny contains f if {
	count(plans) > 0
	not states_threshold
	f := {
		"msg": sprintf("the performance monitoring plan (%s) gives no numeric threshold or trigger (for example \"AUROC below 0.92\")", [plans[0].path]),
		"msg_ko": sprintf("성능 모니터링 계획(%s)에 숫자로 된 임계값이나 트리거(예: \"AUROC 0.92 미만\")가 없습니다", [plans[0].path]),
		"path": plans[0].path,
		"key": "numeric-threshold",
	}
}

# What names a monitoring plan in another document: its path, file name, document id or title.
names_of(doc) := {n |
	some n in array.concat(
		[doc.path, regex.replace(doc.path, `^.*/`, "")],
		[x | some x in [object.get(object.get(doc, "front_matter", {}), "document_id", null), object.get(doc, "title", null)]; is_string(x)],
	)
	n != ""
}

referenced_by(pms) if {
	some plan in plans
	some n in names_of(plan)
	contains(lower(object.get(pms, "text", "")), lower(n))
}

deny contains f if {
	count(plans) > 0
	some pms in pms_plans
	not referenced_by(pms)
	f := {
		"msg": sprintf("the post-market surveillance plan %s does not reference the performance monitoring plan (%s)", [pms.path, plans[0].path]),
		"msg_ko": sprintf("시판 후 감시 계획 %s이(가) 성능 모니터링 계획(%s)을 참조하지 않습니다", [pms.path, plans[0].path]),
		"path": pms.path,
		"key": sprintf("pms-reference|%s", [pms.path]),
	}
}
