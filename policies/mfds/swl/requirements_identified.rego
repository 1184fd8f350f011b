# METADATA
# title: Software requirements with unique, stable ids
# description: |
#   IEC 62304 §5.2 requires documented software requirements, including risk-control and
#   security requirements, and every later trace (tests, risk controls, change records) needs
#   stable ids to point at. samdscan reads requirements from Markdown, YAML, CSV, doorstop and
#   StrictDoc files under the requirement folders and requires at least one id matching
#   `verification.requirement_id`, each defined once.
# custom:
#   id: MFDS-SWL-002
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [requirements.items, requirements.files?]
#   presence: true
#   applies: All safety classes.
#   recommended_action: |
#     Keep the software requirements in the repository, e.g. `docs/requirements/srs.md` with one
#     `## REQ-1: Title` heading (or table row) per requirement (see docs/verification.md), give
#     every requirement its own id and never reuse one. Set `verification.requirement_id` if your
#     ids have another form.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.2 Software requirements analysis"}
#     - {source: MFDS medical device software approval/review guideline, clause: 안내서-0612-04 (software requirements specification)}
package samdscan.mfds.swl.requirements_ids

import data.samdscan.lib.documents
import rego.v1

items := i if {
	i := input.requirements.items
	is_array(i)
} else := []

files := f if {
	f := input.requirements.files
	is_array(f)
} else := []

looked_in := "looked in docs/requirements/**, requirements/**, *requirements*.md, SRS*, *.sdoc, needs.json, specifications titled \"Software Requirements\", doorstop documents and front matter requirement records" if {
	count(files) == 0
} else := sprintf("read %s", [concat(", ", [file_note(f) | some f in files])])

file_note(f) := sprintf("%s (an unfilled template)", [f.path]) if f.unfilled == true

else := f.path

deny contains f if {
	count(items) == 0
	f := documents.missing("requirements", sprintf("no software requirement ids found (%s; ids must match `%s`, set by verification.requirement_id)", [looked_in, input.requirements.id_pattern]))
}

# Each id defined more than once, with its definitions in file order, found in n log n: the
# (id, position) pairs sorted and cut into runs where the id changes (a scan of every item per id
# would cost n x n on a large requirement set).
pairs := sort([[r.id, i] | some i, r in items])

run_starts := [j |
	some j, _ in pairs
	not same_id_as_previous(j)
]

same_id_as_previous(j) if {
	j > 0
	pairs[j - 1][0] == pairs[j][0]
}

run_end(k) := run_starts[k + 1] - 1 if k + 1 < count(run_starts)

else := count(pairs) - 1

duplicates contains [id, defs] if {
	some k, start in run_starts
	end := run_end(k)
	end > start
	id := pairs[start][0]
	defs := [items[pairs[j][1]] | some j in numbers.range(start, end)]
}

deny contains f if {
	some [id, defs] in duplicates
	where := [sprintf("%s:%d", [d.path, d.line]) | some d in defs]
	f := {
		"msg": sprintf("requirement id %s is defined %d times (%s); ids must be unique", [id, count(defs), concat(", ", where)]),
		"path": defs[1].path,
		"line": defs[1].line,
		"key": sprintf("duplicate|%s", [id]),
	}
}
