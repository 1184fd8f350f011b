# METADATA
# title: User-interface changes come with a usability re-evaluation
# description: |
#   Usability engineering is iterative (IEC 62366-1 §5.7-5.9): a change to the user interface is
#   evaluated for its effect on use-related risk, and MFDS's usability guideline for standalone DMD
#   software says which usability changes need change approval or certification. In the history
#   scope, each commit that changes `product.ui_paths` needs a change to the usability engineering
#   file in the same range (`docs/usability/**` and the usability file names) or a
#   `Usability-Impact:` trailer stating the outcome (`Usability-Impact: none (copy only)`,
#   `Usability-Impact: formative evaluation FE-7`). Whether a UI change affects use safety needs
#   judgement; the rule only asks for an explicit statement.
# custom:
#   ko:
#     title: "사용자 인터페이스 변경 시 사용적합성 재평가"
#     description: |
#       사용적합성 엔지니어링은 반복적입니다(IEC 62366-1 §5.7~5.9): 사용자 인터페이스의 변경은 사용 관련
#       위험에 대한 영향이 평가되어야 하며, 식약처 독립형 디지털의료기기소프트웨어 사용적합성 가이드라인은 어떤 사용적합성
#       변경에 변경허가 또는 변경인증이 필요한지 정합니다. 이력 범위 안에서 `product.ui_paths`를 바꾸는 각
#       커밋은 같은 범위의 사용적합성 엔지니어링 파일 변경(`docs/usability/**`와 사용적합성 파일 이름)이나
#       결과를 적은 `Usability-Impact:` 트레일러(`Usability-Impact: none (copy
#       only)`, `Usability-Impact: formative evaluation FE-7`)를 필요로 합니다.
#       UI 변경이 사용 안전에 영향을 주는지는 판단이 필요하며, 이 규칙은 명시적인 진술만 요구합니다.
#     recommended_action: |
#       같은 릴리스 범위에서 사용적합성 엔지니어링 파일(docs/usability/: 사용 시나리오, 형성 평가 또는 총괄
#       평가)을 갱신하거나, 변경에 재평가가 필요 없는 이유를 적은 `Usability-Impact:` 트레일러를 커밋에
#       추가하십시오.
#     applies: "ui_paths(사용자 인터페이스 경로)를 선언한 제품."
#     escalation: "경고입니다: 사용자 인터페이스 변경이 사용 안전에 영향을 주는지는 판단이 필요하므로, 규칙은 명시적인 진술만 요구합니다."
#   id: MFDS-USE-002
#   severity: warning
#   escalation: "Warning: whether a UI change affects use safety needs judgement; the rule only asks for an explicit statement."
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, profile.ui_paths]
#   applies: Products that declare ui_paths.
#   recommended_action: |
#     Update the usability engineering file (docs/usability/: use scenarios, formative or summative
#     evaluation) in the same release range, or add a `Usability-Impact:` trailer to the commit
#     recording why the change needs no re-evaluation.
#   references:
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5.7", title: "Establish user interface evaluation plan"}
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5.8", title: "Perform user interface design, implementation and formative evaluation"}
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5.9", title: "Perform summative evaluation of the usability of the user interface"}
#     - {source: "MFDS usability approval/review guideline for standalone DMD software (2025-01-24)", title: "Usability changes needing change approval"}
package samdscan.mfds.use.ui_change_usability

import data.samdscan.lib.history
import rego.v1

applicable := false if not ui_paths_declared

ui_paths_declared if {
	paths := input.profile.ui_paths
	is_array(paths)
	count(paths) > 0
}

not_applicable_because contains {"msg": "no product.ui_paths are declared, so UI changes cannot be told apart", "msg_ko": "product.ui_paths가 선언되지 않아 UI 변경을 구별할 수 없습니다"}

not_evaluated contains r if some r in history.unusable

deny contains f if {
	not history.range_touches("usability")
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "ui")
	not history.has_trailer(c, "Usability-Impact")
	f := {
		"msg": sprintf("commit %s changes the user interface, but the range has no change to the usability engineering file and the commit no Usability-Impact: trailer", [history.label(c)]),
		"msg_ko": sprintf("커밋 %s이(가) 사용자 인터페이스를 변경하지만 범위 안에 사용적합성 엔지니어링 파일의 변경이 없고 커밋에 Usability-Impact: 트레일러도 없습니다", [history.label(c)]),
		"path": history.path_in(c, "ui"),
		"key": sprintf("commit|%s", [c.id]),
	}
}
