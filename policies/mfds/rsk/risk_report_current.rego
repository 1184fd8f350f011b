# METADATA
# title: Risk management report current for the latest release
# description: |
#   ISO 14971 §8 and §9 require the overall residual risk to be evaluated and the risk management process to be reviewed before commercial release, and the result recorded in a risk management report. samdscan requires a risk management report and, where git history is available, that the report was updated for the latest release: it states that release's version (or a later one), or it was changed (or dated) on or after the latest release tag. Without git history the comparison is not evaluated.
# custom:
#   id: MFDS-RSK-004
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_management_report, risks.currency]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a risk management report, e.g. `docs/risk/risk-management-report.md`, with `Version:` and `Date:` fields and the review's conclusions (overall residual risk acceptable, plan implemented, production and post-production methods in place), and update it for every release before tagging.
#   references:
#     - {source: ISO 14971:2019, clause: "8 Evaluation of overall residual risk; 9 Risk management review"}
package samdscan.mfds.rsk.risk_report_current

import data.samdscan.lib.documents
import rego.v1

currency := object.get(input, ["risks", "currency"], {})

deny contains f if {
	not documents.present("risk_management_report")
	f := documents.missing("risk_management_report", "no risk management report found (looked for names such as docs/risk/risk-management-report.md; set evidence.risk_management_report to point at yours)")
}

not_evaluated contains "no git history: whether the risk management report is older than the latest release tag could not be checked" if {
	documents.present("risk_management_report")
	not currency.history
}

# Numeric dotted versions: a at or after b.
version_parts(v) := [to_number(p) | some p in split(v, ".")]

version_at_least(a, b) if {
	is_string(a)
	is_string(b)
	regex.match(`^\d+(\.\d+)*$`, a)
	regex.match(`^\d+(\.\d+)*$`, b)
	pa := version_parts(a)
	pb := version_parts(b)
	count(pa) == count(pb)
	pa >= pb
}

report_date(r) := max({d | some d in [r.last_changed, r.stated_date]; is_string(d)})

current(r, release) if version_at_least(r.stated_version, release.version)

current(r, release) if report_date(r) >= release.date

deny contains f if {
	release := currency.latest_release
	is_object(release)
	some r in currency.reports
	not current(r, release)
	f := {
		"msg": sprintf("risk management report %s was last changed %s and states version %v, but the latest release tag %s is dated %s: review the report for that release", [r.path, object.get(r, "last_changed", "never"), object.get(r, "stated_version", "none"), release.tag, release.date]),
		"path": r.path,
		"key": sprintf("stale|%s", [r.path]),
	}
}
