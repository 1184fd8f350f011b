# METADATA
# title: Usability engineering file
# description: |
#   Products with a user interface keep a usability engineering file (IEC 62366-1 §4.2, §5.1-5.9),
#   and MFDS's usability guideline for standalone DMD software (2025-01-24) asks for a usability
#   summary (사용적합성 요약서) in the application. samdscan looks across the usability documents
#   for the use specification, the user interface specification, the known use errors and
#   hazard-related use scenarios, formative evaluation and summative evaluation. Every
#   hazard-related use scenario with an id (`UE-1 ...`) must be in the risk table (ISO 14971 via
#   IEC 62366-1 §5.5): a risk row names it, or it cites a row the table has.
# custom:
#   ko:
#     title: "사용적합성 엔지니어링 파일"
#     description: |
#       사용자 인터페이스가 있는 제품은 사용적합성 엔지니어링 파일을 유지하며(IEC 62366-1 §4.2,
#       §5.1~5.9), 식약처 독립형 디지털의료기기소프트웨어 사용적합성 가이드라인(2025-01-24)은 신청 시
#       사용적합성 요약서를 요구합니다. samdscan은 사용적합성 문서 전체에서 사용 명세, 사용자 인터페이스 명세,
#       알려진 사용 오류와 위해 관련 사용 시나리오, 형성 평가, 총괄 평가를 찾습니다. ID가 있는 위해 관련 사용
#       시나리오(`UE-1 ...`)는 모두 위해요인 분석표에 있어야 합니다(IEC 62366-1 §5.5): 위험 행이 이를 적거나,
#       시나리오가 분석표에 있는 행을 인용합니다.
#     recommended_action: |
#       `docs/usability/` 아래에 사용 명세, UI 명세, 위해 관련 사용 시나리오 / 알려진 사용 오류,
#       형성 평가·총괄 평가 기록, 사용적합성 요약서를 두십시오.
#     applies: "사용자 인터페이스가 있는 제품(product.ui)."
#     escalation: 독립형 디지털의료기기소프트웨어는 오류(식약처 가이드라인이 명시), 그 밖에는 경고입니다.
#   id: MFDS-USE-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.usability_file, evidence_index.entries, risks.tables?]
#   presence: true
#   applies: Products with a user interface (product.ui).
#   escalation: Error for standalone DMD software (the MFDS guideline is explicit); a warning otherwise.
#   recommended_action: |
#     Keep the usability engineering file under `docs/usability/` with a use specification, UI
#     specification, hazard-related use scenarios / known use errors, formative and summative
#     evaluation records and the usability summary (사용적합성 요약서).
#   references:
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "4.2", title: "Usability engineering file"}
#     - {source: "IEC 62366-1:2015+A1:2020", clause: "5", title: "Usability engineering process"}
#     - {source: "MFDS usability approval/review guideline for standalone DMD software (2025-01-24)"}
package samdscan.mfds.use.usability_file

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

has_ui if input.profile.ui == true

applicable := false if not has_ui

not_applicable_because contains {"msg": "the profile does not declare a user interface (product.ui)", "msg_ko": "제품 프로필에 사용자 인터페이스(product.ui)가 선언되지 않았습니다"} if not has_ui

level := "error" if input.profile.dmd_type == "standalone" else := "warning"

files := documents.for_rule("usability_file", "MFDS-USE-001")

parts := {
	"use specification": ["use specification", "사용 명세", "사용 사양", "사용사양"],
	"user interface specification": ["user interface specification", "ui specification", "사용자 인터페이스"],
	"hazard-related use scenarios": ["use scenario", "use error", "사용 시나리오", "사용 오류", "사용오류"],
	"formative evaluation": ["formative", "형성 평가", "형성평가"],
	"summative evaluation": ["summative", "총괄 평가", "총괄평가"],
}

deny contains f if {
	count(files) == 0
	f := object.union(documents.missing_ko("usability_file", "no usability engineering file found (looked under docs/usability/ and for titles like \"Usability\" / \"사용적합성\")", "사용적합성 엔지니어링 파일이 없습니다(docs/usability/ 아래와 \"사용적합성\" / \"Usability\" 같은 제목을 확인함)"), {"level": level})
}

deny contains f if {
	count(files) > 0
	missing := documents.missing_parts(files, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("사용적합성 엔지니어링 파일에 다음이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the usability engineering file has no %s", [concat(", ", missing)]), "path": files[0].path, "key": "parts", "level": level}
}

# The lines of the hazard-related use scenario sections that give an id (`UE-1 ...`): the first id
# on a line is the scenario's, the others are what it cites.
scenario_lines := [{"path": d.path, "line": h.line + i, "ids": ids} |
	some d in documents.with_text(files)
	some h in documents.headings_with(d, parts["hazard-related use scenarios"])
	is_number(h.line)
	some i, l in split(documents.section(d, h), "\n")
	i > 0
	ids := regex.find_n(`\b[A-Z][A-Z0-9]{0,7}-\d+\b`, l, -1)
	count(ids) > 0
]

risk_rows := [r | some t in object.get(input, ["risks", "tables"], []); some r in t.rows]

risk_ids := {r.id | some r in risk_rows; is_string(r.id)}

# The prefixes the risk table's ids use (`RSK-`), to tell a cited risk id from another id.
risk_prefixes := {p | some id in risk_ids; p := regex.find_n(`^[A-Z][A-Z0-9]*-`, id, 1)[0]}

named_in_a_row(id) if {
	some r in risk_rows
	some _, v in r
	is_string(v)
	contains(v, id)
	regex.match(sprintf(`(^|[^A-Za-z0-9-])%s([^0-9]|$)`, [id]), v)
}

# A risk control of a row (`risk_controls`), cited by a scenario, links it to that row.
named_in_a_row(id) if {
	some r in risk_rows
	id in r.risk_controls
}

linked(s) if {
	some id in s.ids
	id in risk_ids
}

linked(s) if {
	some id in s.ids
	named_in_a_row(id)
}

deny contains f if {
	count(risk_rows) > 0
	some s in scenario_lines
	not linked(s)
	f := {
		"msg": sprintf("use scenario %s (%s:%d) is in no risk row: no row of the risk table names it, and it cites none", [s.ids[0], s.path, s.line]),
		"msg_ko": sprintf("사용 시나리오 %s(%s:%d)가 어떤 위험 행에도 없습니다: 위해요인 분석표의 어느 행도 이를 적지 않고, 시나리오도 행을 인용하지 않습니다", [s.ids[0], s.path, s.line]),
		"path": s.path,
		"line": s.line,
		"key": sprintf("unlinked|%s", [s.ids[0]]),
		"level": level,
	}
}

deny contains f if {
	some s in scenario_lines
	some id in array.slice(s.ids, 1, count(s.ids))
	some prefix in risk_prefixes
	startswith(id, prefix)
	not id in risk_ids
	f := {
		"msg": sprintf("use scenario %s (%s:%d) cites %s, which no risk table has", [s.ids[0], s.path, s.line, id]),
		"msg_ko": sprintf("사용 시나리오 %s(%s:%d)가 인용한 %s이(가) 위해요인 분석표에 없습니다", [s.ids[0], s.path, s.line, id]),
		"path": s.path,
		"line": s.line,
		"key": sprintf("dangling|%s|%s", [s.ids[0], id]),
		"level": level,
	}
}

not_evaluated contains r if {
	count(scenario_lines) > 0
	count(risk_rows) == 0
	r := {
		"msg": "the use scenarios' links to the risk table were not checked: samdscan parsed no risk table rows",
		"msg_ko": "사용 시나리오와 위해요인 분석표의 연결을 확인하지 못했습니다: samdscan이 위해요인 분석표의 행을 해석하지 못했습니다",
	}
}
