# METADATA
# title: Problem reports ask for safety impact, and fixes are linked to them
# description: |
#   IEC 62304 §9 (all classes) has every problem reported, investigated for its relevance to
#   safety, resolved under change control and verified, with records kept. A repository shows
#   three parts of that: an issue template for problem reports that asks for the safety impact
#   (and the affected versions and a classification); fix commits in the history scope
#   (Conventional Commits `fix:` subjects, or commits changing `tests/regression/`) that name the
#   problem they resolve, in the message or a `Fixes:`, `Refs:` or `Problem-Report:` trailer; and,
#   for class C software systems, a regression test changed with each fix (§9.7: verify the
#   resolution). Merge commits are not judged themselves; a merge whose message names a problem
#   covers the fixes it brought in, and a test changed in any commit that merge brought in
#   accompanies them. The records themselves usually live in the tracker, so the signal is partial.
# custom:
#   ko:
#     title: "문제보고의 안전 영향 기재와 수정의 문제보고 연결"
#     description: |
#       IEC 62304 §9(모든 등급)는 모든 문제를 보고하고, 안전 관련성을 조사하고, 변경관리 하에서 해결하고,
#       검증하며, 기록을 유지하도록 합니다. 저장소는 그중 세 부분을 보여줍니다: 안전 영향(그리고 영향받는 버전과
#       분류)을 묻는 문제보고 이슈 템플릿; 이력 범위의 수정 커밋(Conventional Commits `fix:` 제목
#       또는 `tests/regression/`을 바꾸는 커밋)이 메시지나 `Fixes:`, `Refs:`,
#       `Problem-Report:` 트레일러로 해결하는 문제를 적는 것; 등급 C 소프트웨어 시스템에서는 각 수정과
#       함께 바뀐 회귀 시험(§9.7: 해결의 검증). 병합 커밋 자체는 판단하지 않으며, 메시지에 문제를 적은 병합은
#       그것이 들여온 수정을 충족시킵니다. 기록 자체는 대개 이슈 추적 시스템에 있으므로 신호는 부분적입니다.
#     recommended_action: |
#       문제보고 이슈 템플릿(예: `.github/ISSUE_TEMPLATE/problem-report.yml` 또는
#       `.gitlab/issue_templates/Problem.md`)을 추가하여 안전 영향, 영향받는 버전,
#       분류(심각도) 항목을 두십시오. 모든 수정 커밋에 문제보고를 적고(`Fixes: PR-12`, 병합 전
#       reword), 등급 C 소프트웨어에서는 같은 커밋이나 풀 리퀘스트에서 회귀 시험을 바꾸거나 추가하십시오.
#     applies: "모든 안전성 등급. 회귀시험 부분은 C등급 소프트웨어 시스템에만 적용됩니다. 양식 부분은 이력이 필요 없고, 커밋 부분은 사용할 수 있는 git 이력이 없으면 평가하지 않습니다."
#     escalation: "경고입니다: 문제 기록은 보통 이슈 관리 도구에 있어 저장소로는 일부만 확인됩니다."
#   id: MFDS-SWL-010
#   severity: warning
#   escalation: "Warning: problem records usually live in the tracker, so the repository signal is partial."
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [issue_templates, history.commits?, profile.software_systems]
#   presence: true
#   applies: All classes; the regression-test part only to class C software systems. The template part needs no history; the commit parts are not evaluated without usable history.
#   recommended_action: |
#     Add a problem-report issue template (for example `.github/ISSUE_TEMPLATE/problem-report.yml`,
#     or `.gitlab/issue_templates/Problem.md`) with fields for the safety impact, the affected
#     versions and the classification (severity). Name the problem report in every fix commit
#     (`Fixes: PR-12`, reword before merging), and for class C software change or add a regression
#     test in the same commit or pull request.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "9.1", title: "Prepare problem reports"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "9.2", title: "Investigate the problem"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "9.4", title: "Use change control process"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "9.5", title: "Maintain records"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "9.7", title: "Verify software problem resolution"}
package samdscan.mfds.swl.problem_resolution

import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

templates := t if {
	t := input.issue_templates
	is_array(t)
} else := []

problem_templates := [t | some t in templates; t.parsed; t.problem_report]

unparsed := [t.path | some t in templates; not t.parsed]

not_evaluated contains r if some r in history.unusable

not_evaluated contains r if {
	not safety_template
	count(unparsed) > 0
	r := {
		"msg": sprintf("issue template(s) %s could not be read (see the input problems)", [concat(", ", unparsed)]),
		"msg_ko": sprintf("이슈 템플릿 %s을(를) 읽을 수 없었습니다(입력 문제 참조)", [concat(", ", unparsed)]),
	}
}

safety_template if {
	some t in problem_templates
	t.asks.safety_impact
}

# (a) No problem-report template at all.
deny contains f if {
	count(problem_templates) == 0
	count(unparsed) == 0
	f := {
		"msg": "no problem-report issue template: add one (for example .github/ISSUE_TEMPLATE/problem-report.yml) with fields for the safety impact, the affected versions and the classification",
		"msg_ko": "문제보고 이슈 템플릿이 없습니다: 안전 영향, 영향받는 버전, 분류 항목이 있는 템플릿을 추가하십시오(예: .github/ISSUE_TEMPLATE/problem-report.yml)",
		"path": input.config.path,
		"line": profile.config_line("product"),
		"key": "template|missing",
	}
}

# (a) Problem-report templates that do not ask for the safety impact.
deny contains f if {
	not safety_template
	some t in problem_templates
	f := {
		"msg": sprintf("problem-report template %s does not ask for the safety impact: add a field such as \"Safety impact\" (안전 영향)%s", [t.path, also_missing(t)]),
		"msg_ko": sprintf("문제보고 템플릿 %s이(가) 안전 영향을 묻지 않습니다: \"안전 영향\"(Safety impact) 같은 항목을 추가하십시오%s", [t.path, also_missing_ko(t)]),
		"path": t.path,
		"key": sprintf("template|%s", [t.path]),
	}
}

also_missing(t) := msg if {
	missing := [name | some key, name in {"affected_versions": "the affected versions", "classification": "the classification (severity)"}; not t.asks[key]]
	count(missing) > 0
	msg := sprintf(", and fields for %s", [concat(" and ", missing)])
} else := ""

# (b) Fix commits without a problem reference.
deny contains f if {
	some c in fixes
	not references_problem(c)
	not history.covered_by_merge(c)
	f := {
		"msg": sprintf("commit %s fixes a problem but names no problem report (no reference in the message, no Fixes:, Refs: or Problem-Report: trailer)", [history.label(c)]),
		"msg_ko": sprintf("커밋 %s은(는) 문제를 수정하지만 문제보고를 적지 않습니다(메시지에 참조가 없고 Fixes:, Refs:, Problem-Report: 트레일러도 없음)", [history.label(c)]),
		"path": history.path_in(c, "system"),
		"key": sprintf("unreferenced|%s", [c.id]),
	}
}

# (c) Fixes to class C software without a regression test.
deny contains f if {
	some c in fixes
	some name in class_c_touched(c)
	not tested(c)
	f := {
		"msg": sprintf("commit %s fixes class C software system %s without changing a test (no regression test accompanies the fix)", [history.label(c), name]),
		"msg_ko": sprintf("커밋 %s이(가) 등급 C 소프트웨어 시스템 %s을(를) 수정하면서 시험을 바꾸지 않습니다(수정에 회귀 시험이 따르지 않음)", [history.label(c), name]),
		"path": history.path_in(c, sprintf("system:%s", [name])),
		"key": sprintf("untested|%s|%s", [c.id, name]),
	}
}

# Non-merge commits that fix a problem: a Conventional Commits `fix` type, or a regression test change.
fixes contains c if {
	some c in history.commits
	history.own_changes(c)
	is_fix(c)
}

is_fix(c) if regex.match(`^fix(\([^)]*\))?!?:`, lower(c.subject))

is_fix(c) if {
	some ch in c.changes
	regex.match(`(^|/)tests/regression/`, ch.path)
}

problem_trailers := ["Fixes", "Refs", "Problem-Report"]

references_problem(c) if count(c.references) > 0

references_problem(c) if {
	some key in problem_trailers
	history.has_trailer(c, key)
}

class_c := {s.name | some s in profile.systems; s.safety_class == "C"}

class_c_touched(c) := history.systems_touched(c) & class_c

tested(c) if history.touches(c, "test")

# A test changed by another commit that the same merge brought in (the fix's pull request).
tested(c) if "test" in history.merge_of(c).areas

also_missing_ko(t) := msg if {
	missing := [name | some key, name in {"affected_versions": "영향받는 버전", "classification": "분류(심각도)"}; not t.asks[key]]
	count(missing) > 0
	msg := sprintf(", 그리고 %s 항목도 추가하십시오", [concat(", ", missing)])
} else := ""
