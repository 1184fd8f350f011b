# METADATA
# title: Real-world assessment plan (실사용 평가)
# description: |
#   DMPA Art. 15 introduces real-world assessment of digital medical products, and the draft
#   permission regulation lets its results support changes. What the plan must contain is not yet
#   published, so samdscan only asks that one exists: data sources, endpoints, the privacy basis,
#   the analysis schedule, and how results feed change management. It matters most for AI products
#   with an approved change management plan, whose changes may rest on real-world data.
# custom:
#   id: MFDS-PMS-002
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: anticipated
#   evidence: [documents.real_world_assessment_plan, evidence_index.entries]
#   presence: true
#   applies: DMPA products.
#   escalation: Warning when the product is AI-enabled with an approved change management plan (ai.pccp).
#   recommended_action: |
#     Add `docs/pms/real-world-assessment-plan.md` (or `실사용 평가 계획`) with data sources,
#     endpoints, privacy basis, analysis schedule and the link to change management.
#   references:
#     - {source: Digital Medical Products Act, clause: "Art. 15 Real-world assessment"}
#     - {source: "Regulations on Permission, Certification, Reporting and Examination of DMP (draft)", clause: "Art. 28"}
package samdscan.mfds.pms.real_world_assessment_plan

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.dmpa

not_applicable_because contains "the profile does not declare regime DMPA" if not profile.dmpa

level := "warning" if {
	profile.ai_enabled
	input.profile.ai.pccp == true
} else := "note"

deny contains f if {
	count(documents.for_rule("real_world_assessment_plan", "MFDS-PMS-002")) == 0
	f := object.union(documents.missing("real_world_assessment_plan", "no real-world assessment plan found (looked for names such as docs/pms/real-world-assessment-plan.md or a title like \"Real-World Assessment Plan\" / \"실사용 평가 계획\")"), {"level": level})
}
