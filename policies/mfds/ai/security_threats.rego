# METADATA
# title: AI-specific security threats in the threat model
# description: |
#   The MFDS cybersecurity guideline makes AI security an additional verification item for DMPA
#   devices, and the electronic-intrusion guideline asks AI-based devices for a separate AI
#   security framework. The threat model (the one MFDS-CYB-007 and MFDS-RSK-005 read) must
#   therefore cover the AI threat categories: data poisoning, adversarial / evasion inputs, model
#   extraction / inversion / membership inference, model-file tampering, and for generative AI
#   prompt injection and jailbreak. Each is an entry (a row of one of its tables) that names a
#   mitigation and a verification reference (a test path such as `tests/security/ai/...`, a
#   `test_` function or a test-case id such as `TC-12`). Categories are found by English and
#   Korean keywords.
# custom:
#   ko:
#     title: "위협 모델의 AI 특화 보안 위협"
#     description: |
#       식약처 사이버보안 가이드라인은 디지털의료기기의 AI 보안을 추가 검증 항목으로 삼고, 전자적 침해행위 보안
#       가이드라인은 AI 기반 기기에 별도의 AI 보안 체계를 요구합니다. 따라서 위협 모델(MFDS-CYB-007과 MFDS-RSK-005가
#       읽는 문서)은 AI 위협 범주를 다뤄야 합니다: 데이터 오염(포이즈닝), 적대적 / 회피 입력, 모델 추출 / 역공격 /
#       멤버십 추론, 모델 파일 위변조, 그리고 생성형 AI이면 프롬프트 인젝션과 탈옥. 각 범주는 완화 조치와 검증
#       근거(`tests/security/ai/...` 같은 시험 경로, `test_` 함수, `TC-12` 같은 시험 사례 ID)를 적은 항목(표의 행)이어야
#       합니다. 범주는 영어와 한국어 핵심어로 찾습니다.
#     recommended_action: |
#       위협 모델에 AI 위협 범주마다 한 행을 두고(예: `| T-7 | 학습 데이터 오염(포이즈닝) | 데이터 출처 서명, 이상치 검사 | tests/security/ai/test_poisoning.py |`),
#       완화 조치와 그것을 확인하는 시험을 적으십시오.
#     applies: "AI를 사용하는 제품(product.ai.enabled). 디지털의료제품법(DMPA) 적용 제품이면 오류, 그 밖에는 경고입니다."
#     escalation: 디지털의료제품법(DMPA) 적용 제품이면 오류, 의료기기법(MDA) 제품이면 경고입니다.
#   id: MFDS-AI-009
#   severity: error
#   precision: medium
#   since: 0.2.0
#   pillar: P1
#   status: established
#   evidence: [documents.threat_model, profile]
#   applies: Products using AI (product.ai.enabled); an error under the DMPA, a warning otherwise.
#   escalation: An error under the DMPA and a warning under the MDA.
#   security_severity: 6.5
#   recommended_action: |
#     Give the threat model one row per AI threat category (for example
#     `| T-7 | Training-data poisoning | Signed data provenance, outlier screening | tests/security/ai/test_poisoning.py |`)
#     naming the mitigation and the test that verifies it.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "Additional verification of AI security for digital medical devices"}
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (2025-01-24)", title: "AI security technical framework"}
#     - {source: "Regulation (EU) 2024/1689 (AI Act)", clause: "Art. 15", title: "Accuracy, robustness and cybersecurity"}
package samdscan.mfds.ai.security_threats

import data.samdscan.lib.ai
import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

level := "error" if profile.dmpa

else := "warning"

# Category: its English and Korean names and the keywords (lower case) that find it.
categories := {
	"data_poisoning": {"en": "data poisoning", "ko": "데이터 오염(포이즈닝)", "words": ["poisoning", "poisoned", "데이터 오염", "데이터 중독", "포이즈닝"]},
	"adversarial": {"en": "adversarial / evasion inputs", "ko": "적대적 / 회피 입력", "words": ["adversarial", "evasion", "적대적", "회피 공격"]},
	"model_extraction": {"en": "model extraction / inversion / membership inference", "ko": "모델 추출 / 역공격 / 멤버십 추론", "words": ["model extraction", "model stealing", "model inversion", "membership inference", "모델 추출", "모델 탈취", "모델 역공격", "모델 반전", "멤버십 추론"]},
	"model_tampering": {"en": "model-file tampering", "ko": "모델 파일 위변조", "words": ["model tampering", "tampered model", "model file tampering", "model integrity", "weights tampering", "모델 위변조", "모델 파일 위변조", "모델 무결성"]},
}

generative_categories := {"prompt_injection": {"en": "prompt injection / jailbreak", "ko": "프롬프트 인젝션 / 탈옥", "words": ["prompt injection", "jailbreak", "프롬프트 인젝션", "프롬프트 주입", "탈옥"]}}

judged := object.union(categories, generative_categories) if profile.generative

else := categories

models := [m | some m in documents.of_kind("threat_model"); is_string(m.text)]

# Table rows of the threat models (not the delimiter row), with their non-empty cells.
rows contains {"path": m.path, "text": row, "cells": cells} if {
	some m in models
	some line in split(m.text, "\n")
	row := trim_space(line)
	startswith(row, "|")
	not regex.match(`^\|[\s:|-]+$`, row)
	cells := [c | some raw in split(row, "|"); c := trim_space(raw); c != ""]
}

names_category(row, cat) if {
	some w in cat.words
	contains(lower(row.text), w)
}

# The cell naming the threat, then at least one more cell that is not a verification reference
# alone: the mitigation.
mitigated(row, cat) if {
	some i, c in row.cells
	some w in cat.words
	contains(lower(c), w)
	some j, m in row.cells
	j > i
	not verification_only(m)
}

verification_pattern := `(tests?/[^\s|]+|\btest_[A-Za-z0-9_]+|\b(TC|TST|VER|VT|VAL)-[0-9]+)`

verification_only(cell) if regex.match(sprintf(`^\W*%s\W*$`, [verification_pattern]), cell)

verified(row) if regex.match(verification_pattern, row.text)

entries(cat) := [r | some r in rows; names_category(r, cat)]

anchor := {"path": models[0].path}

deny contains f if {
	count(models) > 0
	some name, cat in judged
	count(entries(cat)) == 0
	f := object.union(anchor, {
		"msg": sprintf("the threat model %s has no entry for the AI threat %s (looked for table rows naming %s)", [models[0].path, cat.en, concat(", ", [sprintf("`%s`", [w]) | some w in cat.words])]),
		"msg_ko": sprintf("위협 모델 %s에 AI 위협 %s 항목이 없습니다(%s을(를) 적은 표의 행을 찾음)", [models[0].path, cat.ko, concat(", ", [sprintf("`%s`", [w]) | some w in cat.words])]),
		"key": sprintf("missing|%s", [name]),
		"level": level,
	})
}

lacks(row, cat) := [part | some part in ["mitigation", "verification reference"]; not has_part(row, cat, part)]

lacks_ko(row, cat) := [part | some p in lacks(row, cat); part := {"mitigation": "완화 조치", "verification reference": "검증 근거"}[p]]

has_part(row, cat, "mitigation") if mitigated(row, cat)

has_part(row, _, "verification reference") if verified(row)

deny contains f if {
	some name, cat in judged
	some r in entries(cat)
	missing := lacks(r, cat)
	count(missing) > 0
	not some_complete(cat)
	f := {
		"msg": sprintf("the AI threat %s in %s (%s) names no %s", [cat.en, r.path, r.cells[0], concat(" and no ", missing)]),
		"msg_ko": sprintf("%s의 AI 위협 %s(%s)에 %s이(가) 없습니다", [r.path, cat.ko, r.cells[0], concat(", ", lacks_ko(r, cat))]),
		"path": r.path,
		"key": sprintf("incomplete|%s|%s", [name, r.cells[0]]),
		"level": level,
	}
}

# One complete entry covers its category.
some_complete(cat) if {
	some r in entries(cat)
	count(lacks(r, cat)) == 0
}
