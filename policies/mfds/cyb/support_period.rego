# METADATA
# title: Support period and end-of-support statement
# description: |
#   A manufacturer's duties continue after a product leaves the market: the security guideline
#   expects a security-patch plan and guidance on deleting personal data at end of operation, and
#   FDA and IMDRF N60 expect a stated support period. The support policy gives concrete dates (the
#   security-support window and end-of-support date per version) and a decommissioning and data
#   deletion procedure.
# custom:
#   ko:
#     title: "지원 기간과 지원 종료 고지"
#     description: |
#       제조자의 의무는 제품이 시장을 떠난 뒤에도 이어집니다: 보안지침은 보안 패치 계획과 운영 종료 시 개인정보 삭제
#       안내를 기대하며, FDA와 IMDRF N60은 명시된 지원 기간을 기대합니다. 지원 정책은 구체적인 날짜(버전별
#       보안 지원 기간과 지원 종료일)와 폐기 및 데이터 삭제 절차를 제시해야 합니다.
#     recommended_action: |
#       `docs/security/support-policy.md`(또는 `지원 기간`)를 추가하여 지원되는 각 버전의
#       지원 종료일(YYYY-MM-DD)과 폐기 / 데이터 삭제 절을 적으십시오.
#     applies: "네트워크 연결 제품."
#   id: MFDS-CYB-015
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [documents.support_policy, evidence_index.entries]
#   presence: true
#   applies: Connected products.
#   security_severity: 4.0
#   recommended_action: |
#     Add `docs/security/support-policy.md` (or `지원 기간`) giving the end-of-support date of each
#     supported version (YYYY-MM-DD) and a decommissioning / data deletion section.
#   references:
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (2025-01-24)", title: "Post-operation duties"}
#     - {source: "IMDRF/CYBER WG/N60FINAL:2020 (MFDS Korean edition 2023-11)", title: "Legacy medical devices"}
package samdscan.mfds.cyb.support_period

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare the product connected", "msg_ko": "제품 프로필에 네트워크 연결 제품(connected)으로 선언되지 않았습니다"} if not profile.connected

policies := documents.for_rule("support_policy", "MFDS-CYB-015")

deny contains f if {
	count(policies) == 0
	f := documents.missing_ko("support_policy", "no support period / end-of-support statement found (looked for names such as docs/security/support-policy.md or a title like \"Support Policy\" / \"지원 기간\")", "지원 기간 / 지원 종료 고지가 없습니다(docs/security/support-policy.md 같은 이름이나 \"지원 기간\" / \"Support Policy\" 같은 제목을 확인함)")
}

deny contains f if {
	count(policies) > 0
	not states_date
	f := {"msg_ko": sprintf("%s에 구체적인 지원 종료일(YYYY-MM-DD)이 없습니다", [policies[0].path]), "msg": sprintf("%s gives no concrete end-of-support date (YYYY-MM-DD)", [policies[0].path]), "path": policies[0].path, "key": "no-date"}
}

# A date on a line that is not a front matter date field.
states_date if {
	some doc in policies
	some line in split(doc.text, "\n")
	not regex.match(`^\s*(reviewed|review_date|date|approved)\s*:`, line)
	regex.match(`\d{4}-\d{2}-\d{2}|\d{4}년\s*\d{1,2}월`, line)
}

deny contains f if {
	count(policies) > 0
	not documents.covers(policies, ["decommission", "data deletion", "disposal", "폐기", "삭제"])
	f := {"msg_ko": sprintf("%s에 폐기 / 데이터 삭제 절이 없습니다", [policies[0].path]), "msg": sprintf("%s has no decommissioning / data deletion section", [policies[0].path]), "path": policies[0].path, "key": "decommissioning"}
}
