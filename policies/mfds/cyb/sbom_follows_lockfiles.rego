# METADATA
# title: SBOM updated when lockfiles change
# description: |
#   The SBOM must describe the software as shipped and be kept under configuration management
#   (MFDS cybersecurity guidance; FDA §524B SBOM). When a lockfile changes in the history scope,
#   the dependencies changed, so the SBOM must change in the same range. Detection is by file
#   name (Cargo.lock, package-lock.json, poetry.lock, go.sum, ... and the SBOM names).
# custom:
#   id: MFDS-CYB-003
#   severity: error
#   pillar: P2
#   status: established
#   evidence: [history.commits]
#   applies: Any product with software.
#   recommended_action: |
#     Regenerate the SBOM from the lockfiles (for example with cargo-cyclonedx, cdxgen or syft) and
#     commit it in the same pull request or release range as the dependency change.
#   references:
#     - {source: IEC 81001-5-1:2021, clause: "4.1.11 Software items from third-party suppliers"}
#     - {source: IEC 62304:2006+A1:2015, clause: "8.1.2 Identify SOUP"}
package samdscan.mfds.cyb.sbom_follows_lockfiles

import data.samdscan.lib.history
import rego.v1

not_evaluated contains r if some r in history.unusable

# The newest commit in scope that changed each lockfile (commits are listed newest first).
lockfile_changes[path] := c if {
	some path in {ch.path | some c in history.commits; some ch in c.changes; "lockfile" in ch.areas}
	cs := [c | some c in history.commits; some ch in c.changes; ch.path == path]
	c := cs[0]
}

deny contains f if {
	not history.range_touches("sbom")
	some path, c in lockfile_changes
	f := {
		"msg": sprintf("%s changed in commit %s but no SBOM changed in the history scope", [path, history.label(c)]),
		"path": path,
		"key": sprintf("lockfile|%s", [path]),
	}
}
