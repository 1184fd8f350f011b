# METADATA
# title: Intended use documented
# description: |
#   Risk analysis (ISO 14971 §5.2), the use specification (IEC 62366-1 §5.1), the MFDS grade and
#   the labeling all hang off the intended use: the intended purpose and indications, the patient
#   population, the intended users, the use environment, and contraindications or limitations. A
#   change to it is a "software upgrade" under the MFDS change rules. samdscan finds the document by
#   name, by title, or through `product.intended_use_ref`, and looks for those parts by heading.
# custom:
#   ko:
#     title: "사용목적 문서화"
#     description: |
#       위험 분석(ISO 14971 §5.2), 사용 명세(IEC 62366-1 §5.1), 식약처 등급, 표시기재는 모두
#       사용목적에 달려 있습니다: 사용목적과 적응증, 대상 환자군, 사용자, 사용 환경, 금기 또는 제한사항. 사용목적의
#       변경은 식약처 변경 규정상 "소프트웨어 업그레이드"입니다. samdscan은 이름, 제목 또는
#       `product.intended_use_ref`로 문서를 찾고 제목으로 각 부분을 확인합니다.
#     recommended_action: |
#       `docs/intended-use.md`(또는 `사용목적`)를 추가하여 사용목적 / 적응증, 대상 환자군, 사용자,
#       사용 환경, 금기 / 제한사항 절을 두고, `product.intended_use_ref`를 그 문서로
#       설정하십시오.
#     applies: "항상."
#   id: MFDS-GEN-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.intended_use, profile.intended_use_ref, evidence_index.entries]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add `docs/intended-use.md` (or `사용목적`) with sections for intended purpose / indications,
#     patient population, intended users, use environment and contraindications / limitations, and
#     set `product.intended_use_ref` to it.
#   references:
#     - {source: "ISO 14971:2019", clause: "5.2", title: "Intended use and reasonably foreseeable misuse"}
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5.1", title: "Prepare use specification"}
package samdscan.mfds.gen.intended_use_documented

import data.samdscan.lib.documents
import rego.v1

docs := documents.for_rule("intended_use", "MFDS-GEN-002")

parts := {
	"intended purpose / indications": ["intended purpose", "intended use", "indication", "사용목적", "사용 목적", "적응증"],
	"patient population": ["patient", "population", "대상 환자군", "환자", "대상"],
	"intended users": ["user", "operator", "사용자"],
	"use environment": ["environment", "setting", "사용 환경", "환경"],
	"contraindications / limitations": ["contraindication", "limitation", "precaution", "금기 및 사용 제한", "금기", "제한", "한계"],
}

deny contains f if {
	count(docs) == 0
	f := documents.missing_ko("intended_use", "no intended use document found (looked for names such as docs/intended-use.md, titles like \"Intended Use\" / \"사용목적\", and product.intended_use_ref)", "사용목적 문서가 없습니다(docs/intended-use.md 같은 이름, \"사용목적\" / \"Intended Use\" 같은 제목, product.intended_use_ref를 확인함)")
}

deny contains f if {
	count(docs) > 0
	missing := documents.missing_parts(docs, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("사용목적 문서에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the intended use document has no section on %s", [concat(", ", missing)]), "path": docs[0].path, "key": "parts"}
}
