# METADATA
# title: Traceability between requirements, tests and risk controls
# description: |
#   IEC 62304 §5.1.1, §5.7.4 and §7.3.3 require traceability between software requirements,
#   their verification and the risk controls they implement, and MFDS reviews it in software
#   dossiers. samdscan builds the matrix from the repository itself (`samdscan trace` prints it):
#   every requirement needs at least one verifying reference in code or tests (`Verifies: REQ-1`,
#   `@req REQ-1`, `@pytest.mark.requirement("REQ-1")`), every reference must name a known
#   requirement, and every risk control of the risk table must be implemented by a requirement or
#   have a verification.
# custom:
#   id: MFDS-SWL-006
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [requirements.items, requirement_references?, risks.tables?]
#   applies: Always; strict (error) when a software system is of class B or C.
#   escalation: Error when any software system is class B or C; warning otherwise.
#   recommended_action: |
#     Mark each test with the requirement it verifies (`Verifies: REQ-1` in its docstring or a
#     comment, `@pytest.mark.requirement("REQ-1")`, or a marker set in
#     `verification.reference_markers`), fix references to ids that no requirement defines, and
#     name each risk control in the requirement that implements it or give its risk a
#     verification reference. `samdscan trace` prints the resulting matrix.
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.1.1; 5.7.4; 7.3.3 Document traceability"}
#     - {source: FDA Content of Premarket Submissions for Device Software Functions (2023), clause: "Traceability"}
package samdscan.mfds.swl.traceability

import data.samdscan.lib.profile
import rego.v1

level := "error" if {
	some c in profile.classes
	c in {"B", "C"}
} else := "warning"

requirements := r if {
	r := input.requirements.items
	is_array(r)
} else := []

references := r if {
	r := input.requirement_references.references
	is_array(r)
} else := []

known := {r.id | some r in requirements}

referenced := {r.id | some r in references}

not_evaluated contains "no software requirements were found, so nothing can be traced (see MFDS-SWL-002)" if {
	count(requirements) == 0
}

deny contains f if {
	some r in requirements
	not r.id in referenced
	f := {
		"msg": sprintf("requirement %s (%s) has no verifying test: no reference such as `Verifies: %s` names it in code or tests", [r.id, r.title, r.id]),
		"path": r.path,
		"line": r.line,
		"key": sprintf("unverified|%s", [r.id]),
		"level": level,
	}
}

deny contains f if {
	some ref in references
	not ref.id in known
	f := {
		"msg": sprintf("%s:%d references %s, which no requirement defines", [ref.path, ref.line, ref.id]),
		"path": ref.path,
		"line": ref.line,
		"key": sprintf("unknown|%s|%s", [ref.path, ref.id]),
		"level": level,
	}
}

# A risk control is linked when it is itself a requirement id, a requirement's text names it, a
# reference names it, or its risk has a verification reference.
linked(control, _) if control in known

linked(control, _) if control in referenced

# The words of every requirement's text: an id-shaped control is linked when it is one of them,
# a set lookup instead of a pattern per requirement (rows x requirements).
words := {w |
	some r in requirements
	is_string(r.text)
	some w in regex.find_n(`[A-Za-z0-9_-]+`, r.text, -1)
}

linked(control, _) if control in words

# A control written as text, not as an id, is looked for in each requirement's text.
linked(control, _) if {
	not regex.match(`^[A-Za-z0-9_-]+$`, control)
	some r in requirements
	regex.match(sprintf(`(^|[^A-Za-z0-9_-])%s([^A-Za-z0-9_-]|$)`, [regex_escape(control)]), r.text)
}

linked(_, row) if trim_space(object.get(row, "verification", "")) != ""

regex_escape(s) := concat("", [c | some ch in split(s, ""); c := escape_char(ch)])

escape_char(ch) := sprintf("\\%s", [ch]) if contains(`\.+*?()|[]{}^$`, ch)

else := ch

deny contains f if {
	some t in input.risks.tables
	some row in t.rows
	some control in row.risk_controls
	not linked(control, row)
	f := {
		"msg": sprintf("risk control %s (risk %s) is linked to no requirement and no verification", [control, row.id]),
		"path": t.path,
		"line": row.line,
		"key": sprintf("unlinked-control|%s", [control]),
		"level": level,
	}
}
