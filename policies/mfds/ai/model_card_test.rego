package samdscan.mfds.ai.model_card_test

import data.samdscan.mfds.ai.model_card as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

full_card := {"path": "models/cxr/MODEL_CARD.md", "name": "cxr", "covers": ["models/cxr/cxr.onnx"], "missing_parts": []}

artifact := {"path": "models/cxr/cxr.onnx", "deployed": true}

test_complete_card_passes if {
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"artifacts": [artifact], "model_cards": [full_card]}}
}

test_not_applicable_without_ai if {
	p.applicable == false with input as {"profile": {"ai": {"enabled": false}}}
	count(p.not_applicable_because) == 1 with input as {"profile": {"ai": {"enabled": false}}}
}

test_no_card_fails if {
	d := p.deny with input as {"profile": ai_on, "ai": {"artifacts": [artifact], "model_cards": []}, "config": {"path": ".samdscan.yaml", "lines": {"product.ai": 7}}}
	some f in d
	f.key == "missing"
	f.line == 7
}

test_uncovered_artifact_and_missing_parts_fail if {
	card := object.union(full_card, {"covers": [], "missing_parts": ["limitations", "human_oversight"]})
	d := p.deny with input as {"profile": ai_on, "ai": {"artifacts": [artifact], "model_cards": [card]}}
	count(d) == 2
	some f in d
	f.path == "models/cxr/cxr.onnx"
	some g in d
	contains(g.msg, "limitations, human_oversight")
}

test_listed_model_that_is_absent_fails if {
	profile := {"ai": {"enabled": true, "models": ["models/cxr/cxr.onnx", "models/gone.onnx"]}}
	d := p.deny with input as {"profile": profile, "ai": {"artifacts": [artifact], "model_cards": [full_card]}, "config": {"path": ".samdscan.yaml", "lines": {"product.ai.models": 9}}}
	count(d) == 1
	some f in d
	f.key == "listed|models/gone.onnx"
	f.line == 9
}
