# METADATA
# title: Safety-critical changes come with a risk re-assessment
# description: |
#   A change to safety-critical software is analysed for its effect on risk before release
#   (IEC 62304 §7.4.1-7.4.3, §6.2.3). In the history scope, each commit that changes
#   `product.safety_critical_paths` needs a change to the risk files in the same range
#   (`docs/risk/**`, the risk plan, table or report) or a `Risk-Impact:` trailer saying what the
#   assessment concluded (`Risk-Impact: none`, `Risk-Impact: updated RSK-12`).
# custom:
#   id: MFDS-RSK-003
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, profile.safety_critical_paths]
#   applies: Products that declare safety_critical_paths.
#   escalation: Error when a software system is safety class C.
#   recommended_action: |
#     Update the risk analysis (docs/risk/) in the same release range, or add a `Risk-Impact:`
#     trailer to the commit recording the outcome of the impact assessment.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "7.4 Risk management of software changes"}
#     - {source: ISO 14971:2019, clause: "10 Production and post-production activities"}
package samdscan.mfds.rsk.change_risk_reassessment

import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not safety_paths_declared

safety_paths_declared if {
	paths := input.profile.safety_critical_paths
	is_array(paths)
	count(paths) > 0
}

not_applicable_because contains "no product.safety_critical_paths are declared"

not_evaluated contains r if some r in history.unusable

deny contains f if {
	not history.range_touches("risk")
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "safety_critical")
	not history.has_trailer(c, "Risk-Impact")
	f := {
		"msg": sprintf("commit %s changes safety-critical code, but the range has no change to the risk files and the commit no Risk-Impact: trailer", [history.label(c)]),
		"path": history.path_in(c, "safety_critical"),
		"key": sprintf("commit|%s", [c.id]),
		"level": level,
	}
}

level := "error" if "C" in profile.classes

else := "warning"
