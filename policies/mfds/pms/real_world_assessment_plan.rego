# METADATA
# title: Real-world assessment plan (실사용 평가)
# description: |
#   DMPA Art. 15 introduces real-world assessment of digital medical products, and the draft
#   permission regulation lets its results support changes. What the plan must contain is not yet
#   published, so samdscan only asks that one exists: data sources, endpoints, the privacy basis,
#   the analysis schedule, and how results feed change management. It matters most for AI products
#   with an approved change management plan, whose changes may rest on real-world data.
# custom:
#   ko:
#     title: "실사용 평가 계획"
#     description: |
#       디지털의료제품법 제15조는 디지털의료제품의 실사용 평가를 도입하며, 허가·인증·신고·심사 규정 초안은 그 결과를
#       변경의 근거로 쓸 수 있게 합니다. 계획의 내용은 아직 공표되지 않았으므로 samdscan은 계획의 존재만
#       요구합니다: 데이터 출처, 평가 변수, 개인정보 처리 근거, 분석 일정, 결과를 변경관리에 반영하는 방법. 실사용
#       데이터에 근거해 변경할 수 있는, 변경관리계획이 승인된 AI 제품에서 특히 중요합니다.
#     recommended_action: |
#       `docs/pms/real-world-assessment-plan.md`(또는 `실사용 평가 계획`)를 추가하여
#       데이터 출처, 평가 변수, 개인정보 처리 근거, 분석 일정, 변경관리와의 연계를 적으십시오.
#     applies: "디지털의료제품법 적용 제품."
#     escalation: "승인된 변경관리계획(ai.pccp)이 있는 인공지능 제품이면 경고입니다."
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
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Art. 15", title: "Real-world assessment"}
#     - {source: "MFDS Regulations on Permission, Certification, Reporting and Examination of Digital Medical Products (advance publication 2024-12-13)", clause: "Art. 28", title: "Real-world assessment results"}
package samdscan.mfds.pms.real_world_assessment_plan

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.dmpa

not_applicable_because contains {"msg": "the profile does not declare regime DMPA", "msg_ko": "제품 프로필에 규제 체계 DMPA(디지털의료제품법)가 선언되지 않았습니다"} if not profile.dmpa

level := "warning" if {
	profile.ai_enabled
	input.profile.ai.pccp == true
} else := "note"

deny contains f if {
	count(documents.for_rule("real_world_assessment_plan", "MFDS-PMS-002")) == 0
	f := object.union(documents.missing_ko("real_world_assessment_plan", "no real-world assessment plan found (looked for names such as docs/pms/real-world-assessment-plan.md or a title like \"Real-World Assessment Plan\" / \"실사용 평가 계획\")", "실사용 평가 계획이 없습니다(docs/pms/real-world-assessment-plan.md 같은 이름이나 \"실사용 평가 계획\" / \"Real-World Assessment Plan\" 같은 제목을 확인함)"), {"level": level})
}
