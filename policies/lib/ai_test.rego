package samdscan.lib.ai_test

import data.samdscan.lib.ai
import rego.v1

test_deployed_artifacts_only if {
	d := ai.deployed_artifacts with input as {"ai": {"artifacts": [{"path": "a.onnx", "deployed": true}, {"path": "dvc.lock", "deployed": false}]}}
	count(d) == 1
}

test_missing_everywhere_is_the_intersection if {
	docs := [{"parts": {"a": 1, "b": null, "c": null}}, {"parts": {"a": null, "b": 3, "c": null}}]
	ai.missing_everywhere(docs) == {"c"}
}

test_missing_prefers_the_evidence_setting_then_product_ai if {
	a := ai.missing("datasheet", "no datasheet") with input as {"config": {"path": ".samdscan.yaml", "lines": {"evidence.datasheet": 9, "product.ai": 4}}}
	a == {"path": ".samdscan.yaml", "line": 9, "msg": "no datasheet", "key": "missing"}
	b := ai.missing("datasheet", "no datasheet") with input as {"config": {"path": ".samdscan.yaml", "lines": {"product.ai": 4}}}
	b.line == 4
}

test_absent_section_is_empty if {
	ai.list("model_cards") == [] with input as {}
}

test_dvc_outputs_are_artifact_names if {
	names := ai.artifact_names with input as {"ai": {"artifacts": [{"path": "m.onnx.dvc", "dvc_outputs": [{"path": "m.onnx"}]}]}}
	names == {"m.onnx.dvc", "m.onnx"}
}
