# METADATA
# title: Performance evaluation with subgroup results
# description: |
#   Performance evidence is central to AI review (MFDS AI clinical-effectiveness guideline; GMLP 3
#   and 8). The evaluation report (`metrics.json` or similar) must parse, report metrics overall
#   with 95% confidence intervals and the sample size, and break results down by subgroup (sex, age
#   band, site, device vendor) so that a population the model fails is visible.
# custom:
#   ko:
#     title: "하위집단 결과를 포함한 성능 평가"
#     description: |
#       성능 근거는 AI 심사의 핵심입니다(식약처 AI 임상적 유효성 평가 가이드라인, GMLP 3·8). 성능 평가
#       보고서(`metrics.json` 등)는 읽을 수 있어야 하고, 95% 신뢰구간과 표본 수를 포함한 전체 지표를
#       보고하며, 결과를 하위집단(성별, 연령대, 기관, 장비 제조사)별로 나누어 모델이 실패하는 집단이 드러나야 합니다.
#     recommended_action: |
#       `eval/<model>/<version>/metrics.json`을 커밋하고, `overall` 지표는
#       `value`, `ci95`, `n`을 가진 객체로, `subgroups`는 속성(`sex`, `age`,
#       `site`, ...)과 집단별로 적으십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#     escalation: "표본 크기 누락은 경고이고, 그 밖의 모든 결함은 오류입니다."
#   id: MFDS-AI-004
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.evaluations, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   escalation: A missing sample size is a warning; everything else is an error.
#   recommended_action: |
#     Commit `eval/<model>/<version>/metrics.json` with `overall` metrics as objects carrying `value`,
#     `ci95` and `n`, and `subgroups` keyed by attribute (`sex`, `age`, `site`, ...) then by group.
#   references:
#     - {source: "MFDS AI clinical-effectiveness evaluation guideline (edition not verified)", title: "Endpoints, criteria and methods"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principles 3 and 8"}
#     - {source: "FDA AI-Enabled Device Software Functions draft guidance (2025-01-07)", title: "Performance validation"}
package samdscan.mfds.ai.performance_evaluation

import data.samdscan.lib.ai
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
