package samdscan.mfds.lbl.ai_transparency_test

import data.samdscan.mfds.lbl.ai_transparency as p
import rego.v1

ai_on := {"ai": {"enabled": true}}

all_parts := {"ai_use": 1, "training_data": 4, "performance": 8, "limitations": 12}

fig(metric, value, tolerance, line, stated) := {"metric": metric, "value": value, "tolerance": tolerance, "ci_low": null, "ci_high": null, "stated": stated, "line": line}

labeling(figs) := {"path": "labeling/ai.md", "parts": all_parts, "figures": figs}

card := {"path": "models/MODEL_CARD.md", "version": "2.1.0", "covers": ["models/m.onnx"], "figures": [
	fig("auc", 0.962, 0.0005, 31, "AUROC 0.962 (95% CI 0.954-0.970)"),
	fig("sensitivity", 0.921, 0.0005, 31, "sensitivity 0.921"),
]}

report := {"path": "eval/2.1.0/metrics.json", "parsed": true, "model_version": "2.1.0", "figures": [
	fig("auc", 0.962, 0.0005, 8, "auroc 0.962"),
	fig("sensitivity", 0.921, 0.0005, 9, "sensitivity 0.921"),
	fig("specificity", 0.887, 0.0005, 10, "specificity 0.887"),
]}

scan(docs, cards, reports) := {"profile": ai_on, "ai": {
	"labeling": docs, "model_cards": cards, "evaluations": reports,
	"artifacts": [{"path": "models/m.onnx", "deployed": true}],
}}

test_labeling_with_the_released_figures_passes if {
	doc := labeling([fig("auc", 0.96, 0.005, 14, "AUROC 0.96"), fig("sensitivity", 0.921, 0.0005, 15, "민감도 92.1%")])
	count(p.deny) == 0 with input as scan([doc], [card], [report])
	count(p.not_evaluated) == 0 with input as scan([doc], [card], [report])
}

test_parts_and_figures_may_be_spread_over_documents if {
	a := {"path": "labeling/ai.md", "parts": {"ai_use": 1, "training_data": 4, "performance": null, "limitations": null}, "figures": []}
	b := {"path": "labeling/ifu.md", "parts": {"ai_use": null, "training_data": null, "performance": 2, "limitations": 9}, "figures": [fig("specificity", 0.887, 0.0005, 3, "특이도 0.887")]}
	count(p.deny) == 0 with input as scan([a, b], [card], [report])
}

test_a_figure_other_than_the_card_s_and_the_report_s_fails_naming_both if {
	doc := labeling([fig("auc", 0.97, 0.005, 14, "AUROC 0.97")])
	d := p.deny with input as scan([doc], [card], [report])
	msgs := {f.msg | some f in d}
	"the labeling's AUC 0.97 at labeling/ai.md:14 (\"AUROC 0.97\") is not the released model's 0.962 at models/MODEL_CARD.md:31 (\"AUROC 0.962 (95% CI 0.954-0.970)\")" in msgs
	"the labeling's AUC 0.97 at labeling/ai.md:14 (\"AUROC 0.97\") is not the released model's 0.962 at eval/2.1.0/metrics.json:8 (\"auroc 0.962\")" in msgs
	every f in d {
		f.path == "labeling/ai.md"
		f.line == 14
		contains(f.msg_ko, "표시기재의 AUC 0.97")
	}
}

test_only_the_released_model_s_report_is_compared if {
	old := object.union(report, {"path": "eval/2.0.0/metrics.json", "model_version": "2.0.0", "figures": [fig("auc", 0.95, 0.0005, 8, "auroc 0.95")]})
	doc := labeling([fig("auc", 0.962, 0.0005, 14, "AUROC 0.962")])
	count(p.deny) == 0 with input as scan([doc], [card], [report, old])
}

test_a_figure_nobody_gives_fails if {
	doc := labeling([fig("npv", 0.99, 0.005, 16, "NPV 0.99")])
	d := p.deny with input as scan([doc], [card], [report])
	some f in d
	f.key == "unbacked|labeling/ai.md|npv|0.99"
	contains(f.msg, "NPV 0.99")
}

test_labeling_without_figures_fails if {
	d := p.deny with input as scan([labeling([])], [card], [report])
	some f in d
	f.key == "no-figures"
	contains(f.msg_ko, "성능 수치")
}

test_no_figures_to_compare_with_is_not_evaluated if {
	doc := labeling([fig("auc", 0.96, 0.005, 14, "AUROC 0.96")])
	bare := object.union(card, {"figures": []})
	count(p.deny) == 0 with input as scan([doc], [bare], [])
	count(p.not_evaluated) == 1 with input as scan([doc], [bare], [])
}

test_missing_limitations_fail if {
	doc := object.union(labeling([]), {"parts": {"ai_use": 1, "training_data": 4, "performance": 8, "limitations": null}})
	d := p.deny with input as scan([doc], [card], [report])
	some f in d
	contains(f.msg, "limitations")
}

test_missing_labeling_fails if {
	count(p.deny) == 1 with input as {"profile": ai_on, "ai": {"labeling": []}, "config": {"path": null, "lines": {}}}
}
