# METADATA
# title: Good-management-system certification (우수관리체계 인증)
# description: |
#   DMPA Arts. 16-19 offer a voluntary certification of a manufacturer's management system, which
#   the 2026 plan means to expand. Whether a company holds or is ready for it is decided by an audit
#   of the organisation, not by anything a product repository contains, so samdscan reports this
#   expectation as "not observable" rather than as passed. Keep the certificate in the eQMS and,
#   if useful, list it in the evidence index under MFDS-QMS-003.
# custom:
#   ko:
#     title: "우수관리체계 인증"
#     description: |
#       디지털의료제품법 제16~19조는 제조자 관리체계에 대한 자율 인증을 두며, 2026년 종합계획은 이를 확대하려
#       합니다. 기업이 인증을 보유했는지 또는 준비되었는지는 조직 심사로 정해지며 제품 저장소의 내용으로는 알 수
#       없으므로, samdscan은 이 기대사항을 통과가 아닌 "저장소로 확인 불가"로 보고합니다. 인증서는 eQMS에
#       보관하고, 필요하면 증거 색인의 MFDS-QMS-003에 등록하십시오.
#     recommended_action: |
#       저장소에서 바꿀 것은 없습니다; 인증은 품질관리시스템에서 관리하십시오.
#     applies: "디지털의료제품법 적용 제품."
#   id: MFDS-QMS-003
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   evidence: []
#   applies: DMPA products.
#   observable: false
#   recommended_action: |
#     Nothing to change in the repository; track certification in the quality system.
#   references:
#     - {source: Digital Medical Products Act, clause: "Arts. 16-19"}
#     - {source: Regulations on Certification Standards for Excellent Management Systems}
package samdscan.mfds.qms.good_management_certification
