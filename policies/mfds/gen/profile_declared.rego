# METADATA
# title: Regulatory product profile declared and valid
# description: |
#   The product profile (`product:` in .samdscan.yaml) states the facts every other rule depends on:
#   the regulatory regime (DMPA, MDA or WELLNESS), the MFDS grade (1-4), the market-entry route,
#   the digital medical device type, and the software systems with the paths they cover. Without a
#   valid profile, samdscan cannot tell which MFDS expectations apply or how strictly.
# custom:
#   id: MFDS-GEN-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: all
#   status: established
#   evidence: [profile, config]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a `product:` section to .samdscan.yaml with `regime`, `grade`, `route`, `dmd_type` and
#     `software_systems` (each with `name`, `paths` and `safety_class`); for DMPA products also the
#     7-character `product_code`.
#   references:
#     - {source: Digital Medical Products Act, clause: Art. 3 (classification and grades)}
#     - {source: DMPA Enforcement Rule, clause: Art. 3 and Annex 1}
#     - {source: IEC 62304:2006+A1:2015, clause: "4.3"}
package samdscan.mfds.gen.profile_declared

import data.samdscan.lib.profile
import rego.v1

regimes := {"DMPA", "MDA", "WELLNESS"}

routes := {"notification", "certification", "approval"}

dmd_types := {"standalone", "embedded", "hardware"}

at(key) := {"path": input.config.path, "line": profile.config_line(key)}

deny contains f if {
	not profile.declared
	f := object.union(at("product"), {
		"msg": "no product profile: add a `product:` section (regime, grade, route, software systems) to .samdscan.yaml",
		"key": "profile-missing",
	})
}

deny contains f if {
	profile.declared
	not input.profile.regime in regimes
	f := object.union(at("product.regime"), {
		"msg": sprintf("product.regime is %v; expected one of DMPA, MDA, WELLNESS", [describe(input.profile, "regime")]),
		"key": "regime",
	})
}

deny contains f if {
	profile.declared
	not valid_grade
	f := object.union(at("product.grade"), {
		"msg": sprintf("product.grade is %v; expected an MFDS grade from 1 to 4", [describe(input.profile, "grade")]),
		"key": "grade",
	})
}

valid_grade if profile.grade in {1, 2, 3, 4}

deny contains f if {
	profile.declared
	some field, allowed in {"route": routes, "dmd_type": dmd_types}
	value := input.profile[field]
	not value in allowed
	f := object.union(at(sprintf("product.%s", [field])), {
		"msg": sprintf("product.%s is %v; expected one of %v", [field, value, sort([x | some x in allowed])]),
		"key": field,
	})
}

deny contains f if {
	profile.declared
	count(profile.systems) == 0
	f := object.union(at("product"), {
		"msg": "the profile declares no software_systems: name each software system with the paths it covers",
		"key": "software-systems",
	})
}

deny contains f if {
	some i, s in profile.systems
	s.matched_files == 0
	f := object.union(at(sprintf("product.software_systems[%d]", [i])), {
		"msg": sprintf("software system %v: its paths %v match no file in the repository", [object.get(s, "name", i), object.get(s, "paths", [])]),
		"key": sprintf("system-paths|%v", [object.get(s, "name", i)]),
	})
}

deny contains f if {
	profile.dmpa
	not valid_product_code
	f := object.union(at("product.product_code"), {
		"msg": sprintf("product.product_code is %v; DMPA products need the 7-character MFDS product code", [describe(input.profile, "product_code")]),
		"key": "product-code",
	})
}

valid_product_code if {
	code := input.profile.product_code
	is_string(code)
	regex.match(`^[A-Z0-9]{7}$`, code)
}

describe(obj, field) := sprintf("`%v`", [obj[field]]) if {
	obj[field] != null
} else := "missing"
