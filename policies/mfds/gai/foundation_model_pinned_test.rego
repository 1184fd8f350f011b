package samdscan.mfds.gai.foundation_model_pinned_test

import data.samdscan.mfds.gai.foundation_model_pinned as p
import rego.v1

gen := {"ai": {"enabled": true, "generative": true}}

pinned := {"path": "docs/ai/genai.yaml", "parsed": true, "name": "medllm", "provider": "Acme", "deployment": "api", "revision": "2026-03-01", "pinned": true}

test_pinned_model_passes if {
	count(p.deny) == 0 with input as {"profile": gen, "ai": {"genai": {"foundation_models": [pinned]}}}
}

test_not_applicable_unless_generative if {
	p.applicable == false with input as {"profile": {"ai": {"enabled": true}}}
}

test_unpinned_and_incomplete_fail if {
	m := object.union(pinned, {"pinned": false, "unpinned_because": "`medllm-latest` is a moving alias", "provider": null})
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"foundation_models": [m]}}}
	{f.key | some f in d} == {"unpinned|docs/ai/genai.yaml", "fields|docs/ai/genai.yaml"}
}

test_missing_config_fails if {
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"foundation_models": []}}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	count(d) == 1
}

# The fields are absent, not null: reported all the same (under OPA too).
test_absent_provider_and_deployment_fail if {
	m := object.remove(pinned, ["provider", "deployment"])
	d := p.deny with input as {"profile": gen, "ai": {"genai": {"foundation_models": [m]}}}
	some f in d
	f.key == "fields|docs/ai/genai.yaml"
	contains(f.msg, "provider or deployment")
}
