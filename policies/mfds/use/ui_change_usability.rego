# METADATA
# title: User-interface changes come with a usability re-evaluation
# description: |
#   Usability engineering is iterative (IEC 62366-1 §5.7-5.9): a change to the user interface is
#   evaluated for its effect on use-related risk, and MFDS's usability guideline for standalone DMD
#   software says which usability changes need change approval or certification. In the history
#   scope, each commit that changes `product.ui_paths` needs a change to the usability engineering
#   file in the same range (`docs/usability/**` and the usability file names) or a
#   `Usability-Impact:` trailer stating the outcome (`Usability-Impact: none (copy only)`,
#   `Usability-Impact: formative evaluation FE-7`). Whether a UI change affects use safety needs
#   judgement; the rule only asks for an explicit statement.
# custom:
#   id: MFDS-USE-002
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, profile.ui_paths]
#   applies: Products that declare ui_paths.
#   recommended_action: |
#     Update the usability engineering file (docs/usability/: use scenarios, formative or summative
#     evaluation) in the same release range, or add a `Usability-Impact:` trailer to the commit
#     recording why the change needs no re-evaluation.
#   references:
#     - {source: IEC 62366-1:2015+A1:2020, clause: "5.7-5.9 Formative and summative evaluation"}
#     - {source: MFDS usability approval/review guideline for standalone DMD software, clause: "2025-01-24 (usability changes needing change approval)"}
package samdscan.mfds.use.ui_change_usability

import data.samdscan.lib.history
import rego.v1

applicable := false if not ui_paths_declared

ui_paths_declared if {
	paths := input.profile.ui_paths
	is_array(paths)
	count(paths) > 0
}

not_applicable_because contains "no product.ui_paths are declared, so UI changes cannot be told apart"

not_evaluated contains r if some r in history.unusable

deny contains f if {
	not history.range_touches("usability")
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "ui")
	not history.has_trailer(c, "Usability-Impact")
	f := {
		"msg": sprintf("commit %s changes the user interface, but the range has no change to the usability engineering file and the commit no Usability-Impact: trailer", [history.label(c)]),
		"path": history.path_in(c, "ui"),
		"key": sprintf("commit|%s", [c.id]),
	}
}
