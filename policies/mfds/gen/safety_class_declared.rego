# METADATA
# title: IEC 62304 safety class declared for every software system
# description: |
#   IEC 62304 assigns each software system a safety class (A, B or C) by the harm its failure could
#   contribute to. The class decides which of more than thirty IEC 62304 clauses apply, so it must be
#   declared for every software system. There is no normative mapping from the Korean grade to the
#   class; samdscan flags combinations that usually need a written rationale (grade 4 or an AI
#   device of grade 3 or more with a class A system).
# custom:
#   id: MFDS-GEN-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: all
#   status: established
#   evidence: [profile]
#   presence: true
#   applies: Any product whose profile declares software systems.
#   escalation: A missing or invalid class is an error; a grade/class inconsistency without a rationale is a warning.
#   recommended_action: |
#     Give every entry of `product.software_systems` a `safety_class` of A, B or C, recorded with its
#     rationale in the risk management file (`safety_class_rationale_ref`).
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "4.3 Software safety classification"}
#     - {source: MFDS medical device software approval/review guideline, clause: 안내서-0612-04}
package samdscan.mfds.gen.safety_class_declared

import data.samdscan.lib.profile
import rego.v1

not_evaluated contains "no product profile or no software systems declared (see MFDS-GEN-001)" if {
	count(profile.systems) == 0
}

at(i) := {"path": input.config.path, "line": profile.config_line(sprintf("product.software_systems[%d]", [i]))}

name(i, s) := object.get(s, "name", sprintf("#%d", [i + 1]))

deny contains f if {
	some i, s in profile.systems
	not s.safety_class in {"A", "B", "C"}
	f := object.union(at(i), {
		"msg": sprintf("software system %v declares no valid IEC 62304 safety class (A, B or C); found %v", [name(i, s), found_class(s)]),
		"key": sprintf("class|%v", [name(i, s)]),
	})
}

deny contains f if {
	some i, s in profile.systems
	s.safety_class == "A"
	needs_rationale
	not s.safety_class_rationale_ref
	f := object.union(at(i), {
		"msg": sprintf("software system %v is class A in a %v product; record why (safety_class_rationale_ref) or reconsider the class", [name(i, s), context]),
		"key": sprintf("class-rationale|%v", [name(i, s)]),
		"level": "warning",
	})
}

needs_rationale if profile.grade == 4

needs_rationale if {
	profile.ai_enabled
	profile.grade >= 3
}

context := "grade 4" if profile.grade == 4 else := sprintf("grade %v AI", [profile.grade])

found_class(s) := sprintf("`%v`", [s.safety_class]) if {
	s.safety_class != null
} else := "none"
