# METADATA
# title: Software development plan present
# description: |
#   A software development plan (IEC 62304 §5.1) describes the life-cycle model, deliverables, verification, risk management, configuration management and maintenance planning for the software. MFDS software submissions expect an SDP outline.
# custom:
#   ko:
#     title: "소프트웨어 개발계획서 존재"
#     description: |
#       소프트웨어 개발계획서(IEC 62304 §5.1)는 소프트웨어의 수명주기 모델, 산출물, 검증, 위험관리,
#       형상관리, 유지보수 계획을 기술합니다. 식약처 소프트웨어 허가·심사 제출 자료에는 개발계획서 개요가 기대됩니다.
#     recommended_action: |
#       소프트웨어 개발계획서(예: `docs/sdlc/software-development-plan.md` 또는 `SW
#       개발계획서.md`)를 추가하여 수명주기 모델, 산출물, 검증 계획, 위험관리 계획, 형상관리, 유지보수 계획을
#       다루십시오(IEC 62304 §5.1, §6.1).
#     applies: "항상."
#   id: MFDS-SWL-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.software_development_plan]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a software development plan, e.g. `docs/sdlc/software-development-plan.md`, covering the life-cycle model, deliverables, verification planning, risk management planning, configuration management, and maintenance planning (IEC 62304 §5.1, §6.1).
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.1", title: "Software development planning"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "6.1", title: "Establish software maintenance plan"}
package samdscan.mfds.swl.development_plan_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("software_development_plan")
	f := documents.missing_ko("software_development_plan", "no software development plan found (looked for names such as docs/sdlc/software-development-plan.md; set evidence.software_development_plan to point at yours)", "소프트웨어 개발계획서가 없습니다(docs/sdlc/software-development-plan.md 같은 이름을 확인함; 사용하는 문서는 evidence.software_development_plan으로 지정하십시오)")
}
