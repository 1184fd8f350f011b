# METADATA
# title: Real-world assessment plan (실사용 평가)
# description: |
#   DMPA Art. 15 introduces real-world assessment of digital medical products, and the draft
#   permission regulation lets its results support changes. What the plan must contain is not yet
#   published, so samdscan asks for the parts every such plan has: data sources, endpoints, the
#   privacy basis and the analysis schedule. It matters most for AI products with an approved
#   change management plan, whose changes may rest on real-world data: for them the plan must say
#   which of the change management plan's modifications its results support.
# custom:
#   ko:
#     title: "실사용 평가 계획"
#     description: |
#       디지털의료제품법 제15조는 디지털의료제품의 실사용 평가를 도입하며, 허가·인증·신고·심사 규정 초안은 그 결과를
#       변경의 근거로 쓸 수 있게 합니다. 계획의 내용은 아직 공표되지 않았으므로 samdscan은 모든 계획이 갖는 항목을
#       요구합니다: 데이터 출처, 평가 변수, 개인정보 처리 근거, 분석 일정. 실사용 데이터에 근거해 변경할 수 있는,
#       변경관리계획이 승인된 AI 제품에서 특히 중요하며, 그런 제품의 계획은 그 결과가 변경관리계획의 어떤 변경을
#       뒷받침하는지 밝혀야 합니다.
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
#   evidence: [documents.real_world_assessment_plan, evidence_index.entries, ai.change_plans?]
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

# An AI product with an approved change management plan, whose changes may rest on real-world data.
pccp if {
	profile.ai_enabled
	input.profile.ai.pccp == true
}

level := "warning" if pccp else := "note"

plans := documents.for_rule("real_world_assessment_plan", "MFDS-PMS-002")

deny contains f if {
	count(plans) == 0
	f := object.union(documents.missing_ko("real_world_assessment_plan", "no real-world assessment plan found (looked for names such as docs/pms/real-world-assessment-plan.md or a title like \"Real-World Assessment Plan\" / \"실사용 평가 계획\")", "실사용 평가 계획이 없습니다(docs/pms/real-world-assessment-plan.md 같은 이름이나 \"실사용 평가 계획\" / \"Real-World Assessment Plan\" 같은 제목을 확인함)"), {"level": level})
}

# What the plan covers (English words first, then Korean, the first naming the part in Korean).
parts := {
	"data sources": ["data source", "source of data", "data collection", "자료원", "데이터 출처", "자료 수집", "데이터"],
	"endpoints": ["endpoint", "outcome", "평가 변수", "평가변수", "결과 지표", "지표"],
	"privacy basis": ["privacy", "personal data", "consent", "de-identif", "pseudonymi", "개인정보", "가명", "동의"],
	"analysis schedule": ["schedule", "analysis", "frequency", "분석 일정", "분석", "주기"],
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the real-world assessment plan has no section on %s", [concat(", ", missing)]),
		"msg_ko": sprintf("실사용 평가 계획에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]),
		"path": plans[0].path,
		"key": "parts",
		"level": level,
	}
}

readable := documents.with_text(plans)

# With an approved change management plan, the results feed its modifications (MFDS-AI-006).
names_change_plan if documents.text_says(readable, ["change management plan", "change control plan", "pccp", "mfds-ai-006", "변경관리계획", "변경 관리 계획", "변경관리 계획"])

names_change_plan if {
	some plan in readable
	some c in object.get(input, ["ai", "change_plans"], [])
	contains(plan.text, c.path)
}

deny contains f if {
	pccp
	count(readable) > 0
	not names_change_plan
	not documents.text_cut(plans)
	f := {
		"msg": sprintf("%s does not say which modifications of the change management plan (MFDS-AI-006) its results support", [readable[0].path]),
		"msg_ko": sprintf("%s에 그 결과가 변경관리계획(MFDS-AI-006)의 어떤 변경을 뒷받침하는지 적혀 있지 않습니다", [readable[0].path]),
		"path": readable[0].path,
		"key": "change-plan",
		"level": level,
	}
}

not_evaluated contains documents.no_text_read(plans, "the link to the change management plan", "변경관리계획과의 연결") if {
	pccp
	count(plans) > 0
	count(readable) == 0
}
