# METADATA
# title: Model card per deployed model
# description: |
#   MFDS requires AI digital medical devices to disclose training-data information, expected
#   performance and limitations, and the FDA AI-enabled device software draft (Appendix E) and GMLP
#   principle 9 describe the model card that holds them. Every deployed model artifact needs a card
#   (Markdown with YAML front matter or sections, a CycloneDX `machine-learning-model` component with
#   a `modelCard`, or an SPDX 3 AI package) stating intended use, model details and version,
#   training data, evaluation data, metrics with confidence intervals, subgroup performance,
#   limitations, human oversight and change history.
# custom:
#   id: MFDS-AI-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.artifacts?, ai.model_cards, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Add a model card beside each deployed model (`models/<model>/MODEL_CARD.md`, or a README.md with
#     Hugging Face style front matter naming `artifact:`), with the sections listed in docs/ai.md:
#     Intended use, Model details, Training data, Evaluation data, Performance metrics (with 95% CI),
#     Subgroup performance, Limitations, Human oversight, Change history.
#   references:
#     - {source: MFDS digital medical device labeling guideline (2025-11-06), clause: "AI training data, performance and limitations"}
#     - {source: FDA AI-enabled device software functions draft guidance (2025), clause: "Appendix E model card"}
#     - {source: IMDRF GMLP (N88), clause: "Principle 9"}
package samdscan.mfds.ai.model_card

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

cards := ai.list("model_cards")

deny contains f if {
	count(cards) == 0
	f := ai.missing("model_card", "the product declares AI but no model card was found (MODEL_CARD.md, a model folder README.md with front matter, or a CycloneDX / SPDX 3 model entry)")
}

deny contains f if {
	count(cards) > 0
	some a in ai.deployed_artifacts
	not covered(a.path)
	f := {
		"msg": sprintf("model artifact %s has no model card: put MODEL_CARD.md in its folder or name it as `artifact:` in a card", [a.path]),
		"path": a.path,
		"key": sprintf("uncovered|%s", [a.path]),
	}
}

listed_models := m if {
	m := input.profile.ai.models
	is_array(m)
} else := []

deny contains f if {
	some m in listed_models
	not trim_prefix(m, "./") in ai.artifact_names
	f := {
		"msg": sprintf("product.ai.models lists %v, but no model artifact (weights, Git LFS pointer or DVC-tracked file) is there", [m]),
		"path": input.config.path,
		"line": profile.config_line("product.ai.models"),
		"key": sprintf("listed|%v", [m]),
	}
}

covered(path) if {
	some c in cards
	path in c.covers
}

deny contains f if {
	some c in cards
	count(c.missing_parts) > 0
	f := {
		"msg": sprintf("model card %s (%s) lacks: %s", [c.path, card_name(c), concat(", ", c.missing_parts)]),
		"path": c.path,
		"line": 1,
		"key": sprintf("parts|%s|%s", [c.path, card_name(c)]),
	}
}

card_name(c) := c.name if is_string(c.name) else := "unnamed model"
