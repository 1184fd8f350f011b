# METADATA
# title: Cybersecurity incident response plan (침해사고 대응)
# description: |
#   The DMPA electronic-intrusion security guideline requires manufacturers to respond to
#   intrusions (draft Arts. 17-19), and the 2026 safety management plan announces standard
#   incident-response procedures. The plan covers detection, assessment of the incident and its
#   patient-safety impact, containment, notification of MFDS and of users and healthcare
#   providers, recovery, and lessons learned; it names real contacts and is reviewed at least
#   yearly. Headings are recognised in English and Korean (docs/templates.md lists them).
# custom:
#   id: MFDS-CYB-014
#   severity: error
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [documents.incident_response_plan, evidence_index.entries]
#   presence: true
#   applies: DMPA products and connected products.
#   security_severity: 7.0
#   recommended_action: |
#     Add `docs/security/incident-response-plan.md` (or `침해사고 대응 계획`) with sections for
#     detection, assessment, containment, notification (MFDS, users), recovery and lessons
#     learned, real contacts, and a `reviewed: YYYY-MM-DD` date.
#   references:
#     - {source: DMPA electronic-intrusion security guideline (draft), clause: "Arts. 17-19 response to electronic intrusion"}
#     - {source: IMDRF N60, clause: "6.5 Incident response"}
package samdscan.mfds.cyb.incident_response_plan

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if profile.connected

in_scope if profile.dmpa

applicable := false if not in_scope

not_applicable_because contains "the profile declares neither regime DMPA nor a connected product" if not in_scope

plans := documents.for_rule("incident_response_plan", "MFDS-CYB-014")

parts := {
	"detection": ["detection", "detect", "identification", "탐지", "인지"],
	"assessment": ["assessment", "triage", "analysis", "classification", "평가", "분석", "분류"],
	"containment": ["containment", "eradication", "봉쇄", "차단", "격리"],
	"notification": ["notification", "communication", "reporting", "통지", "통보", "보고", "신고"],
	"recovery": ["recovery", "restoration", "복구"],
	"lessons learned": ["lessons learned", "post-incident", "retrospective", "사후 검토", "교훈", "재발 방지"],
}

deny contains f if {
	count(plans) == 0
	f := documents.missing("incident_response_plan", "no cybersecurity incident response plan found (looked for names such as docs/security/incident-response-plan.md or a title like \"Incident Response Plan\" / \"침해사고 대응 계획\")")
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {"msg": sprintf("the incident response plan has no section on %s", [concat(", ", missing)]), "path": plans[0].path, "key": "parts"}
}

deny contains f if {
	count(plans) > 0
	not names_mfds
	f := {"msg": sprintf("%s does not say how MFDS (식약처) is notified", [plans[0].path]), "path": plans[0].path, "key": "mfds-notification"}
}

names_mfds if {
	some doc in plans
	regex.match(`(?i)(\bMFDS\b|식약처|식품의약품안전처)`, doc.text)
}

deny contains f if {
	some doc in plans
	regex.match(`(?i)(\bTBD\b|\bTODO\b|example\.(com|org|net)|<contact>)`, doc.text)
	f := {"msg": sprintf("%s has placeholder contacts (TBD, TODO or example.com)", [doc.path]), "path": doc.path, "key": sprintf("placeholder|%s", [doc.path]), "level": "warning"}
}

deny contains f if {
	some doc in plans
	documents.stale(doc)
	f := {"msg": sprintf("%s was last reviewed %s, %d days before the scan date (at most %d allowed)", [doc.path, doc.reviewed.date, doc.reviewed.age_days, documents.max_age_days]), "path": doc.path, "key": sprintf("stale|%s", [doc.path]), "dated": true}
}
