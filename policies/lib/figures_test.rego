package samdscan.lib.figures_test

import data.samdscan.lib.figures
import rego.v1

fig(metric, value, tolerance, line) := {"metric": metric, "value": value, "tolerance": tolerance, "ci_low": null, "ci_high": null, "stated": sprintf("%s %v", [metric, value]), "line": line}

card(path, version, covers, figs) := {"path": path, "version": version, "covers": covers, "figures": figs}

ai(cards, evaluations) := {"ai": {
	"artifacts": [{"path": "models/m.onnx", "deployed": true}, {"path": "models/old.onnx", "deployed": false}],
	"model_cards": cards,
	"evaluations": evaluations,
	"change_plans": [{"path": "docs/ai/pccp.md", "criteria": [{"metric": "auc", "threshold": 0.94, "inclusive": true, "bound": "ci_lower", "line": 3}]}],
	"verification_plans": [],
}}

test_released_cards_and_evaluations_follow_the_deployed_artifact if {
	cards := [card("models/MODEL_CARD.md", "v2.1.0", ["models/m.onnx"], []), card("models/OLD_CARD.md", "1.0.0", ["models/old.onnx"], [])]
	evals := [{"path": "eval/2.1.0/metrics.json", "parsed": true, "model_version": "2.1.0"}, {"path": "eval/1.0.0/metrics.json", "parsed": true, "model_version": "1.0.0"}, {"path": "eval/x.json", "parsed": false}]
	[c.path | some c in figures.released_cards] == ["models/MODEL_CARD.md"] with input as ai(cards, evals)
	[e.path | some e in figures.released_evaluations] == ["eval/2.1.0/metrics.json"] with input as ai(cards, evals)
}

test_without_versions_every_readable_report_is_the_released_models if {
	evals := [{"path": "a.json", "parsed": true, "model_version": null}, {"path": "b.json", "parsed": true}]
	count(figures.released_evaluations) == 2 with input as ai([card("MODEL_CARD.md", null, [], [])], evals)
}

test_figures_agree_within_the_rounding_of_the_less_precise if {
	figures.same(fig("sensitivity", 0.92, 0.005, 1), fig("sensitivity", 0.921, 0.0005, 2))
	not figures.same(fig("sensitivity", 0.93, 0.005, 1), fig("sensitivity", 0.921, 0.0005, 2))
}

test_a_figure_stated_twice_counts_once if {
	doc := {"path": "l.md", "figures": [fig("auc", 0.96, 0.005, 4), fig("auc", 0.96, 0.005, 9), fig("auc", 0.95, 0.005, 12)]}
	[[f.line, f.path] | some f in figures.distinct([doc])] == [[4, "l.md"], [12, "l.md"]]
}

test_criteria_judge_the_estimate_or_the_lower_bound if {
	some c in figures.criteria with input as ai([], [])
	c.path == "docs/ai/pccp.md"
	f := object.union(fig("auc", 0.962, 0.0005, 3), {"ci_low": 0.954})
	figures.meets(c, figures.judged_value(c, f))
	not figures.meets(c, figures.judged_value(c, object.union(f, {"ci_low": 0.93})))
	not figures.judged_value(c, fig("auc", 0.962, 0.0005, 3))
	strict := {"inclusive": false, "threshold": 0.9, "bound": "estimate"}
	not figures.meets(strict, 0.9)
	figures.meets(strict, 0.91)
}
