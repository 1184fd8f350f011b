# METADATA
# title: Evidence index valid
# description: |
#   The evidence index (`evidence.index`, default `regulatory/evidence-index.yaml`) says where the
#   evidence for each expectation lives, in the repository or as a controlled record of the eQMS,
#   the way MFDS's software conformity verification report lists document-control numbers. An
#   index is only useful if it is right: every key is an expectation id of the regulatory catalogue
#   (optionally with a `/part`), every path exists, and every external record names its system,
#   document id, version and an approval date that is a real date no later than the scan date.
#   Only valid external records turn a rule's findings into "attested externally" notes.
# custom:
#   id: MFDS-GEN-004
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [evidence_index]
#   applies: Always (when an evidence index exists).
#   recommended_action: |
#     Correct the entry named in the finding: use a catalogue id (`samdscan policy list
#     --catalogue`), point `path` at a file that exists, or complete the external record with
#     `system`, `document_id`, `version` and `approved: YYYY-MM-DD`.
#   references:
#     - {source: MFDS medical device software approval/review guideline, clause: "software conformity verification report (document-control numbers)"}
#     - {source: ISO 13485:2016, clause: "4.2.4 Control of documents"}
package samdscan.mfds.gen.evidence_index_valid

import rego.v1

index := input.evidence_index

at(entry) := {"path": index.path, "line": entry.line}

deny contains f if {
	index.found
	not index.parsed
	f := {"msg": sprintf("%s cannot be read as an evidence index (see the input problem reported for it)", [index.path]), "path": index.path, "key": "unreadable"}
}

deny contains f if {
	some id, entry in index.entries
	not entry.known
	f := object.union(at(entry), {"msg": sprintf("%s: `%s` is not an expectation id of the regulatory catalogue (see samdscan policy list --catalogue)", [index.path, id]), "key": sprintf("unknown|%s", [id])})
}

deny contains f if {
	some id, entry in index.entries
	entry.exists == false
	f := object.union(at(entry), {"msg": sprintf("%s: %s points to %s, which is not a file of the repository", [index.path, id, entry.path]), "key": sprintf("path|%s", [id])})
}

deny contains f if {
	some id, entry in index.entries
	some problem in entry.problems
	f := object.union(at(entry), {"msg": sprintf("%s: %s %s", [index.path, id, problem]), "key": sprintf("entry|%s|%s", [id, problem])})
}

deny contains f if {
	some id, entry in index.entries
	some problem in entry.external.problems
	f := object.union(at(entry), {"msg": sprintf("%s: the external record for %s is not valid, so it attests nothing: %s", [index.path, id, problem]), "key": sprintf("external|%s|%s", [id, problem])})
}
