# METADATA
# title: Traceability between requirements, tests and risk controls
# description: |
#   IEC 62304 §5.1.1, §5.7.4 and §7.3.3 require traceability between software requirements,
#   their verification and the risk controls they implement, and MFDS reviews it in software
#   dossiers. samdscan builds the matrix from the repository itself (`samdscan trace` prints it):
#   every requirement needs at least one verifying reference in code or tests (`Verifies: REQ-1`,
#   `@req REQ-1`, `@pytest.mark.requirement("REQ-1")`), every reference must name a known
#   requirement, and every risk control of the risk table must be implemented by a requirement or
#   have a verification.
# custom:
#   ko:
#     title: "요구사항, 시험, 위험통제 간 추적성"
#     description: |
#       IEC 62304 §5.1.1, §5.7.4, §7.3.3은 소프트웨어 요구사항, 그 검증, 요구사항이 구현하는
#       위험통제 사이의 추적성을 요구하며, 식약처는 소프트웨어 자료에서 이를 검토합니다. samdscan은 저장소 자체에서
#       매트릭스를 만듭니다(`samdscan trace`로 출력): 모든 요구사항은 코드나 시험에 검증
#       참조(`Verifies: REQ-1`, `@req REQ-1`,
#       `@pytest.mark.requirement("REQ-1")`)가 하나 이상 있어야 하고, 모든 참조는 알려진
#       요구사항을 가리켜야 하며, 위험 분석표의 모든 위험통제는 요구사항으로 구현되거나 검증 기록을 가져야 합니다.
#     recommended_action: |
#       각 시험에 검증하는 요구사항을 표시하고(docstring이나 주석의 `Verifies: REQ-1`,
#       `@pytest.mark.requirement("REQ-1")`, 또는
#       `verification.reference_markers`에 정한 표시), 정의되지 않은 ID에 대한 참조를
#       고치며, 각 위험통제를 구현하는 요구사항에 적거나 그 위험에 검증 참조를 부여하십시오. `samdscan
#       trace`가 결과 매트릭스를 출력합니다.
#     applies: "항상. B 또는 C등급 소프트웨어 시스템이 있으면 엄격하게(오류) 적용합니다."
#     escalation: "B 또는 C등급인 소프트웨어 시스템이 있으면 오류, 그 밖에는 경고입니다."
#   id: MFDS-SWL-006
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [requirements.items, requirement_references?, risks.tables?]
#   applies: Always; strict (error) when a software system is of class B or C.
#   escalation: Error when any software system is class B or C; warning otherwise.
#   recommended_action: |
#     Mark each test with the requirement it verifies (`Verifies: REQ-1` in its docstring or a
#     comment, `@pytest.mark.requirement("REQ-1")`, or a marker set in
#     `verification.reference_markers`), fix references to ids that no requirement defines, and
#     name each risk control in the requirement that implements it or give its risk a
#     verification reference. `samdscan trace` prints the resulting matrix.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.1.1", title: "Software development plan"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.7.4", title: "Evaluate software system testing"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "7.3.3", title: "Document traceability"}
#     - {source: "FDA Content of Premarket Submissions for Device Software Functions (2023-06-14)", title: "Traceability"}
package samdscan.mfds.swl.traceability

import data.samdscan.lib.profile
import rego.v1

level := "error" if {
	some c in profile.classes
	c in {"B", "C"}
} else := "warning"

requirements := r if {
	r := input.requirements.items
	is_array(r)
} else := []

references := r if {
	r := input.requirement_references.references
	is_array(r)
} else := []

known := {r.id | some r in requirements}

referenced := {r.id | some r in references}

not_evaluated contains {"msg": "no software requirements were found, so nothing can be traced (see MFDS-SWL-002)", "msg_ko": "소프트웨어 요구사항을 찾지 못해 추적할 대상이 없습니다(MFDS-SWL-002 참조)"} if {
	count(requirements) == 0
}

deny contains f if {
	some r in requirements
	not r.id in referenced
	f := {
		"msg": sprintf("requirement %s (%s) has no verifying test: no reference such as `Verifies: %s` names it in code or tests", [r.id, r.title, r.id]),
		"msg_ko": sprintf("요구사항 %s(%s)에 검증 시험이 없습니다: 코드나 시험에서 `Verifies: %s` 같은 참조로 가리키는 곳이 없습니다", [r.id, r.title, r.id]),
		"path": r.path,
		"line": r.line,
		"key": sprintf("unverified|%s", [r.id]),
		"level": level,
	}
}

deny contains f if {
	some ref in references
	not ref.id in known
	f := {
		"msg": sprintf("%s:%d references %s, which no requirement defines", [ref.path, ref.line, ref.id]),
		"msg_ko": sprintf("%s:%d이(가) 참조하는 %s을(를) 정의하는 요구사항이 없습니다", [ref.path, ref.line, ref.id]),
		"path": ref.path,
		"line": ref.line,
		"key": sprintf("unknown|%s|%s", [ref.path, ref.id]),
		"level": level,
	}
}

# A risk control is linked when it is itself a requirement id, a requirement's text names it, a
# reference names it, or its risk has a verification reference.
linked(control, _) if control in known

linked(control, _) if control in referenced

# The words of every requirement's text: an id-shaped control is linked when it is one of them,
# a set lookup instead of a pattern per requirement (rows x requirements).
words := {w |
	some r in requirements
	is_string(r.text)
	some w in regex.find_n(`[A-Za-z0-9_-]+`, r.text, -1)
}

linked(control, _) if control in words

# A control written as text, not as an id, is looked for in each requirement's text.
linked(control, _) if {
	not regex.match(`^[A-Za-z0-9_-]+$`, control)
	some r in requirements
	regex.match(sprintf(`(^|[^A-Za-z0-9_-])%s([^A-Za-z0-9_-]|$)`, [regex_escape(control)]), r.text)
}

linked(_, row) if trim_space(object.get(row, "verification", "")) != ""

regex_escape(s) := concat("", [c | some ch in split(s, ""); c := escape_char(ch)])

escape_char(ch) := sprintf("\\%s", [ch]) if contains(`\.+*?()|[]{}^$`, ch)

else := ch

deny contains f if {
	some t in input.risks.tables
	some row in t.rows
	some control in row.risk_controls
	not linked(control, row)
	f := {
		"msg": sprintf("risk control %s (risk %s) is linked to no requirement and no verification", [control, row.id]),
		"msg_ko": sprintf("위험통제 %s(위험 %s)이(가) 어떤 요구사항에도, 어떤 검증에도 연결되지 않았습니다", [control, row.id]),
		"path": t.path,
		"line": row.line,
		"key": sprintf("unlinked-control|%s", [control]),
		"level": level,
	}
}
