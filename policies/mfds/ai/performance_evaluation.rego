# METADATA
# title: Performance evaluation with subgroup results
# description: |
#   Performance evidence is central to AI review (MFDS AI clinical-effectiveness guideline; GMLP 3
#   and 8). The evaluation report (`metrics.json` or similar) must parse, report metrics overall
#   with 95% confidence intervals and the sample size, and break results down by subgroup (sex, age
#   band, site, device vendor) so that a population the model fails is visible. The report of the
#   released model's version is then compared: each figure the model card of the deployed model
#   states (sensitivity, specificity, AUC, PPV, NPV, accuracy, F1, Dice) must equal the report's
#   (to the rounding of the less precise), and the report's figures must meet the acceptance
#   criteria of the change control plan (PCCP) or the verification plan (`sensitivity >= 0.90`,
#   `AUROC lower 95% CI bound >= 0.94`, `민감도 0.90 이상`). A card that states no figure, a
#   criterion with no figure to judge, and plans that state no criterion are findings.
# custom:
#   ko:
#     title: "하위집단 결과를 포함한 성능 평가"
#     description: |
#       성능 근거는 AI 심사의 핵심입니다(식약처 AI 임상적 유효성 평가 가이드라인, GMLP 3·8). 성능 평가
#       보고서(`metrics.json` 등)는 읽을 수 있어야 하고, 95% 신뢰구간과 표본 수를 포함한 전체 지표를
#       보고하며, 결과를 하위집단(성별, 연령대, 기관, 장비 제조사)별로 나누어 모델이 실패하는 집단이 드러나야 합니다.
#       이어서 출시된 모델 버전의 보고서를 비교합니다: 배포된 모델의 모델 카드가 밝힌 각 수치(민감도, 특이도, AUC,
#       양성예측도, 음성예측도, 정확도, F1, Dice)는 보고서의 수치와 같아야 하고(덜 정밀한 쪽의 반올림 범위 안),
#       보고서의 수치는 변경관리계획(PCCP)이나 검증 계획의 허용 기준(`sensitivity >= 0.90`,
#       `AUROC lower 95% CI bound >= 0.94`, `민감도 0.90 이상`)을 충족해야 합니다. 수치가 없는 모델 카드,
#       판단할 수치가 없는 기준, 기준이 하나도 없는 계획은 지적 사항입니다.
#     recommended_action: |
#       `eval/<model>/<version>/metrics.json`을 커밋하고, `overall` 지표는
#       `value`, `ci95`, `n`을 가진 객체로, `subgroups`는 속성(`sex`, `age`,
#       `site`, ...)과 집단별로 적으십시오. 모델 카드에는 그 보고서의 수치를 그대로 적고,
#       변경관리계획이나 검증 계획에 허용 기준(`민감도 0.90 이상`)을 밝히십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#     escalation: "표본 크기 누락, 수치가 없는 모델 카드, 허용 기준이 없는 계획은 경고이고, 그 밖의 모든 결함은 오류입니다."
#   id: MFDS-AI-004
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.evaluations, profile.ai, ai.model_cards?, ai.change_plans?, ai.verification_plans?]
#   presence: true
#   applies: Products with product.ai.enabled.
#   escalation: A missing sample size, a model card without figures and plans without acceptance criteria are warnings; everything else is an error.
#   recommended_action: |
#     Commit `eval/<model>/<version>/metrics.json` with `overall` metrics as objects carrying `value`,
#     `ci95` and `n`, and `subgroups` keyed by attribute (`sex`, `age`, `site`, ...) then by group.
#     State the report's figures in the model card as they are, and the acceptance criteria
#     (`sensitivity >= 0.90`) in the change control plan or the verification plan.
#   references:
#     - {source: "MFDS AI clinical-effectiveness evaluation guideline (edition not verified)", title: "Endpoints, criteria and methods"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principles 3 and 8"}
#     - {source: "FDA AI-Enabled Device Software Functions draft guidance (2025-01-07)", title: "Performance validation"}
package samdscan.mfds.ai.performance_evaluation

import data.samdscan.lib.ai
import data.samdscan.lib.figures
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

evaluations := ai.list("evaluations")

readable := [e | some e in evaluations; e.parsed]

deny contains f if {
	count(evaluations) == 0
	f := ai.missing_ko("model_evaluation", "no performance evaluation report found (e.g. eval/<model>/<version>/metrics.json)", "성능 평가 보고서가 없습니다(예: eval/<model>/<version>/metrics.json)")
}

deny contains f if {
	some e in evaluations
	not e.parsed
	f := {"msg_ko": sprintf("성능 평가 보고서 %s을(를) 읽을 수 없습니다: %s", [e.path, object.get(e, "error", "unknown error")]), "msg": sprintf("evaluation report %s cannot be read: %s", [e.path, object.get(e, "error", "unknown error")]), "path": e.path, "key": sprintf("unreadable|%s", [e.path])}
}

deny contains f if {
	count(readable) > 0
	every e in readable {
		count(e.subgroup_attributes) == 0
	}
	f := {
		"msg": sprintf("no evaluation report has subgroup results (a `subgroups` object keyed by sex, age, site...); checked %s", [concat(", ", [e.path | some e in readable])]),
		"msg_ko": sprintf("하위집단 결과(성별, 연령, 기관 등을 키로 하는 `subgroups` 객체)가 있는 평가 보고서가 없습니다; 확인한 문서: %s", [concat(", ", [e.path | some e in readable])]),
		"path": readable[0].path,
		"key": "no-subgroups",
	}
}

deny contains f if {
	some e in readable
	count(e.overall_metrics) == 0
	f := {"msg_ko": sprintf("성능 평가 보고서 %s에 전체 지표가 없습니다", [e.path]), "msg": sprintf("evaluation report %s has no overall metrics", [e.path]), "path": e.path, "key": sprintf("no-metrics|%s", [e.path])}
}

deny contains f if {
	some e in readable
	count(e.metrics_without_ci) > 0
	f := {
		"msg": sprintf("evaluation report %s gives no confidence interval for: %s", [e.path, concat(", ", e.metrics_without_ci)]),
		"msg_ko": sprintf("성능 평가 보고서 %s에 신뢰구간이 없는 지표: %s", [e.path, concat(", ", e.metrics_without_ci)]),
		"path": e.path,
		"key": sprintf("no-ci|%s", [e.path]),
	}
}

deny contains f if {
	some e in readable
	count(e.overall_metrics) > 0
	not e.sample_size_reported
	f := {"msg_ko": sprintf("성능 평가 보고서 %s에 표본 수(n)가 없습니다", [e.path]), "msg": sprintf("evaluation report %s does not state the sample size (n)", [e.path]), "path": e.path, "key": sprintf("no-n|%s", [e.path]), "level": "warning"}
}

# The released model's cards and reports, and the reports that state figures.
cards := figures.released_cards

reports := [e | some e in figures.released_evaluations; count(figures.of(e)) > 0]

deny contains f if {
	some card_figure in figures.distinct(cards)
	some e in reports
	given := figures.for_metric(e, card_figure.metric)
	count(given) > 0
	not figures.agrees_with_one(card_figure, given)
	g := object.union(given[0], {"path": e.path})
	f := {
		"msg": sprintf("the model card's %s %v at %s is not the evaluation report's %v at %s", [figures.label[card_figure.metric], card_figure.value, figures.at(card_figure), g.value, figures.at(g)]),
		"msg_ko": sprintf("모델 카드의 %s %v(%s)이(가) 성능 평가 보고서의 %v(%s)와(과) 다릅니다", [figures.label_ko[card_figure.metric], card_figure.value, figures.at(card_figure), g.value, figures.at(g)]),
		"path": card_figure.path,
		"line": card_figure.line,
		"key": sprintf("card-differs|%s|%s|%v|%s", [card_figure.path, card_figure.metric, card_figure.value, e.path]),
	}
}

deny contains f if {
	count(reports) > 0
	some c in cards
	c.source == "markdown"
	count(figures.of(c)) == 0
	f := {
		"msg": sprintf("the model card %s states no performance figure (sensitivity, specificity, AUC... as 0.93 or 93%%) to compare with %s", [c.path, concat(", ", [e.path | some e in reports])]),
		"msg_ko": sprintf("모델 카드 %s에 %s와(과) 비교할 성능 수치(민감도, 특이도, AUC 등; 0.93 또는 93%% 형식)가 없습니다", [c.path, concat(", ", [e.path | some e in reports])]),
		"path": c.path,
		"key": sprintf("card-no-figures|%s", [c.path]),
		"level": "warning",
	}
}

# The released figures of a metric: the reports', else the cards'.
achieved(metric) := a if {
	a := [object.union(g, {"path": e.path}) | some e in reports; some g in figures.for_metric(e, metric)]
	count(a) > 0
} else := [object.union(g, {"path": c.path}) | some c in cards; some g in figures.for_metric(c, metric)]

deny contains f if {
	some k in figures.criteria
	count(achieved(k.metric)) == 0
	f := {
		"msg": sprintf("%s:%d sets the acceptance criterion \"%s\", but no evaluation report or model card of the released model states its %s", [k.path, k.line, k.stated, figures.label[k.metric]]),
		"msg_ko": sprintf("%s:%d이(가) 허용 기준 \"%s\"을(를) 정하지만, 출시된 모델의 성능 평가 보고서나 모델 카드 어디에도 %s 수치가 없습니다", [k.path, k.line, k.stated, figures.label_ko[k.metric]]),
		"path": k.path,
		"line": k.line,
		"key": sprintf("criterion-unjudged|%s|%s|%v", [k.path, k.metric, k.threshold]),
	}
}

deny contains f if {
	some k in figures.criteria
	a := achieved(k.metric)[0]
	not figures.judged_value(k, a)
	f := {
		"msg": sprintf("%s:%d sets the acceptance criterion \"%s\" on the lower bound of the confidence interval, but %s gives no interval", [k.path, k.line, k.stated, figures.at(a)]),
		"msg_ko": sprintf("%s:%d의 허용 기준 \"%s\"은(는) 신뢰구간 하한에 대한 것이지만 %s에 신뢰구간이 없습니다", [k.path, k.line, k.stated, figures.at(a)]),
		"path": k.path,
		"line": k.line,
		"key": sprintf("criterion-no-interval|%s|%s|%v", [k.path, k.metric, k.threshold]),
	}
}

deny contains f if {
	some k in figures.criteria
	a := achieved(k.metric)[0]
	value := figures.judged_value(k, a)
	not figures.meets(k, value)
	f := {
		"msg": sprintf("the released model's %s %v at %s does not meet the acceptance criterion \"%s\" of %s:%d", [figures.label[k.metric], value, figures.at(a), k.stated, k.path, k.line]),
		"msg_ko": sprintf("출시된 모델의 %s %v(%s)이(가) %s:%d의 허용 기준 \"%s\"을(를) 충족하지 않습니다", [figures.label_ko[k.metric], value, figures.at(a), k.path, k.line, k.stated]),
		"path": a.path,
		"line": a.line,
		"key": sprintf("criterion-unmet|%s|%s|%v", [k.path, k.metric, k.threshold]),
	}
}

deny contains f if {
	count(reports) > 0
	count(figures.criteria) == 0
	plans := [p.path | some p in array.concat(ai.list("change_plans"), ai.list("verification_plans"))]
	f := {
		"msg": sprintf("no change control plan or verification plan states an acceptance criterion (e.g. \"sensitivity >= 0.90\") for the figures of %s%s", [concat(", ", [e.path | some e in reports]), plans_checked(plans)]),
		"msg_ko": sprintf("%s의 수치에 대한 허용 기준(예: \"민감도 0.90 이상\")을 밝힌 변경관리계획이나 검증 계획이 없습니다%s", [concat(", ", [e.path | some e in reports]), plans_checked_ko(plans)]),
		"path": reports[0].path,
		"key": "no-criteria",
		"level": "warning",
	}
}

plans_checked(plans) := sprintf(" (checked %s)", [concat(", ", plans)]) if count(plans) > 0

else := ""

plans_checked_ko(plans) := sprintf("(확인한 문서: %s)", [concat(", ", plans)]) if count(plans) > 0

else := ""
