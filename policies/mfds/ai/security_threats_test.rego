package samdscan.mfds.ai.security_threats_test

import data.samdscan.mfds.ai.security_threats as p
import rego.v1

complete := concat("\n", [
	"# Threat model",
	"| ID | Threat | Mitigation | Verification |",
	"|---|---|---|---|",
	"| T-3 | Training-data poisoning | Signed data provenance | tests/security/ai/test_poisoning.py |",
	"| T-4 | Adversarial (evasion) images | Input validation, adversarial training | TC-31 |",
	"| T-5 | Model extraction and membership inference through the API | Rate limits, top-1 output only | tests/security/ai/test_api_limits.py |",
	"| T-6 | Model tampering of the weights file | SHA-256 check at load | test_model_integrity_at_load |",
])

korean := concat("\n", [
	"# 위협 모델",
	"| ID | 위협 | 완화 | 검증 |",
	"|---|---|---|---|",
	"| T-3 | 학습 데이터 오염 | 데이터 출처 서명 | tests/security/ai/test_poisoning.py |",
	"| T-4 | 적대적 입력 영상 | 입력 검증 | TC-31 |",
	"| T-5 | API를 통한 모델 추출·멤버십 추론 | 호출 제한 | TC-32 |",
	"| T-6 | 모델 파일 위변조 | 적재 시 SHA-256 확인 | TC-33 |",
])

scan_input(text, profile) := {
	"profile": profile,
	"documents": {"threat_model": [{"path": "docs/security/threat-model.md", "text": text, "headings": [], "front_matter": {}}]},
}

dmpa := {"regime": "DMPA", "ai": {"enabled": true, "generative": false}}

test_every_category_with_mitigation_and_verification_passes if {
	count(p.deny) == 0 with input as scan_input(complete, dmpa)
	count(p.deny) == 0 with input as scan_input(korean, dmpa)
}

test_a_missing_category_is_an_error_under_the_dmpa if {
	text := replace(complete, "| T-3 | Training-data poisoning | Signed data provenance | tests/security/ai/test_poisoning.py |", "")
	d := p.deny with input as scan_input(text, dmpa)
	[f.key | some f in d] == ["missing|data_poisoning"]
	[f.level | some f in d] == ["error"]
	[f.path | some f in d] == ["docs/security/threat-model.md"]
}

test_warning_outside_the_dmpa if {
	text := replace(complete, "Model tampering of the weights file", "Weights swapped")
	d := p.deny with input as scan_input(text, {"regime": "MDA", "ai": {"enabled": true}})
	[f.key | some f in d] == ["missing|model_tampering"]
	[f.level | some f in d] == ["warning"]
}

test_an_entry_without_mitigation_or_verification_is_named if {
	text := replace(complete, "| T-4 | Adversarial (evasion) images | Input validation, adversarial training | TC-31 |", "| T-4 | Adversarial (evasion) images | TC-31 |")
	d := p.deny with input as scan_input(text, dmpa)
	[f.msg | some f in d] == ["the AI threat adversarial / evasion inputs in docs/security/threat-model.md (T-4) names no mitigation"]
	text2 := replace(complete, "| Rate limits, top-1 output only | tests/security/ai/test_api_limits.py |", "| Rate limits |")
	[f.key | some f in p.deny] == ["incomplete|model_extraction|T-5"] with input as scan_input(text2, dmpa)
}

test_generative_ai_needs_prompt_injection if {
	gen := {"regime": "DMPA", "ai": {"enabled": true, "generative": true}}
	[f.key | some f in p.deny] == ["missing|prompt_injection"] with input as scan_input(complete, gen)
	text := concat("\n", [complete, "| T-9 | Prompt injection and jailbreak of the report generator | Guardrail filter | tests/security/ai/test_jailbreak.py |"])
	count(p.deny) == 0 with input as scan_input(text, gen)
}

test_without_ai_not_applicable if {
	p.applicable == false with input as {"profile": {"ai": {"enabled": false}}}
}
