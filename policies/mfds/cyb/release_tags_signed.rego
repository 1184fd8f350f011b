# METADATA
# title: Release tags are annotated and signed
# description: |
#   The integrity and origin of released device software must be demonstrable (MFDS cybersecurity
#   requirements on software integrity; IEC 62304 §5.8.7-5.8.8 archive and reliable delivery). A
#   signed, annotated tag binds the release name to the exact source tree and to who released it;
#   a lightweight tag can be moved by anyone with push access. Each release tag
#   (`history.release_tags`) that is the scanned commit or one of its ancestors must be annotated
#   and carry a signature (OpenPGP, SSH or X.509). The signature is detected, not verified.
# custom:
#   id: MFDS-CYB-011
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [history.tags]
#   applies: Connected products (any product that receives software updates).
#   escalation: Error for connected products of grade 3 or 4.
#   recommended_action: |
#     Create release tags with `git tag -s vX.Y.Z -m "Release X.Y.Z"` (configure `gpg.format=ssh`
#     to sign with an SSH key), and replace lightweight or unsigned release tags.
#   references:
#     - {source: MFDS cybersecurity guidance for medical devices, clause: "Software integrity (SI)"}
#     - {source: IEC 62304:2006+A1:2015, clause: "5.8.8 Assure reliable delivery"}
package samdscan.mfds.cyb.release_tags_signed

import data.samdscan.lib.documents
import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains "the product is not connected (product.connected is not true)"

not_evaluated contains r if {
	input.history.available != true
	r := sprintf("git history not available: %s", [input.history.reason])
}

not_evaluated contains r if {
	input.history.available == true
	count(history.releases) == 0
	r := sprintf("no release tag matching `%s` in the history", [input.history.release_tags])
}

deny contains f if {
	some t in history.releases
	problem := weakness(t)
	f := object.union(anchor(t), {
		"msg": sprintf("release tag %s is %s", [t.name, problem]),
		"key": sprintf("tag|%s", [t.name]),
		"level": level,
	})
}

weakness(t) := "a lightweight tag (not annotated, not signed)" if not t.annotated

weakness(t) := "annotated but not signed" if {
	t.annotated
	not t.signed
}

level := "error" if profile.grade >= 3

else := "warning"

# The change log's heading for the tag's version, else the change log, else the config.
anchor(t) := {"path": doc.path, "line": h.line} if {
	some doc in documents.of_kind("changelog")
	some h in doc.headings
	t.version != null
	contains(h.text, t.version)
} else := {"path": doc.path} if {
	some doc in documents.of_kind("changelog")
} else := {"path": input.config.path, "line": profile.config_line("history.release_tags")}
