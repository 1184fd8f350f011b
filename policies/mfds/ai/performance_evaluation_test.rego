package samdscan.mfds.ai.performance_evaluation_test

import data.samdscan.mfds.ai.performance_evaluation as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

good := {"path": "eval/cxr/2.1.0/metrics.json", "parsed": true, "overall_metrics": ["auroc"], "metrics_without_ci": [], "sample_size_reported": true, "subgroup_attributes": ["age", "sex"]}

test_complete_evaluation_passes if {
	count(p.deny) == 0 with input as {"profile": ai_on, "ai": {"evaluations": [good]}}
}

test_no_subgroups_no_ci_no_n_fail if {
	bad := object.union(good, {"subgroup_attributes": [], "metrics_without_ci": ["auroc"], "sample_size_reported": false})
	d := p.deny with input as {"profile": ai_on, "ai": {"evaluations": [bad]}}
	keys := {f.key | some f in d}
	keys == {"no-subgroups", "no-ci|eval/cxr/2.1.0/metrics.json", "no-n|eval/cxr/2.1.0/metrics.json"}
	some f in d
	f.level == "warning"
}

test_missing_evaluation_fails if {
	d := p.deny with input as {"profile": ai_on, "ai": {"evaluations": []}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	count(d) == 1
}

fig(metric, value, tolerance, line, stated) := {"metric": metric, "value": value, "tolerance": tolerance, "ci_low": null, "ci_high": null, "stated": stated, "line": line}

released := object.union(good, {"model_version": "2.1.0", "figures": [
	object.union(fig("auc", 0.962, 0.0005, 7, "auroc 0.962"), {"ci_low": 0.954}),
	fig("sensitivity", 0.921, 0.0005, 8, "sensitivity 0.921"),
]})

card(figs) := {"path": "models/cxr/MODEL_CARD.md", "source": "markdown", "version": "2.1.0", "covers": ["models/cxr/cxr.onnx"], "figures": figs}

criterion(metric, threshold, bound, stated) := {"metric": metric, "threshold": threshold, "inclusive": true, "bound": bound, "stated": stated, "line": 12}

with_figures(cards, criteria) := {"profile": ai_on, "ai": {
	"evaluations": [released],
	"model_cards": cards,
	"artifacts": [{"path": "models/cxr/cxr.onnx", "deployed": true}],
	"change_plans": [{"path": "docs/ai/pccp.md", "criteria": criteria}],
	"verification_plans": [],
}}

good_card := card([fig("auc", 0.962, 0.0005, 30, "AUROC 0.962"), fig("sensitivity", 0.92, 0.005, 30, "sensitivity 92%")])

test_a_card_and_report_that_agree_and_meet_the_criteria_pass if {
	criteria := [criterion("auc", 0.94, "ci_lower", "AUROC lower 95% CI bound >= 0.94"), criterion("sensitivity", 0.9, "estimate", "민감도 0.90 이상")]
	count(p.deny) == 0 with input as with_figures([good_card], criteria)
}

test_a_card_figure_other_than_the_report_s_fails_naming_both if {
	c := card([fig("sensitivity", 0.93, 0.005, 30, "sensitivity 0.93")])
	d := p.deny with input as with_figures([c], [criterion("auc", 0.94, "estimate", "AUROC >= 0.94")])
	msgs := {f.msg | some f in d}
	msgs == {"the model card's sensitivity 0.93 at models/cxr/MODEL_CARD.md:30 (\"sensitivity 0.93\") is not the evaluation report's 0.921 at eval/cxr/2.1.0/metrics.json:8 (\"sensitivity 0.921\")"}
}

test_an_unmet_criterion_fails_at_the_report if {
	d := p.deny with input as with_figures([good_card], [criterion("sensitivity", 0.95, "estimate", "sensitivity >= 0.95")])
	some f in d
	f.key == "criterion-unmet|docs/ai/pccp.md|sensitivity|0.95"
	f.path == "eval/cxr/2.1.0/metrics.json"
	f.line == 8
	f.msg == "the released model's sensitivity 0.921 at eval/cxr/2.1.0/metrics.json:8 (\"sensitivity 0.921\") does not meet the acceptance criterion \"sensitivity >= 0.95\" of docs/ai/pccp.md:12"
	contains(f.msg_ko, "민감도 0.921")
}

test_a_criterion_on_the_lower_bound_judges_the_interval if {
	d := p.deny with input as with_figures([good_card], [criterion("auc", 0.96, "ci_lower", "AUROC lower 95% CI bound >= 0.96")])
	some f in d
	contains(f.msg, "AUC 0.954")
	e := p.deny with input as with_figures([good_card], [criterion("sensitivity", 0.9, "ci_lower", "sensitivity lower bound >= 0.90")])
	some g in e
	g.key == "criterion-no-interval|docs/ai/pccp.md|sensitivity|0.9"
}

test_a_criterion_without_a_figure_and_no_criteria_at_all_fail if {
	d := p.deny with input as with_figures([good_card], [criterion("dice", 0.8, "estimate", "Dice >= 0.80")])
	{f.key | some f in d} == {"criterion-unjudged|docs/ai/pccp.md|dice|0.8"}
	e := p.deny with input as with_figures([good_card], [])
	some g in e
	g.key == "no-criteria"
	g.level == "warning"
}

test_a_card_without_figures_is_a_warning if {
	d := p.deny with input as with_figures([card([])], [criterion("auc", 0.94, "estimate", "AUROC >= 0.94")])
	some f in d
	f.key == "card-no-figures|models/cxr/MODEL_CARD.md"
	f.level == "warning"
}
