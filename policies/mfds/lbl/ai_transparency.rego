# METADATA
# title: AI transparency in the product information
# description: |
#   The MFDS labeling guideline (2025-11-06) requires AI digital medical devices to give users
#   training-data information, expected performance and known limitations, and to update them when
#   the software version changes. The labeling or instructions for use must say that AI is used and
#   summarise its training data, performance and limitations (including populations not studied).
# custom:
#   ko:
#     title: "제품 정보의 AI 투명성"
#     description: |
#       식약처 디지털의료기기 표시기재 가이드라인(2025-11-06)은 AI 디지털의료기기가 사용자에게 학습 데이터 정보,
#       기대 성능, 알려진 한계를 제공하고 소프트웨어 버전이 바뀌면 이를 갱신하도록 요구합니다. 표시기재 또는 사용설명서는
#       AI를 사용한다는 사실을 밝히고 학습 데이터, 성능, 한계(연구되지 않은 집단 포함)를 요약해야 합니다.
#     recommended_action: |
#       표시기재(`labeling/ai-transparency.md` 또는 사용설명서)에 AI 절을 추가하고, 모델 카드의
#       수치를 사용하여 AI 사용, 학습 데이터, 성능, 한계 제목을 두십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#   id: MFDS-LBL-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.labeling, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Add an AI section to the labeling (`labeling/ai-transparency.md` or the IFU) with headings for
#     the use of AI, Training data, Performance and Limitations, using the figures of the model card.
#   references:
#     - {source: "MFDS digital medical device labeling guideline (2025-11-06)", title: "AI training data, performance and limitations"}
#     - {source: "FDA/Health Canada/MHRA Transparency for Machine Learning-Enabled Medical Devices: Guiding Principles (2024)", title: "GMLP principle 9"}
package samdscan.mfds.lbl.ai_transparency

import data.samdscan.lib.ai
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
