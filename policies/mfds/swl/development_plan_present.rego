# METADATA
# title: Software development plan present
# description: |
#   A software development plan (IEC 62304 §5.1) describes the life-cycle model, deliverables, verification, risk management, configuration management and maintenance planning for the software. MFDS software submissions expect an SDP outline.
#   samdscan checks the plan's sections by class, as IEC 62304 §5.1 scales them: for every class
#   the life-cycle model, deliverables, verification planning, risk management planning,
#   configuration management and maintenance; for class B and C also integration and integration
#   testing planning; for class C also the standards, methods and tools. The plan must name the
#   standard it follows (IEC 62304).
# custom:
#   ko:
#     title: "소프트웨어 개발계획서 존재"
#     description: |
#       소프트웨어 개발계획서(IEC 62304 §5.1)는 소프트웨어의 수명주기 모델, 산출물, 검증, 위험관리,
#       형상관리, 유지보수 계획을 기술합니다. 식약처 소프트웨어 허가·심사 제출 자료에는 개발계획서 개요가 기대됩니다.
#       samdscan은 IEC 62304 §5.1이 등급별로 정한 대로 계획서의 절을 확인합니다: 모든 등급에서 수명주기 모델,
#       산출물, 검증 계획, 위험관리 계획, 형상관리, 유지보수를, B·C등급에서는 통합 및 통합 시험 계획을, C등급에서는
#       표준·방법·도구를 봅니다. 계획서는 따르는 표준(IEC 62304)을 밝혀야 합니다.
#     recommended_action: |
#       소프트웨어 개발계획서(예: `docs/sdlc/software-development-plan.md` 또는 `SW
#       개발계획서.md`)를 추가하여 수명주기 모델, 산출물, 검증 계획, 위험관리 계획, 형상관리, 유지보수 계획을
#       다루십시오(IEC 62304 §5.1, §6.1).
#     applies: "항상."
#   id: MFDS-SWL-001
#   severity: error
#   precision: high
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
import data.samdscan.lib.profile
import rego.v1

plans := documents.of_kind("software_development_plan")

deny contains f if {
	not documents.present("software_development_plan")
	f := documents.missing_ko("software_development_plan", "no software development plan found (looked for names such as docs/sdlc/software-development-plan.md; set evidence.software_development_plan to point at yours)", "소프트웨어 개발계획서가 없습니다(docs/sdlc/software-development-plan.md 같은 이름을 확인함; 사용하는 문서는 evidence.software_development_plan으로 지정하십시오)")
}

# IEC 62304 §5.1.1, 5.1.6-5.1.9 and §6.1: every class (English words first, then Korean).
parts_every_class := {
	"life-cycle model": ["life-cycle", "lifecycle", "life cycle", "development model", "development process", "수명주기 모델", "수명주기", "생명주기", "개발 모델", "개발 프로세스"],
	"deliverables": ["deliverable", "documentation", "산출물", "문서화"],
	"verification planning": ["verification", "검증 계획", "검증"],
	"risk management planning": ["risk", "위험관리 계획", "위험"],
	"configuration management": ["configuration", "change control", "형상관리", "형상", "구성 관리", "변경 관리"],
	"maintenance": ["maintenance", "feedback", "유지보수", "유지 관리", "유지관리"],
}

# §5.1.5: class B and C.
parts_b := {"integration and integration testing planning": ["integration", "통합 및 통합 시험 계획", "통합"]}

# §5.1.4: class C.
parts_c := {"standards, methods and tools": ["standard", "method", "tool", "표준, 방법 및 도구", "표준", "방법", "도구"]}

parts := object.union(object.union(parts_every_class, b_parts), c_parts)

b_parts := parts_b if {
	some c in profile.classes
	c in {"B", "C"}
} else := {}

c_parts := parts_c if "C" in profile.classes else := {}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the software development plan has no section on %s (IEC 62304 §5.1 for the declared classes %s)", [concat(", ", missing), classes_text]),
		"msg_ko": sprintf("소프트웨어 개발계획서에 다음 절이 없습니다: %s(선언된 안전성 등급 %s에 대한 IEC 62304 §5.1)", [concat(", ", documents.part_names_ko(missing, parts)), classes_text_ko]),
		"path": plans[0].path,
		"key": "parts",
	}
}

classes_text := concat("/", sort(named)) if {
	named := [c | some c in profile.classes; is_string(c)]
	count(named) > 0
} else := "none declared"

classes_text_ko := "미지정" if classes_text == "none declared" else := classes_text

readable := documents.with_text(plans)

names_standard if {
	some plan in readable
	contains(plan.text, "62304")
}

deny contains f if {
	count(readable) > 0
	not names_standard
	not documents.text_cut(readable)
	f := {
		"msg": sprintf("%s does not name the standard it follows (IEC 62304)", [readable[0].path]),
		"msg_ko": sprintf("%s에 따르는 표준(IEC 62304)이 적혀 있지 않습니다", [readable[0].path]),
		"path": readable[0].path,
		"key": "standard",
		"level": "warning",
	}
}

not_evaluated contains documents.no_text_read(plans, "the standard reference", "표준 참조") if {
	count(plans) > 0
	count(readable) == 0
}

not_evaluated contains documents.text_cut_short("the standard reference", "표준 참조") if {
	documents.text_cut(readable)
	not names_standard
}
