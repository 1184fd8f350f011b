# METADATA
# title: Digital convergence medicine linkage (디지털융합의약품)
# description: |
#   A drug + digital combination product (디지털융합의약품) ties software functions such as dosing,
#   adherence or titration logic to the drug's labeling. The integrated review pathway is only
#   announced, so samdscan asks for a linkage document that maps those functions to the drug
#   label sections, when the profile declares a combination product.
# custom:
#   ko:
#     title: "디지털융합의약품 연계"
#     description: |
#       의약품과 디지털 기술의 복합 제품(디지털융합의약품)은 투약, 복약 순응, 용량 적정 같은 소프트웨어 기능을 의약품
#       허가사항에 묶습니다. 통합 심사 경로는 예고만 되었으므로, 프로파일이 복합 제품을 선언하면 samdscan은 그
#       기능을 의약품 허가사항(첨부문서) 항목에 대응시키는 연계 문서를 요구합니다.
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
#   evidence: [documents.combination_product, profile.combination_product, evidence_index.entries]
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

deny contains f if {
	count(documents.for_rule("combination_product", "MFDS-DCP-001")) == 0
	f := documents.missing_ko("combination_product", "no drug + digital linkage document found (looked under docs/combination/ and for titles like \"Combination Product\" / \"디지털융합의약품\")", "의약품 + 디지털 연계 문서가 없습니다(docs/combination/ 아래와 \"디지털융합의약품\" / \"Combination Product\" 같은 제목을 확인함)")
}
