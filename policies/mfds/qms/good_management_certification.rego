# METADATA
# title: Good-management-system certification (우수관리체계 인증)
# description: |
#   DMPA Arts. 16-19 offer a voluntary certification of a manufacturer's management system, which
#   the 2026 plan means to expand. Whether a company holds or is ready for it is decided by an audit
#   of the organisation, not by anything a product repository contains, so samdscan reports this
#   expectation as "not observable" rather than as passed. Keep the certificate in the eQMS and,
#   if useful, list it in the evidence index under MFDS-QMS-003.
# custom:
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
