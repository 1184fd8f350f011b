# METADATA
# title: Model card per deployed model
# description: |
#   MFDS requires AI digital medical devices to disclose training-data information, expected
#   performance and limitations, and the FDA AI-enabled device software draft (Appendix E) and GMLP
#   principle 9 describe the model card that holds them. Every deployed model artifact needs a card
#   (Markdown with YAML front matter or sections, a CycloneDX `machine-learning-model` component with
#   a `modelCard`, or an SPDX 3 AI package) stating intended use, model details and version,
#   training data, evaluation data, metrics with confidence intervals, subgroup performance,
#   limitations, human oversight and change history.
# custom:
#   ko:
#     title: "배포 모델별 모델 카드"
#     description: |
#       식약처는 AI 디지털의료기기에 학습 데이터 정보, 기대 성능, 한계를 공개하도록 요구하며, FDA AI 기반
#       의료기기 소프트웨어 가이던스 초안(부록 E)과 GMLP 원칙 9는 이를 담는 모델 카드를 설명합니다. 배포되는 모든
#       모델 산출물에는 카드(YAML front matter나 절이 있는 Markdown, `modelCard`가 있는
#       CycloneDX `machine-learning-model` 구성요소, 또는 SPDX 3 AI 패키지)가 있어야
#       하며, 사용목적, 모델 정보와 버전, 학습 데이터, 평가 데이터, 신뢰구간이 있는 성능 지표, 하위집단 성능,
#       한계, 사람의 감독, 변경 이력을 적어야 합니다.
#     recommended_action: |
#       각 배포 모델 옆에 모델 카드(`models/<model>/MODEL_CARD.md`, 또는 `artifact:`를
#       적은 Hugging Face 형식 front matter가 있는 README.md)를 두고 docs/ai.md에
#       적힌 절을 작성하십시오: 사용목적, 모델 정보, 학습 데이터, 평가 데이터, 성능 지표(95% 신뢰구간), 하위집단
#       성능, 한계, 사람의 감독, 변경 이력.
#     applies: "product.ai.enabled인 인공지능 제품."
#   id: MFDS-AI-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.artifacts?, ai.model_cards, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Add a model card beside each deployed model (`models/<model>/MODEL_CARD.md`, or a README.md with
#     Hugging Face style front matter naming `artifact:`), with the sections listed in docs/ai.md:
#     Intended use, Model details, Training data, Evaluation data, Performance metrics (with 95% CI),
#     Subgroup performance, Limitations, Human oversight, Change history.
#   references:
#     - {source: "MFDS digital medical device labeling guideline (2025-11-06)", title: "AI training data, performance and limitations"}
#     - {source: "FDA AI-Enabled Device Software Functions draft guidance (2025-01-07)", clause: "Appendix E", title: "Model card"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principle 9"}
package samdscan.mfds.ai.model_card

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

cards := ai.list("model_cards")

deny contains f if {
	count(cards) == 0
	f := ai.missing_ko("model_card", "the product declares AI but no model card was found (MODEL_CARD.md, a model folder README.md with front matter, or a CycloneDX / SPDX 3 model entry)", "AI 사용을 선언했지만 모델 카드가 없습니다(MODEL_CARD.md, front matter가 있는 모델 폴더 README.md, 또는 CycloneDX / SPDX 3 모델 항목)")
}

deny contains f if {
	count(cards) > 0
	some a in ai.deployed_artifacts
	not covered(a.path)
	f := {
		"msg": sprintf("model artifact %s has no model card: put MODEL_CARD.md in its folder or name it as `artifact:` in a card", [a.path]),
		"msg_ko": sprintf("모델 산출물 %s에 모델 카드가 없습니다: 그 폴더에 MODEL_CARD.md를 두거나 카드에 `artifact:`로 지정하십시오", [a.path]),
		"path": a.path,
		"key": sprintf("uncovered|%s", [a.path]),
	}
}

listed_models := m if {
	m := input.profile.ai.models
	is_array(m)
} else := []

deny contains f if {
	some m in listed_models
	not trim_prefix(m, "./") in ai.artifact_names
	f := {
		"msg": sprintf("product.ai.models lists %v, but no model artifact (weights, Git LFS pointer or DVC-tracked file) is there", [m]),
		"msg_ko": sprintf("product.ai.models에 %v이(가) 있으나 그 위치에 모델 산출물(가중치, Git LFS 포인터, DVC 추적 파일)이 없습니다", [m]),
		"path": input.config.path,
		"line": profile.config_line("product.ai.models"),
		"key": sprintf("listed|%v", [m]),
	}
}

covered(path) if {
	some c in cards
	path in c.covers
}

deny contains f if {
	some c in cards
	count(c.missing_parts) > 0
	f := {
		"msg": sprintf("model card %s (%s) lacks: %s", [c.path, card_name(c), concat(", ", c.missing_parts)]),
		"msg_ko": sprintf("모델 카드 %s(%s)에 다음이 빠져 있습니다: %s", [c.path, card_name(c), concat(", ", c.missing_parts)]),
		"path": c.path,
		"line": 1,
		"key": sprintf("parts|%s|%s", [c.path, card_name(c)]),
	}
}

card_name(c) := c.name if is_string(c.name) else := "unnamed model"
