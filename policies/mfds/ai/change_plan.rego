# METADATA
# title: Change management plan (변경 관리 계획) / PCCP
# description: |
#   Under the DMPA, changes to an AI device that stay inside a change management plan submitted at
#   approval need only a simple report; the FDA's predetermined change control plan (PCCP) has the
#   same role. A plan has three parts: the description of the planned modifications, the
#   modification protocol (data management, re-training, performance evaluation, update
#   procedures) and the impact assessment.
# custom:
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
#     - {source: Digital Medical Products Act, clause: "AI change management plan (simple report for planned changes)"}
#     - {source: FDA PCCP final guidance (December 2024), clause: "Sections V-VII"}
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
	f := object.union(ai.missing("change_control_plan", sprintf("no AI change management plan / PCCP found (e.g. docs/ai/pccp.md)%s", [why])), {"level": level})
}

why := "; product.ai.pccp is true, so the plan is required" if level == "error" else := ""

deny contains f if {
	count(plans) > 0
	missing := ai.missing_everywhere(plans)
	count(missing) > 0
	f := {
		"msg": sprintf("the change management plan lacks: %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [p.path | some p in plans])]),
		"path": plans[0].path,
		"line": 1,
		"key": "parts",
		"level": level,
	}
}
