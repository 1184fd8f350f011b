# METADATA
# title: Changes to safety-critical code are reviewed before integration
# description: |
#   A change is approved before it is integrated (IEC 62304 §8.2.1), and for class B and C
#   software, unit verification may be code review (§5.5.5). Git shows review by proxy: a
#   CODEOWNERS file that names owners for `product.safety_critical_paths` and the risk files (so
#   a pull request touching them needs their approval), and, in the history scope, each commit
#   changing safety-critical code either brought in by a merge commit (a reviewed pull or merge
#   request) or carrying a `Reviewed-by:`, `Approved-by:` or `Acked-by:` trailer. A direct,
#   unreviewed commit is reported by name. Review recorded only on the hosting platform is not
#   visible in git, hence a warning: squash and rebase merges leave no merge commit, so they need
#   the trailer in the commit message.
# custom:
#   id: MFDS-CHG-004
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1/P3
#   status: established
#   evidence: [codeowners, history.commits?, profile.safety_critical_paths]
#   presence: true
#   applies: Products that declare safety_critical_paths.
#   recommended_action: |
#     Add a CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS or .gitlab/CODEOWNERS)
#     whose rules give every safety-critical and risk file an owner, require code-owner review in
#     the branch protection, and integrate changes to safety-critical code through reviewed pull
#     requests (merge commits) or record the review with a `Reviewed-by:` trailer (with squash or
#     rebase merges, in the squashed commit's message).
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "8.2.1 Approve change requests"}
#     - {source: IEC 62304:2006+A1:2015, clause: "5.5.5 Software unit verification"}
package samdscan.mfds.chg.reviewed_integration

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

not_evaluated contains r if {
	codeowners.path != null
	codeowners.parsed == false
	r := sprintf("%s could not be read (see the input problems)", [codeowners.path])
}

review_trailers := ["Reviewed-by", "Approved-by", "Acked-by"]

codeowners := input.codeowners

deny contains f if {
	codeowners.path == null
	f := {
		"msg": "no CODEOWNERS file names reviewers for the safety-critical paths and risk files (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS)",
		"path": input.config.path,
		"line": profile.config_line("product.safety_critical_paths"),
		"key": "codeowners|missing",
	}
}

area_names := {"safety_critical": "safety-critical", "risk": "risk"}

deny contains f if {
	codeowners.parsed == true
	some area, name in area_names
	unowned := sort([file.path | some file in codeowners.files; area in file.areas; count(file.owners) == 0])
	count(unowned) > 0
	f := {
		"msg": sprintf("%s gives no owner to %d %s file(s): %s", [codeowners.path, count(unowned), name, listed(unowned)]),
		"path": codeowners.path,
		"key": sprintf("unowned|%s", [area]),
	}
}

# The first five paths, then how many more.
listed(paths) := concat(", ", paths) if count(paths) <= 5

else := sprintf("%s and %d more", [concat(", ", array.slice(paths, 0, 5)), count(paths) - 5])

deny contains f if {
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "safety_critical")
	not reviewed(c)
	f := {
		"msg": sprintf("commit %s changes safety-critical code directly: no merge brought it in and it has no Reviewed-by:, Approved-by: or Acked-by: trailer", [history.label(c)]),
		"path": history.path_in(c, "safety_critical"),
		"key": sprintf("commit|%s", [c.id]),
	}
}

reviewed(c) if c.merged_by != null

reviewed(c) if {
	some key in review_trailers
	history.has_trailer(c, key)
}
