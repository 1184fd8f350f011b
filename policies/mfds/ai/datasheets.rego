# METADATA
# title: Dataset datasheets for training and test data
# description: |
#   Training-data information is an explicit DMPA-era disclosure item, and performance claims cannot
#   be judged without knowing where the data came from. Each dataset used for training or testing
#   needs a datasheet (Markdown `DATASHEET.md`, or an SPDX 3 dataset package) giving provenance,
#   collection, inclusion and exclusion criteria, demographics, annotation and reference standard,
#   de-identification, and the split role it serves; at least one must cover training and one test.
# custom:
#   id: MFDS-AI-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.datasheets, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Write `data/<dataset>/DATASHEET.md` for each dataset, with front matter `split: [training]` (or
#     `test`, `tuning`) and sections for provenance, collection, inclusion criteria, demographics,
#     annotation, de-identification and split role (see docs/ai.md).
#   references:
#     - {source: MFDS AI medical device guidelines, clause: "training dataset information"}
#     - {source: IMDRF GMLP (N88), clause: "Principles 3 and 5"}
package samdscan.mfds.ai.datasheets

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

sheets := ai.list("datasheets")

deny contains f if {
	some role in ["training", "test"]
	not role_covered(role)
	f := object.union(ai.missing("datasheet", sprintf("no datasheet declares the %s split (front matter `split: [%s]`, or a %s folder)", [role, role, role])), {"key": sprintf("role|%s", [role])})
}

role_covered(role) if {
	some s in sheets
	role in s.roles
}

deny contains f if {
	some s in sheets
	count(s.missing_parts) > 0
	f := {
		"msg": sprintf("datasheet %s (%s) lacks: %s", [s.path, sheet_name(s), concat(", ", s.missing_parts)]),
		"path": s.path,
		"line": 1,
		"key": sprintf("parts|%s|%s", [s.path, sheet_name(s)]),
	}
}

sheet_name(s) := s.name if is_string(s.name) else := "unnamed dataset"
