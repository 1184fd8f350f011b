# Helpers over the product profile shared by the built-in policies: grade, safety classes,
# which products the catalogue's escalation rule (§0.3) raises, and where profile findings point.
package samdscan.lib.profile

import rego.v1

declared if is_object(input.profile)

grade := g if {
	g := input.profile.grade
	is_number(g)
}

systems := s if {
	s := input.profile.software_systems
	is_array(s)
} else := []

classes contains c if {
	some s in systems
	c := s.safety_class
}

connected if input.profile.connected == true

dmpa if input.profile.regime == "DMPA"

ai_enabled if input.profile.ai.enabled == true

generative if input.profile.ai.generative == true

# A product the catalogue's escalation rule (§0.3) raises: grade 4, or any class C system.
# samdscan reads this once per scan and turns every warning of an escalating rule into an
# error (src/policy/escalation.rs); policies give their base level only.
high_risk if grade == 4

high_risk if "C" in classes

# The line of a dotted key in the config file (1 when absent).
config_line(key) := line if {
	line := input.config.lines[key]
} else := 1
