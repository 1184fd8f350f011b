# METADATA
# title: Generative-AI red-teaming evidence
# description: |
#   The 2026 MFDS plan promises stricter review of generative-AI devices, and an MFDS-funded
#   programme is building a red-team framework for them; the cybersecurity guideline already asks
#   for AI-security verification. Until criteria are published, samdscan notes a missing red-team
#   record: a report with its scope, the attacks tried (prompt injection, jailbreak, harmful
#   output) and the findings, for the pinned foundation-model version, and an adversarial prompt
#   suite that a CI workflow runs, so that the attacks are tried again on every change.
# custom:
#   ko:
#     title: "생성형 AI 레드팀 시험 근거"
#     description: |
#       2026년 식약처 종합계획은 생성형 AI 의료기기의 심사 강화를 예고하고, 식약처 지원 과제가 레드팀 체계를 만들고
#       있으며, 사이버보안 가이드라인은 이미 AI 보안 검증을 요구합니다. 기준이 공표될 때까지 samdscan은 레드팀
#       기록이 없음을 참고로 알립니다: 범위, 시도한 공격(프롬프트 인젝션, 탈옥, 유해 출력), 발견사항을 고정된
#       파운데이션 모델 버전에 대해 적은 보고서와, 변경마다 공격을 다시 시도하도록 CI 워크플로가 실행하는 적대적
#       프롬프트 시험 모음.
#     recommended_action: |
#       각 레드팀 시험을 `docs/security/red-team/<version>.md`에 범위, 공격, 발견사항(각각
#       상태 포함)과 시험한 고정 모델 리비전을 적어 기록하십시오.
#     applies: "product.ai.generative인 생성형 인공지능 제품."
#   id: MFDS-GAI-004
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: anticipated
#   evidence: [ai.genai.red_team, ai.genai.foundation_models?, profile.ai, security_testing.workflows?]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Record each red-team exercise in `docs/security/red-team/<version>.md` with Scope, Attacks and
#     Findings (each with a status), naming the pinned model revision it tested.
#   references:
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", title: "Stricter generative-AI review (anticipated)"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.7", title: "Software system testing"}
package samdscan.mfds.gai.red_teaming

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

reports := ai.genai("red_team")

deny contains f if {
	count(reports) == 0
	f := ai.missing_ko("red_team_report", "no generative-AI red-team record found (e.g. docs/security/red-team/<version>.md)", "생성형 AI 레드팀 기록이 없습니다(예: docs/security/red-team/<version>.md)")
}

deny contains f if {
	count(reports) > 0
	missing := ai.missing_everywhere(reports)
	count(missing) > 0
	f := {
		"msg": sprintf("the red-team records lack: %s", [concat(", ", sort(missing))]),
		"msg_ko": sprintf("레드팀 기록에 다음이 빠져 있습니다: %s", [concat(", ", sort(missing))]),
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
		"msg": sprintf("no red-team record names the pinned foundation-model revision (%s)", [concat(", ", pins)]),
		"msg_ko": sprintf("고정된 파운데이션 모델 리비전(%s)을 적은 레드팀 기록이 없습니다", [concat(", ", pins)]),
		"path": reports[0].path,
		"line": 1,
		"key": "version",
	}
}

suites := [{"path": w.path, "suite": a} |
	some w in object.get(input, ["security_testing", "workflows"], [])
	some a in w.adversarial
]

# A missing suite is about the red-team record when there is one, else the profile.
suite_anchor := reports[0].path if count(reports) > 0 else := input.config.path

deny contains f if {
	count(suites) == 0
	f := {
		"msg": "no CI workflow runs an adversarial prompt suite (tests under tests/security/genai/, or garak, promptfoo, PyRIT or Giskard), so the red-team findings are not re-tested on each change",
		"msg_ko": "적대적 프롬프트 시험 모음(tests/security/genai/ 아래 시험, 또는 garak, promptfoo, PyRIT, Giskard)을 실행하는 CI 워크플로가 없어 레드팀 발견사항이 변경마다 다시 시험되지 않습니다",
		"path": suite_anchor,
		"key": "suite-in-ci",
	}
}
