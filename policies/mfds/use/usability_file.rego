# METADATA
# title: Usability engineering file
# description: |
#   Products with a user interface keep a usability engineering file (IEC 62366-1 §4.2, §5.1-5.9),
#   and MFDS's usability guideline for standalone DMD software (2025-01-24) asks for a usability
#   summary (사용적합성 요약서) in the application. samdscan looks across the usability documents
#   for the use specification, the user interface specification, the known use errors and
#   hazard-related use scenarios, formative evaluation and summative evaluation.
# custom:
#   ko:
#     title: "사용적합성 엔지니어링 파일"
#     description: |
#       사용자 인터페이스가 있는 제품은 사용적합성 엔지니어링 파일을 유지하며(IEC 62366-1 §4.2,
#       §5.1~5.9), 식약처 독립형 디지털의료기기소프트웨어 사용적합성 가이드라인(2025-01-24)은 신청 시
#       사용적합성 요약서를 요구합니다. samdscan은 사용적합성 문서 전체에서 사용 명세, 사용자 인터페이스 명세,
#       알려진 사용 오류와 위해 관련 사용 시나리오, 형성 평가, 총괄 평가를 찾습니다.
#     recommended_action: |
#       `docs/usability/` 아래에 사용 명세, UI 명세, 위해 관련 사용 시나리오 / 알려진 사용 오류,
#       형성 평가·총괄 평가 기록, 사용적합성 요약서를 두십시오.
#     applies: "사용자 인터페이스가 있는 제품(product.ui)."
#     escalation: 독립형 디지털의료기기소프트웨어는 오류(식약처 가이드라인이 명시), 그 밖에는 경고입니다.
#   id: MFDS-USE-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.usability_file, evidence_index.entries]
#   presence: true
#   applies: Products with a user interface (product.ui).
#   escalation: Error for standalone DMD software (the MFDS guideline is explicit); a warning otherwise.
#   recommended_action: |
#     Keep the usability engineering file under `docs/usability/` with a use specification, UI
#     specification, hazard-related use scenarios / known use errors, formative and summative
#     evaluation records and the usability summary (사용적합성 요약서).
#   references:
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "4.2", title: "Usability engineering file"}
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5", title: "Usability engineering process"}
#     - {source: "MFDS usability approval/review guideline for standalone DMD software (2025-01-24)"}
package samdscan.mfds.use.usability_file

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

has_ui if input.profile.ui == true

applicable := false if not has_ui

not_applicable_because contains {"msg": "the profile does not declare a user interface (product.ui)", "msg_ko": "제품 프로필에 사용자 인터페이스(product.ui)가 선언되지 않았습니다"} if not has_ui

level := "error" if input.profile.dmd_type == "standalone" else := "warning"

files := documents.for_rule("usability_file", "MFDS-USE-001")

parts := {
	"use specification": ["use specification", "사용 명세", "사용 사양", "사용사양"],
	"user interface specification": ["user interface specification", "ui specification", "사용자 인터페이스"],
	"hazard-related use scenarios": ["use scenario", "use error", "사용 시나리오", "사용 오류", "사용오류"],
	"formative evaluation": ["formative", "형성 평가", "형성평가"],
	"summative evaluation": ["summative", "총괄 평가", "총괄평가"],
}

deny contains f if {
	count(files) == 0
	f := object.union(documents.missing_ko("usability_file", "no usability engineering file found (looked under docs/usability/ and for titles like \"Usability\" / \"사용적합성\")", "사용적합성 엔지니어링 파일이 없습니다(docs/usability/ 아래와 \"사용적합성\" / \"Usability\" 같은 제목을 확인함)"), {"level": level})
}

deny contains f if {
	count(files) > 0
	missing := documents.missing_parts(files, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("사용적합성 엔지니어링 파일에 다음이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the usability engineering file has no %s", [concat(", ", missing)]), "path": files[0].path, "key": "parts", "level": level}
}
