# METADATA
# title: Foundation model identified and version-pinned
# description: |
#   MFDS's generative-AI guideline (2025-01-24) asks the application to state the software version,
#   operating environment and cloud services used. For a device built on a foundation model that
#   means naming the model, its provider and deployment mode, and pinning an exact version,
#   snapshot or weights hash: an alias such as `-latest` lets the provider change the approved
#   device without a change request.
# custom:
#   id: MFDS-GAI-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.genai.foundation_models, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Write `docs/ai/genai.yaml` with `foundation_model: {name, provider, revision, deployment}`,
#     where `revision` is a dated snapshot, commit or sha256, never `latest` or `main`.
#   references:
#     - {source: MFDS generative AI medical device approval and review guideline (2025-01-24), clause: "software version and operating environment"}
package samdscan.mfds.gai.foundation_model_pinned

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

models := ai.genai("foundation_models")

deny contains f if {
	count(models) == 0
	f := ai.missing("genai_config", "the product declares generative AI but no foundation-model configuration was found (docs/ai/genai.yaml)")
}

deny contains f if {
	some m in models
	not m.parsed
	f := {"msg": sprintf("%s cannot be read: %s", [m.path, object.get(m, "error", "unknown error")]), "path": m.path, "key": sprintf("unreadable|%s", [m.path])}
}

deny contains f if {
	some m in models
	m.parsed
	not m.pinned
	f := {"msg": sprintf("%s: foundation model not pinned: %s", [m.path, m.unpinned_because]), "path": m.path, "line": 1, "key": sprintf("unpinned|%s", [m.path])}
}

deny contains f if {
	some m in models
	m.parsed
	missing := [k | some k in ["provider", "deployment"]; not is_string(m[k])]
	count(missing) > 0
	f := {"msg": sprintf("%s does not state the foundation model's %s", [m.path, concat(" or ", missing)]), "path": m.path, "line": 1, "key": sprintf("fields|%s", [m.path])}
}
