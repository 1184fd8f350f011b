# METADATA
# title: Digital convergence medicine linkage (디지털융합의약품)
# description: |
#   A drug + digital combination product (디지털융합의약품) ties software functions such as dosing,
#   adherence or titration logic to the drug's labeling. The integrated review pathway is only
#   announced, so samdscan asks for a linkage document that maps those functions to the drug
#   label sections, when the profile declares a combination product, and checks that every
#   requirement about dosing, titration, adherence or drug interactions maps to a label section
#   (named in the requirement, or the requirement listed in the linkage document).
# custom:
#   ko:
#     title: "디지털융합의약품 연계"
#     description: |
#       의약품과 디지털 기술의 복합 제품(디지털융합의약품)은 투약, 복약 순응, 용량 적정 같은 소프트웨어 기능을 의약품
#       허가사항에 묶습니다. 통합 심사 경로는 예고만 되었으므로, 프로파일이 복합 제품을 선언하면 samdscan은 그
#       기능을 의약품 허가사항(첨부문서) 항목에 대응시키는 연계 문서를 요구하고, 용량, 적정, 복약 순응, 약물
#       상호작용에 관한 모든 요구사항이 허가사항의 절과 연결되는지(요구사항에 절을 적거나 연계 문서에 요구사항을
#       적음) 확인합니다.
#     recommended_action: |
#       `docs/combination/`에 의약품 사용에 영향을 주는 각 소프트웨어 기능(투약, 복약 순응, 용량
#       적정)을 그 기능이 의존하는 의약품 허가사항 항목에 대응시키는 문서를 추가하십시오.
#     applies: "디지털융합의약품 등 융합 제품(product.combination_product)."
#   id: MFDS-DCP-001
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   evidence: [documents.combination_product, profile.combination_product, evidence_index.entries, requirements.items?]
#   presence: true
#   applies: Combination products (product.combination_product).
#   recommended_action: |
#     Add `docs/combination/` with a document mapping each software function that affects the drug's
#     use (dosing, adherence, titration) to the drug label sections it depends on.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", title: "Digital convergence medicine provisions"}
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", clause: "Pillar 3"}
package samdscan.mfds.dcp.combination_linkage

import data.samdscan.lib.documents
import rego.v1

combination if input.profile.combination_product == true

applicable := false if not combination

not_applicable_because contains {"msg": "the profile does not declare a combination product", "msg_ko": "제품 프로필에 복합 제품(combination product)이 선언되지 않았습니다"} if not combination

linkage := documents.for_rule("combination_product", "MFDS-DCP-001")

deny contains f if {
	count(linkage) == 0
	f := documents.missing_ko("combination_product", "no drug + digital linkage document found (looked under docs/combination/ and for titles like \"Combination Product\" / \"디지털융합의약품\")", "의약품 + 디지털 연계 문서가 없습니다(docs/combination/ 아래와 \"디지털융합의약품\" / \"Combination Product\" 같은 제목을 확인함)")
}

# Words of a requirement about the drug: dosing, titration, adherence, interactions (English, then
# Korean).
drug_words := ["dose", "dosing", "dosage", "titrat", "adherence", "drug interaction", "drug-interaction", "용량", "투약", "투여", "복약", "적정", "상호작용"]

# Words that point at the drug's labeling.
label_words := ["label", "smpc", "package insert", "prescribing information", "허가사항", "첨부문서", "사용상의 주의사항", "용법", "라벨"]

drug_requirements := [r |
	some r in object.get(input, ["requirements", "items"], [])
	text := lower(concat(" ", [object.get(r, "title", ""), object.get(r, "text", "")]))
	some w in drug_words
	contains(text, w)
]

mapped(r) if {
	text := lower(object.get(r, "text", ""))
	some w in label_words
	contains(text, w)
}

mapped(r) if {
	some d in documents.with_text(linkage)
	regex.match(sprintf(`(^|[^A-Za-z0-9-])%s([^0-9]|$)`, [r.id]), d.text)
}

deny contains f if {
	count(linkage) > 0
	some r in drug_requirements
	not mapped(r)
	f := {
		"msg": sprintf("requirement %s (%s) is about the drug's use but maps to no drug-label section: name the label section in the requirement, or list the requirement in the linkage document", [r.id, object.get(r, "title", r.id)]),
		"msg_ko": sprintf("요구사항 %s(%s)은(는) 의약품 사용에 관한 것이지만 의약품 허가사항(표시) 절과 연결되지 않았습니다: 요구사항에 해당 절을 적거나 연계 문서에 요구사항을 적으십시오", [r.id, object.get(r, "title", r.id)]),
		"path": r.path,
		"line": r.line,
		"key": sprintf("unmapped|%s", [r.id]),
	}
}
