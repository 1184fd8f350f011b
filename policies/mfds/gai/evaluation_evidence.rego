# METADATA
# title: Generative-AI performance and clinical evaluation evidence
# description: |
#   The MFDS generative-AI guideline names LLM performance-verification metrics and clinical
#   evaluation scores as submission items. The evaluation evidence must cover hallucination, safety
#   (harmful output), clinical evaluation by qualified readers and repeat-run consistency, and must
#   name the pinned foundation-model version it evaluated, so that a report for another version
#   does not pass for this one.
# custom:
#   ko:
#     title: "생성형 AI 성능 및 임상 평가 근거"
#     description: |
#       식약처 생성형 AI 의료기기 허가·심사 가이드라인은 LLM 성능 검증 지표와 임상 평가 점수를 제출 항목으로
#       정합니다. 평가 근거는 환각(hallucination), 안전성(유해 출력), 자격 있는 판독자의 임상 평가, 반복
#       실행 일관성을 다루어야 하며, 평가한 고정(pinned) 파운데이션 모델 버전을 적어 다른 버전의 보고서가 이
#       버전의 근거로 통하지 않게 해야 합니다.
#     recommended_action: |
#       `eval/genai/<version>/report.md`(또는 JSON)를 커밋하여 환각, 안전성, 임상
#       평가(판독자, 평가 기준, 일치도), 일관성(반복 실행) 절을 두고 docs/ai/genai.yaml의 고정 모델
#       리비전을 적으십시오.
#     applies: "product.ai.generative인 생성형 인공지능 제품."
#   id: MFDS-GAI-003
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.genai.evaluations, ai.genai.foundation_models?, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Commit `eval/genai/<version>/report.md` (or JSON) with sections Hallucination, Safety, Clinical
#     evaluation (readers, rubric, agreement) and Consistency (repeat runs), naming the pinned model
#     revision from docs/ai/genai.yaml.
#   references:
#     - {source: "MFDS generative AI medical device approval/review guideline (2025-01-24)", title: "Performance verification and clinical evaluation"}
package samdscan.mfds.gai.evaluation_evidence

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

reports := ai.genai("evaluations")

deny contains f if {
	count(reports) == 0
	f := ai.missing_ko("genai_evaluation", "no generative-AI evaluation report found (hallucination, safety, clinical reader and consistency results, e.g. eval/genai/<version>/report.md)", "생성형 AI 평가 보고서가 없습니다(환각, 안전성, 임상 판독자, 일관성 결과; 예: eval/genai/<version>/report.md)")
}

deny contains f if {
	count(reports) > 0
	missing := ai.missing_everywhere(reports)
	count(missing) > 0
	f := {
		"msg": sprintf("the generative-AI evaluation covers no %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [r.path | some r in reports])]),
		"msg_ko": sprintf("생성형 AI 평가가 다음을 다루지 않습니다: %s (확인한 문서: %s)", [concat(", ", sort(missing)), concat(", ", [r.path | some r in reports])]),
		"path": reports[0].path,
		"line": 1,
		"key": "parts",
	}
}

pins := [m.revision | some m in ai.genai("foundation_models"); m.pinned; is_string(m.revision)]

deny contains f if {
	count(reports) > 0
	count(pins) > 0
	every r in reports {
		not r.names_pinned_model
	}
	f := {
		"msg": sprintf("no generative-AI evaluation report names the pinned foundation-model revision (%s): the evidence may be for another version", [concat(", ", pins)]),
		"msg_ko": sprintf("고정된 파운데이션 모델 리비전(%s)을 적은 생성형 AI 평가 보고서가 없습니다: 근거가 다른 버전에 대한 것일 수 있습니다", [concat(", ", pins)]),
		"path": reports[0].path,
		"line": 1,
		"key": "version",
	}
}
