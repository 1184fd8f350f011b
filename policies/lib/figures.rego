# Performance figures of the released model, shared by MFDS-LBL-002 (the labeling's figures are
# the model card's and the evaluation report's) and MFDS-AI-004 (the card's are the report's, and
# the report's meet the plans' acceptance criteria). The figures themselves are read by samdscan
# (`figures` of labeling, model cards and evaluation reports; `criteria` of change control and
# verification plans); this compares them.
package samdscan.lib.figures

import data.samdscan.lib.ai
import rego.v1

# The model cards of the released model: those covering a deployed artifact, else every card.
released_cards := cards if {
	cards := [c | some c in ai.list("model_cards"); covers_deployed(c)]
	count(cards) > 0
} else := ai.list("model_cards")

covers_deployed(card) if {
	some a in ai.deployed_artifacts
	some n in ai.names(a)
	n in card.covers
}

# A version as compared: no surrounding blanks or leading `v`.
clean(v) := trim_prefix(trim_prefix(trim_space(v), "v"), "V")

released_versions := {clean(c.version) | some c in released_cards; is_string(c.version)}

readable_evaluations := [e | some e in ai.list("evaluations"); e.parsed]

# The evaluation reports of the released model: of a released card's version, else (no card
# states a version) every readable report.
released_evaluations := [e | some e in readable_evaluations; of_released_version(e)] if count(released_versions) > 0

else := readable_evaluations

of_released_version(e) if {
	is_string(e.model_version)
	clean(e.model_version) in released_versions
}

# The figures of a record (none when it has no `figures`).
of(record) := object.get(record, "figures", [])

# Each figure of `records` once per file, metric and value (the first line stating it), with
# the file's path.
distinct(records) := [object.union(f, {"path": r.path}) |
	some r in records
	some f in of(r)
	not stated_earlier(f, of(r))
]

stated_earlier(f, figures) if {
	some g in figures
	g.metric == f.metric
	g.value == f.value
	g.line < f.line
}

# The figures of `record` for `metric`.
for_metric(record, metric) := [f | some f in of(record); f.metric == metric]

# Two statements of one figure agree within the rounding of the less precise.
same(a, b) if abs(a.value - b.value) <= max([a.tolerance, b.tolerance]) + 1.0e-9

agrees_with_one(f, figures) if {
	some g in figures
	same(f, g)
}

# The acceptance criteria of the change control and verification plans, with their paths.
criteria := [object.union(c, {"path": p.path}) |
	some p in array.concat(ai.list("change_plans"), ai.list("verification_plans"))
	some c in object.get(p, "criteria", [])
]

# The value a criterion judges in a figure: the estimate, or the interval's lower bound.
judged_value(criterion, figure) := figure.value if criterion.bound == "estimate"

judged_value(criterion, figure) := figure.ci_low if {
	criterion.bound == "ci_lower"
	is_number(figure.ci_low)
}

meets(criterion, value) if {
	criterion.inclusive
	value >= criterion.threshold - 1.0e-9
}

meets(criterion, value) if {
	not criterion.inclusive
	value > criterion.threshold
}

# How a metric is named in a message.
label := {
	"sensitivity": "sensitivity", "specificity": "specificity", "auc": "AUC", "auprc": "AUPRC",
	"ppv": "PPV", "npv": "NPV", "accuracy": "accuracy", "f1": "F1", "dice": "Dice",
}

label_ko := {
	"sensitivity": "민감도", "specificity": "특이도", "auc": "AUC", "auprc": "AUPRC",
	"ppv": "양성예측도", "npv": "음성예측도", "accuracy": "정확도", "f1": "F1 점수", "dice": "Dice 계수",
}

# Where a figure is stated, and how: `models/x/MODEL_CARD.md:31 ("AUROC 0.962")`.
at(f) := sprintf("%s:%d (\"%s\")", [f.path, f.line, f.stated])
