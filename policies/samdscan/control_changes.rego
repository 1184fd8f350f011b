# METADATA
# title: Scan controls changed since the base
# description: |
#   With `--base`, a branch that adds or alters waivers, disables rules, overrides severities or
#   touches policy files changes what samdscan reports, not what the product is. Such changes are
#   legitimate but must be reviewed as quality decisions, so each one is reported, naming the
#   change, where reviewers will see it.
# custom:
#   id: SAMDSCAN-005
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: tool
#   status: established
#   evidence: [history, history.control_changes?]
#   applies: Scans with --base.
#   recommended_action: |
#     Review the change with the quality or regulatory owner: a waiver needs a reason, an approver,
#     an expiry and a record; a disabled rule or lowered severity needs a documented rationale.
#   references:
#     - {source: ISO 13485:2016, clause: "4.1.6 Validation of computer software used in the quality management system"}
package samdscan.samdscan.control_changes

import rego.v1

applicable := false if not input.repository.base

not_applicable_because contains "runs only with --base"

deny contains f if {
	some c in input.history.control_changes
	f := {
		"msg": sprintf("changed since the base: %s", [c.detail]),
		"path": c.path,
		"line": c.line,
		"key": sprintf("%s|%s", [c.kind, c.subject]),
	}
}
