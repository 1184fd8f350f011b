# METADATA
# title: Change log or release notes present, with a section per release
# description: |
#   Every release needs a recorded version and release notes (IEC 62304 §5.8.4, §5.8.2). A change log with one section per released version is the repository's release record: each release tag (`history.release_tags`) that is the scanned commit or one of its ancestors must have a change-log heading naming its version.
# custom:
#   id: MFDS-SWL-009
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.changelog, history.tags?]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a `CHANGELOG.md` (Keep a Changelog style) with one section per released version, or release notes under `docs/release-notes/`; add the missing section for each release tag named in a finding.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.8 Software release"}
package samdscan.mfds.swl.changelog_present

import data.samdscan.lib.changelog
import data.samdscan.lib.documents
import data.samdscan.lib.history
import rego.v1

deny contains f if {
	not documents.present("changelog")
	f := documents.missing("changelog", "no change log or release notes found (looked for names such as CHANGELOG.md; set evidence.changelog to point at yours)")
}

deny contains f if {
	documents.present("changelog")
	some t in history.releases
	t.version != null
	not changelog.documents_version(t.version)
	f := {
		"msg": sprintf("release tag %s has no change-log section for version %s", [t.name, t.version]),
		"path": changelog.docs[0].path,
		"key": sprintf("tag|%s", [t.name]),
	}
}
