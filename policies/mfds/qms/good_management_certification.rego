# METADATA
# title: Good-management-system certification (우수관리체계 인증)
# description: |
#   DMPA Arts. 16-19 offer a voluntary certification of a manufacturer's management system, which
#   the 2026 plan means to expand. Whether a company holds or is ready for it is decided by an audit
#   of the organisation, not by anything a product repository contains. What a repository can show
#   is the certificate's record: when the evidence index lists it under MFDS-QMS-003 (an external
#   record with the certificate number as `document_id` and its `expires` date), samdscan checks
#   that it gives an expiry date and has not expired at the scan date. Without such a record the
#   expectation is "not observable", never passed.
# custom:
#   ko:
#     title: "우수관리체계 인증"
#     description: |
#       디지털의료제품법 제16~19조는 제조자 관리체계에 대한 자율 인증을 두며, 2026년 종합계획은 이를 확대하려
#       합니다. 기업이 인증을 보유했는지 또는 준비되었는지는 조직 심사로 정해지며 제품 저장소의 내용으로는 알 수
#       없습니다. 저장소가 보여줄 수 있는 것은 인증서 기록입니다: 증거 색인의 MFDS-QMS-003에 인증서 기록(인증
#       번호를 `document_id`로, 만료일을 `expires`로 적은 외부 기록)이 있으면 samdscan은 만료일이 있는지와 스캔
#       기준일에 만료되지 않았는지를 확인합니다. 그런 기록이 없으면 이 기대사항은 통과가 아닌 "저장소로 확인
#       불가"입니다.
#     recommended_action: |
#       인증은 품질관리시스템에서 관리하고, 인증서를 증거 색인의 MFDS-QMS-003에 외부 기록(system, document_id에
#       인증 번호, version, approved, expires)으로 등록하여 만료 전에 갱신되는지 확인되게 하십시오.
#     applies: "디지털의료제품법 적용 제품."
#     escalation: "등급과 무관하게 참고입니다: 자율 인증입니다."
#   id: MFDS-QMS-003
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   attestable: false
#   evidence: [evidence_index.entries]
#   applies: DMPA products.
#   escalation: "A note at every grade and class: the certification is voluntary."
#   recommended_action: |
#     Track certification in the quality system, and list the certificate in the evidence index under
#     MFDS-QMS-003 as an external record (system, the certificate number as document_id, version,
#     approved, expires) so that its expiry is checked on every scan.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Arts. 16-19", title: "Good-management-system certification"}
#     - {source: "MFDS Regulations on Certification Standards for Excellent Management Systems (advance publication 2024-12-13)"}
package samdscan.mfds.qms.good_management_certification

import data.samdscan.lib.certificates
import rego.v1

dmpa if input.profile.regime == "DMPA"

applicable := false if not dmpa

not_applicable_because contains {"msg": "the product is not regulated under the DMPA", "msg_ko": "디지털의료제품법 적용 제품이 아닙니다"} if not dmpa

not_observable_because contains {
	"msg": "certification is decided by an audit of the organisation; list the certificate in the evidence index under MFDS-QMS-003 for samdscan to check its dates",
	"msg_ko": "인증은 조직 심사로 정해집니다; samdscan이 날짜를 확인하도록 인증서를 증거 색인의 MFDS-QMS-003에 등록하십시오",
} if count(certificates.records("MFDS-QMS-003")) == 0

not_evaluated contains r if some r in certificates.invalid_reasons("MFDS-QMS-003")

deny contains f if some f in certificates.date_findings("MFDS-QMS-003")
