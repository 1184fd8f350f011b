# METADATA
# title: Component performance evaluation and performance certification
# description: |
#   DMPA introduces component performance evaluation (구성요소 성능평가) and, for wellness devices,
#   performance certification. Both are granted by MFDS or designated bodies after reviewing
#   reports and test results; a repository can hold the reports but cannot show that a
#   certificate was granted or is still valid. samdscan therefore reports this expectation as
#   "not observable" rather than as passed.
# custom:
#   ko:
#     title: "구성요소 성능평가 및 성능인증"
#     description: |
#       디지털의료제품법은 구성요소 성능평가와, 디지털의료·건강지원기기에 대한 성능인증을 도입합니다. 둘 다 식약처나 지정
#       기관이 보고서와 시험 결과를 검토한 뒤 부여하며, 저장소는 보고서를 담을 수는 있어도 인증서가 부여되었거나
#       유효한지는 보여줄 수 없습니다. 따라서 samdscan은 이 기대사항을 통과가 아닌 "저장소로 확인 불가"로
#       보고합니다.
#     recommended_action: |
#       인증서와 그 범위는 품질관리시스템에 보관하고, 심사자가 찾을 수 있도록 증거 색인의 MFDS-QMS-004에
#       등록하십시오.
#     applies: "인증받은 구성요소를 선언한 제품과 웰니스(WELLNESS) 제품."
#   id: MFDS-QMS-004
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   evidence: []
#   applies: Products declaring certified components, and WELLNESS products.
#   observable: false
#   recommended_action: |
#     Keep certificates and their scope in the quality system; list them in the evidence index under
#     MFDS-QMS-004 so reviewers find them.
#   references:
#     - {source: Digital Medical Products Act, clause: "component performance evaluation"}
#     - {source: DMPA Enforcement Rule amendment for wellness devices, clause: "effective 2026-01-01"}
package samdscan.mfds.qms.performance_certification
