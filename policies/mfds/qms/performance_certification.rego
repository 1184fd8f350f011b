# METADATA
# title: Component performance evaluation and performance certification
# description: |
#   DMPA introduces component performance evaluation (구성요소 성능평가) and, for wellness devices,
#   performance certification. Both are granted by MFDS or designated bodies after reviewing
#   reports and test results; a repository can hold the reports but cannot show that a
#   certificate was granted or is still valid. samdscan therefore reports this expectation as
#   "not observable" rather than as passed.
# custom:
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
