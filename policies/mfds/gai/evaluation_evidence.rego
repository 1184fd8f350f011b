# METADATA
# title: Generative-AI performance and clinical evaluation evidence
# description: |
#   The MFDS generative-AI guideline names LLM performance-verification metrics and clinical
#   evaluation scores as submission items. The evaluation evidence must cover hallucination, safety
#   (harmful output), clinical evaluation by qualified readers and repeat-run consistency, and must
#   name the pinned foundation-model version it evaluated, so that a report for another version
#   does not pass for this one.
# custom:
#   id: MFDS-GAI-003
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.genai.evaluations, ai.genai.foundation_models?, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Commit `eval/genai/<version>/report.md` (or JSON) with sections Hallucination, Safety, Clinical
#     evaluation (readers, rubric, agreement) and Consistency (repeat runs), naming the pinned model
#     revision from docs/ai/genai.yaml.
#   references:
#     - {source: MFDS generative AI medical device approval and review guideline (2025-01-24), clause: "performance verification and clinical evaluation"}
package samdscan.mfds.gai.evaluation_evidence

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

reports := ai.genai("evaluations")

deny contains f if {
	count(reports) == 0
	f := ai.missing("genai_evaluation", "no generative-AI evaluation report found (hallucination, safety, clinical reader and consistency results, e.g. eval/genai/<version>/report.md)")
}

deny contains f if {
	count(reports) > 0
	missing := ai.missing_everywhere(reports)
	count(missing) > 0
	f := {
		"msg": sprintf("the generative-AI evaluation covers no %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [r.path | some r in reports])]),
		"path": reports[0].path,
		"line": 1,
		"key": "parts",
	}
}

pins := [m.revision | some m in ai.genai("foundation_models"); m.pinned; is_string(m.revision)]

deny contains f if {
	count(reports) > 0
	count(pins) > 0
	every r in reports {
		not r.names_pinned_model
	}
	f := {
		"msg": sprintf("no generative-AI evaluation report names the pinned foundation-model revision (%s): the evidence may be for another version", [concat(", ", pins)]),
		"path": reports[0].path,
		"line": 1,
		"key": "version",
	}
}
