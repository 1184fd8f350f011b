package samdscan.mfds.ai.model_change_control_test

import data.samdscan.mfds.ai.model_change_control as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

evidence := {
	"artifacts": [{"path": "models/cxr.onnx", "deployed": true, "dvc_outputs": []}],
	"model_cards": [{"path": "models/MODEL_CARD.md", "covers": ["models/cxr.onnx"]}],
	"evaluations": [{"path": "eval/metrics.json"}],
}

commit(id, changes) := {"short_id": id, "changes": changes}

history(cs) := {"available": true, "truncated": false, "commits": cs}

test_model_change_with_card_and_evaluation_passes if {
	h := history([commit("abc1234", [
		{"path": "models/cxr.onnx", "status": "modified"},
		{"path": "models/MODEL_CARD.md", "status": "modified"},
		{"path": "eval/metrics.json", "status": "modified"},
	])])
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": evidence, "history": h}
}

test_new_model_is_fine if {
	h := history([commit("abc1234", [{"path": "models/cxr.onnx", "status": "added"}])])
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": evidence, "history": h}
}

test_silent_model_change_fails_twice if {
	h := history([commit("def5678", [{"path": "models/cxr.onnx", "status": "modified"}])])
	d := p.deny with input as {"profile": ai_on, "ai": evidence, "history": h}
	{f.key | some f in d} == {"card|models/cxr.onnx", "evaluation|models/cxr.onnx"}
	some f in d
	contains(f.msg, "def5678")
}

test_not_evaluated_without_history if {
	count(p.not_evaluated) == 1 with input as {"profile": ai_on, "ai": evidence}
	count(p.not_evaluated) == 1 with input as {"profile": ai_on, "ai": evidence, "history": {"available": false, "reason": "not a git work tree", "truncated": false}}
	count(p.not_evaluated) == 0 with input as {"profile": ai_on, "ai": evidence, "history": history([])}
}
