# METADATA
# title: Change management plan (변경 관리 계획) / PCCP
# description: |
#   Under the DMPA, changes to an AI device that stay inside a change management plan submitted at
#   approval need only a simple report; the FDA's predetermined change control plan (PCCP) has the
#   same role. A plan has three parts: the description of the planned modifications, the
#   modification protocol (data management, re-training, performance evaluation, update
#   procedures) and the impact assessment.
# custom:
#   ko:
#     title: "AI 변경관리계획 / PCCP"
#     description: |
#       디지털의료제품법에서는 허가 시 제출한 변경관리계획 범위 안의 AI 의료기기 변경은 간이 보고만으로 충분하며,
#       FDA의 사전 변경관리계획(PCCP)도 같은 역할을 합니다. 계획은 세 부분으로 이루어집니다: 계획된 변경의 기술,
#       변경 프로토콜(데이터 관리, 재학습, 성능 평가, 업데이트 절차), 영향 평가.
#     recommended_action: |
#       `docs/ai/pccp.md`(또는 `변경관리계획.md`)를 작성하고 변경 내용 기술, 변경 프로토콜, 영향 평가
#       절을 두며, 각 변경마다 허용 기준을 적으십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#     escalation: "product.ai.pccp가 true이면 오류(계획이 제출 자료의 일부), 그 밖에는 경고입니다."
#   id: MFDS-AI-006
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.change_plans, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   escalation: Error when product.ai.pccp is true (the plan is part of the submission); warning otherwise.
#   recommended_action: |
#     Write `docs/ai/pccp.md` (or `변경관리계획.md`) with the sections Description of modifications,
#     Modification protocol and Impact assessment, each modification with its acceptance criteria.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", title: "AI change management plan (simple report for planned changes)"}
#     - {source: "FDA PCCP for AI-enabled device software functions, final guidance (2024-12)", clause: "V-VII", title: "Modification description, modification protocol, impact assessment"}
package samdscan.mfds.ai.change_plan

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

level := "error" if input.profile.ai.pccp == true else := "warning"

plans := ai.list("change_plans")

deny contains f if {
	count(plans) == 0
	f := object.union(ai.missing_ko("change_control_plan", sprintf("no AI change management plan / PCCP found (e.g. docs/ai/pccp.md)%s", [why]), sprintf("AI 변경관리계획 / PCCP가 없습니다(예: docs/ai/pccp.md)%s", [why_ko])), {"level": level})
}

why := "; product.ai.pccp is true, so the plan is required" if level == "error" else := ""

deny contains f if {
	count(plans) > 0
	missing := ai.missing_everywhere(plans)
	count(missing) > 0
	f := {
		"msg": sprintf("the change management plan lacks: %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [p.path | some p in plans])]),
		"msg_ko": sprintf("변경관리계획에 다음이 빠져 있습니다: %s (확인한 문서: %s)", [concat(", ", sort(missing)), concat(", ", [p.path | some p in plans])]),
		"path": plans[0].path,
		"line": 1,
		"key": "parts",
		"level": level,
	}
}

why_ko := "; product.ai.pccp가 true이므로 계획이 필요합니다" if level == "error" else := ""
