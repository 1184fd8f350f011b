# METADATA
# title: Repository inputs samdscan could not use
# description: |
#   Evidence that cannot be read is not evidence: a malformed or binary file where a document was
#   expected, a file over the size cap, a symlink pointing outside the repository (never followed),
#   a file listed in the git index but missing on disk, or a path that is not UTF-8. Each is
#   reported with the file's path so that nothing passes silently.
# custom:
#   id: SAMDSCAN-004
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: tool
#   status: established
#   evidence: [diagnostics?, files]
#   applies: Always.
#   recommended_action: |
#     Fix or remove the file named in the finding, raise `evidence.max_file_size` if a legitimate
#     evidence file is larger, or replace the symlink with the file itself.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "8.1 Configuration identification"}
package samdscan.samdscan.input_problems

import rego.v1

deny contains f if {
	some d in input.diagnostics
	f := {"msg": sprintf("%s: %s", [d.path, d.message]), "path": d.path, "key": sprintf("diagnostic|%s|%s", [d.path, d.message])}
}

deny contains f if {
	some l in input.files.symlinks_outside
	f := {"msg": sprintf("%s is a symlink to %s, outside the repository; it was not followed", [l.path, l.target]), "key": sprintf("symlink|%s", [l.path])}
}

deny contains f if {
	some p in input.files.missing
	f := {"msg": sprintf("%s is in the git index but missing from the working tree", [p]), "key": sprintf("missing|%s", [p])}
}

deny contains f if {
	some s in input.files.skipped
	f := {"msg": sprintf("%s was skipped: %s", [s.path, s.reason]), "key": sprintf("skipped|%s", [s.path])}
}
