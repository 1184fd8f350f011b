# METADATA
# title: AI transparency in the product information
# description: |
#   The MFDS labeling guideline (2025-11-06) requires AI digital medical devices to give users
#   training-data information, expected performance and known limitations, and to update them when
#   the software version changes. The labeling or instructions for use must say that AI is used and
#   summarise its training data, performance and limitations (including populations not studied).
#   The performance it states must be the released model's: samdscan reads the figures
#   (sensitivity, specificity, AUC, PPV, NPV, accuracy, F1, Dice; 민감도, 특이도, 양성예측도, 정확도...,
#   as 0.93, 93% or 93.0 %, an interval's point estimate) in the labeling, the model card of the
#   deployed model and the evaluation report of its version, and each figure of the labeling must
#   equal theirs (to the rounding of the less precise). Labeling that states no figure, or a
#   figure neither gives, is a finding; with no card or report stating figures, the comparison is
#   not evaluated.
# custom:
#   ko:
#     title: "제품 정보의 AI 투명성"
#     description: |
#       식약처 디지털의료기기 표시기재 가이드라인(2025-11-06)은 AI 디지털의료기기가 사용자에게 학습 데이터 정보,
#       기대 성능, 알려진 한계를 제공하고 소프트웨어 버전이 바뀌면 이를 갱신하도록 요구합니다. 표시기재 또는 사용설명서는
#       AI를 사용한다는 사실을 밝히고 학습 데이터, 성능, 한계(연구되지 않은 집단 포함)를 요약해야 합니다.
#       표시기재의 성능은 출시된 모델의 것이어야 합니다: samdscan은 표시기재, 배포된 모델의 모델 카드, 그 버전의
#       성능 평가 보고서에서 성능 수치(민감도, 특이도, AUC, 양성예측도, 음성예측도, 정확도, F1, Dice; 0.93,
#       93%, 93.0 % 형식, 신뢰구간은 점추정치)를 읽고, 표시기재의 각 수치가 그 수치와 같은지(덜 정밀한 쪽의
#       반올림 범위 안) 확인합니다. 수치가 없는 표시기재나, 모델 카드와 보고서 어디에도 없는 수치는 지적 사항이며,
#       수치를 밝힌 모델 카드나 보고서가 없으면 비교는 평가되지 않습니다.
#     recommended_action: |
#       표시기재(`labeling/ai-transparency.md` 또는 사용설명서)에 AI 절을 추가하고, 모델 카드의
#       수치를 사용하여 AI 사용, 학습 데이터, 성능, 한계 제목을 두십시오. 성능 절에는 출시된 모델의 모델 카드와
#       성능 평가 보고서의 수치를 그대로(예: `민감도 0.921 (95% 신뢰구간 0.902-0.938)`) 적고, 모델을
#       바꿀 때마다 함께 갱신하십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#   id: MFDS-LBL-002
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.labeling, profile.ai, ai.model_cards?, ai.evaluations?]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Add an AI section to the labeling (`labeling/ai-transparency.md` or the IFU) with headings for
#     the use of AI, Training data, Performance and Limitations. State in Performance the figures of
#     the released model's card and evaluation report as they are (e.g. `sensitivity 0.921 (95% CI
#     0.902-0.938)`), and update them with every model change.
#   references:
#     - {source: "MFDS digital medical device labeling guideline (2025-11-06)", title: "AI training data, performance and limitations"}
#     - {source: "FDA/Health Canada/MHRA Transparency for Machine Learning-Enabled Medical Devices: Guiding Principles (2024)", title: "GMLP principle 9"}
package samdscan.mfds.lbl.ai_transparency

import data.samdscan.lib.ai
import data.samdscan.lib.figures
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

docs := ai.list("labeling")

deny contains f if {
	count(docs) == 0
	f := ai.missing_ko("ai_labeling", "no labeling or instructions for use found to carry the AI transparency information (e.g. labeling/ai-transparency.md)", "AI 투명성 정보를 담을 표시기재나 사용설명서가 없습니다(예: labeling/ai-transparency.md)")
}

deny contains f if {
	count(docs) > 0
	missing := ai.missing_everywhere(docs)
	count(missing) > 0
	f := {
		"msg": sprintf("the labeling does not cover: %s (checked %s)", [concat(", ", sort(missing)), concat(", ", [d.path | some d in docs])]),
		"msg_ko": sprintf("표시기재가 다음을 다루지 않습니다: %s (확인한 문서: %s)", [concat(", ", sort(missing)), concat(", ", [d.path | some d in docs])]),
		"path": docs[0].path,
		"line": 1,
		"key": "parts",
	}
}

# The labeling's figures, each once per file, metric and value.
stated := figures.distinct(docs)

# The released model's card and evaluation reports that state figures.
sources := [s |
	some s in array.concat(figures.released_cards, figures.released_evaluations)
	count(figures.of(s)) > 0
]

checked := concat(", ", [d.path | some d in docs])

deny contains f if {
	count(docs) > 0
	count(stated) == 0
	f := {
		"msg": sprintf("the labeling states no performance figure of the model (sensitivity, specificity, AUC, PPV, NPV, accuracy, F1 or Dice, as 0.93 or 93%%); checked %s", [checked]),
		"msg_ko": sprintf("표시기재에 모델의 성능 수치(민감도, 특이도, AUC, 양성예측도, 음성예측도, 정확도, F1, Dice; 0.93 또는 93%% 형식)가 없습니다; 확인한 문서: %s", [checked]),
		"path": docs[0].path,
		"line": 1,
		"key": "no-figures",
	}
}

deny contains f if {
	some l in stated
	some s in sources
	given := figures.for_metric(s, l.metric)
	count(given) > 0
	not figures.agrees_with_one(l, given)
	g := object.union(given[0], {"path": s.path})
	f := {
		"msg": sprintf("the labeling's %s %v at %s is not the released model's %v at %s", [figures.label[l.metric], l.value, figures.at(l), g.value, figures.at(g)]),
		"msg_ko": sprintf("표시기재의 %s %v(%s)이(가) 출시된 모델의 %v(%s)와(과) 다릅니다", [figures.label_ko[l.metric], l.value, figures.at(l), g.value, figures.at(g)]),
		"path": l.path,
		"line": l.line,
		"key": sprintf("differs|%s|%s|%v|%s", [l.path, l.metric, l.value, s.path]),
	}
}

deny contains f if {
	count(sources) > 0
	some l in stated
	every s in sources {
		count(figures.for_metric(s, l.metric)) == 0
	}
	f := {
		"msg": sprintf("the labeling states %s %v at %s, which neither the model card nor the evaluation report of the released model gives (checked %s)", [figures.label[l.metric], l.value, figures.at(l), concat(", ", [s.path | some s in sources])]),
		"msg_ko": sprintf("표시기재가 %s %v(%s)을(를) 밝히지만, 출시된 모델의 모델 카드와 성능 평가 보고서 어디에도 그 수치가 없습니다(확인한 문서: %s)", [figures.label_ko[l.metric], l.value, figures.at(l), concat(", ", [s.path | some s in sources])]),
		"path": l.path,
		"line": l.line,
		"key": sprintf("unbacked|%s|%s|%v", [l.path, l.metric, l.value]),
	}
}

not_evaluated contains r if {
	count(stated) > 0
	count(sources) == 0
	r := {
		"msg": "no model card or evaluation report of the released model states performance figures to compare the labeling's with",
		"msg_ko": "표시기재의 성능 수치와 비교할 수치를 밝힌, 출시된 모델의 모델 카드나 성능 평가 보고서가 없습니다",
	}
}
