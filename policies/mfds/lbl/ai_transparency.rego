# METADATA
# title: AI transparency in the product information
# description: |
#   The MFDS labeling guideline (2025-11-06) requires AI digital medical devices to give users
#   training-data information, expected performance and known limitations, and to update them when
#   the software version changes. The labeling or instructions for use must say that AI is used and
#   summarise its training data, performance and limitations (including populations not studied).
# custom:
#   id: MFDS-LBL-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.labeling, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Add an AI section to the labeling (`labeling/ai-transparency.md` or the IFU) with headings for
#     the use of AI, Training data, Performance and Limitations, using the figures of the model card.
#   references:
#     - {source: MFDS digital medical device labeling guideline (2025-11-06), clause: "AI training data, performance and limitations"}
#     - {source: FDA/Health Canada/MHRA transparency principles for MLMD (2024), clause: "GMLP 9"}
package samdscan.mfds.lbl.ai_transparency

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

docs := ai.list("labeling")

deny contains f if {
	count(docs) == 0
	f := ai.missing("ai_labeling", "no labeling or instructions for use found to carry the AI transparency information (e.g. labeling/ai-transparency.md)")
}

deny contains f if {
	count(docs) > 0
	missing := ai.missing_everywhere(docs)
	count(missing) > 0
	f := {
		"msg": sprintf("the labeling does not cover: %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [d.path | some d in docs])]),
		"path": docs[0].path,
		"line": 1,
		"key": "parts",
	}
}
