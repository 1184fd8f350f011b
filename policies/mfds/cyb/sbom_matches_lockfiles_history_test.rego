package samdscan.mfds.cyb.sbom_matches_lockfiles_history_test

import data.samdscan.mfds.cyb.sbom_matches_lockfiles as p
import rego.v1

commit(id, path, area) := {
	"id": id, "short_id": substring(id, 0, 7), "subject": "Bump deps", "merge": false, "shallow_boundary": false,
	"areas": [area], "changes": [{"path": path, "status": "modified", "areas": [area]}],
}

hist(commits) := {"available": true, "truncated": false, "commits": commits, "scope": {"description": "v1.0.0..tip"}}

test_lockfile_without_sbom_fails if {
	d := p.deny with input as {"history": hist([commit("1111111111", "Cargo.lock", "lockfile")])}
	[f.path | some f in d] == ["Cargo.lock"]
}

test_lockfile_with_sbom_passes if {
	cs := [commit("1111111111", "Cargo.lock", "lockfile"), commit("2222222222", "sbom/app.cdx.json", "sbom")]
	count(p.deny) == 0 with input as {"history": hist(cs)}
}

test_lockfile_change_message_names_commit_and_scope if {
	d := p.deny with input as {"history": hist([commit("1111111111", "Cargo.lock", "lockfile")])}
	[f.msg | some f in d] == ["Cargo.lock changed in commit 1111111 \"Bump deps\" but no SBOM changed in the history scope (v1.0.0..tip)"]
}

test_truncated_history_is_not_judged if {
	h := object.union(hist([commit("1111111111", "Cargo.lock", "lockfile")]), {"truncated": true})
	count(p.deny) == 0 with input as {"history": h}
}
