# METADATA
# title: Commits reference a change request or problem report
# description: |
#   Every change to a software system is approved and traceable to the change request or problem
#   report that caused it (IEC 62304 §8.2.1, §8.2.4; KGMP change control). In git that trace is a
#   reference in the commit message (`#123`, `CR-42`; the pattern is `history.change_reference`)
#   or a `Change-Request:`, `Refs:`, `Fixes:` trailer. Merge commits need none of their own; a
#   commit brought in by a merge whose message carries a reference (a pull request) is covered:
#   the merge that brought it into the first-parent line of the scanned branch, never a later
#   sync merge ("Merge branch 'main' into x").
# custom:
#   ko:
#     title: "커밋의 변경요청 또는 문제보고 참조"
#     description: |
#       소프트웨어 시스템의 모든 변경은 승인되어야 하고, 그 변경을 일으킨 변경요청 또는 문제보고까지 추적할 수 있어야
#       합니다(IEC 62304 §8.2.1, §8.2.4; 디지털의료기기 제조 및 품질관리 기준의 변경관리). git에서
#       그 추적은 커밋 메시지의 참조(`#123`, `CR-42`; 패턴은
#       `history.change_reference`)나 `Change-Request:`, `Refs:`,
#       `Fixes:` 트레일러입니다. 병합 커밋 자체에는 필요 없으며, 메시지에 참조가 있는 병합(풀 리퀘스트)으로
#       들어온 커밋은 충족된 것으로 봅니다.
#     recommended_action: |
#       커밋 메시지나 `Change-Request:` 트레일러에 변경요청 또는 문제보고를 적거나(병합 전에 squash
#       또는 reword), 병합 커밋이 그것을 적는 풀 리퀘스트로 병합하십시오. 추적 시스템의 ID 형식이 다르면
#       `history.change_reference`를 설정하십시오.
#     applies: "이력 범위에서 소프트웨어 시스템의 경로를 변경하는 모든 커밋(시스템을 선언하지 않았으면 변경이 있는 모든 커밋)."
#     escalation: "변경된 시스템이 B 또는 C등급(또는 등급 미지정)이면 오류, 모두 A등급이면 경고입니다."
#   id: MFDS-CHG-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, profile.software_systems]
#   applies: Every commit in the history scope that changes a software system's paths (every commit with changes when no system is declared).
#   escalation: Error when a touched system is class B or C (or unclassified); warning when all are class A.
#   recommended_action: |
#     Name the change request or problem report in the commit message or a `Change-Request:` trailer
#     (squash or reword before merging), or merge through a pull request whose merge commit names it.
#     Set `history.change_reference` if your tracker's ids look different.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.2.1", title: "Approve change requests"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.2.4", title: "Provide means for traceability of change"}
package samdscan.mfds.chg.change_request_traceability

import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

not_evaluated contains r if some r in history.unusable

deny contains f if {
	some c in history.commits
	history.own_changes(c)
	touches_software(c)
	count(c.references) == 0
	not history.covered_by_merge(c)
	f := {
		"msg": sprintf("commit %s changes %s without a change request or problem report reference", [history.label(c), what(c)]),
		"msg_ko": sprintf("커밋 %s이(가) 변경요청 또는 문제보고 참조 없이 %s을(를) 변경합니다", [history.label(c), what_ko(c)]),
		"path": history.path_in(c, "system"),
		"key": sprintf("commit|%s", [c.id]),
		"level": level(c),
	}
}

declared_systems := {s.name | some s in profile.systems}

touches_software(c) if count(history.systems_touched(c)) > 0

touches_software(c) if count(declared_systems) == 0

what(c) := sprintf("software system %s", [concat(", ", sort(history.systems_touched(c)))]) if {
	count(history.systems_touched(c)) > 0
} else := "files"

# Error unless every touched system is declared class A.
level(c) := "warning" if {
	touched := history.systems_touched(c)
	count(touched) > 0
	every name in touched {
		some s in profile.systems
		s.name == name
		s.safety_class == "A"
	}
} else := "error"

what_ko(c) := sprintf("소프트웨어 시스템 %s", [concat(", ", sort(history.systems_touched(c)))]) if {
	count(history.systems_touched(c)) > 0
} else := "파일"
