# METADATA
# title: Hazard analysis / risk table with required fields
# description: |
#   The hazard analysis or risk table (ISO 14971 §5-7, IEC 62304 §7.1) lists hazards, hazardous situations, harms, severity and probability, risk controls and residual risk, including software and SOUP causes. It is the core of the risk management file that MFDS and KGMP audits review. samdscan reads the table (CSV, YAML, Markdown tables, risks written one section each as `key: value` lines, or risk records one per file with front matter; FMEA layouts in English and Korean are matched loosely) and checks that it has the required fields, that severity and probability are on the plan's scales (a severity/probability level table in the risk management plan, else `verification.risk_scales`, else the common five-level scales), and that every risk that is unacceptable before control (severity rank x probability rank at or above `unacceptable_from`, default 10) has a risk control.
# custom:
#   ko:
#     title: "필수 항목을 갖춘 위해요인 분석표 / 위험 분석표"
#     description: |
#       위해요인 분석표 또는 위험 분석표(ISO 14971 §5~7, IEC 62304 §7.1)는 위해요인, 위해상황,
#       위해, 심각도와 발생 가능성, 위험통제, 잔여 위험을 나열하며 소프트웨어와 SOUP 원인을 포함합니다. 식약처와
#       품질관리(GMP) 심사가 검토하는 위험관리 파일의 핵심입니다. samdscan은 표(CSV, YAML,
#       Markdown 표, 위험마다 한 절의 `key: value` 줄, 또는 front matter가 있는 파일당
#       하나의 위험 기록; 영어와 한국어 FMEA 형식은 느슨하게 대조)를 읽고, 필수 항목이 있는지, 심각도와 발생
#       가능성이 계획의 척도(위험관리계획서의 수준 표, 없으면 `verification.risk_scales`, 없으면
#       일반적인 5단계 척도; 낮음/보통/높음 같은 한국어 수준 포함)에 있는지, 통제 전 수용 불가 위험(심각도 순위 x
#       발생 가능성 순위가 `unacceptable_from`(기본 10) 이상)에 위험통제가 있는지 확인합니다.
#     recommended_action: |
#       위험 분석표(예: `docs/risk/risk-table.csv` 또는 `.yaml`)에 ID, 위해요인,
#       위해상황, 위해, 심각도, 발생 가능성, 위험통제 ID, 잔여 위험, 검증 참조 열을
#       두고(docs/verification.md에 템플릿), 위험관리계획서의 심각도·발생 가능성 수준을
#       사용하며(`verification.risk_scales`에 선언), 수용할 수 없는 모든 위험에 위험통제를
#       부여하십시오.
#     applies: "항상."
#     escalation: "위험 표 누락, 필드 누락, 척도에 없는 값, 통제되지 않은 수용 불가 위험은 오류이고, samdscan이 읽을 수 없는 형식의 표는 참고입니다."
#   id: MFDS-RSK-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_table, risks.tables]
#   presence: true
#   applies: Always.
#   escalation: Missing tables, missing fields, off-scale values and uncontrolled unacceptable risks are errors; a table in a format samdscan cannot read is a note.
#   recommended_action: |
#     Add a risk table, e.g. `docs/risk/risk-table.csv` or `.yaml`, with columns id, hazard, hazardous situation, harm, severity, probability, risk control ids, residual risk and verification reference (docs/verification.md has a template); use the severity and probability levels of the risk management plan (declare them in `verification.risk_scales`), and give every unacceptable risk a risk control.
#   references:
#     - {source: "ISO 14971:2019", clause: "5.4", title: "Identification of hazards and hazardous situations"}
#     - {source: "ISO 14971:2019", clause: "5.5", title: "Risk estimation"}
#     - {source: "ISO 14971:2019", clause: "6", title: "Risk evaluation"}
#     - {source: "ISO 14971:2019", clause: "7", title: "Risk control"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "7.1", title: "Analysis of software contributing to hazardous situations"}
package samdscan.mfds.rsk.risk_table_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("risk_table")
	f := documents.missing_ko("risk_table", "no risk table or hazard analysis found (looked for names such as docs/risk/risk-table.csv, titles such as `# Hazard Analysis`, and risk records one per file; set evidence.risk_table to point at yours)", "위험 분석표 또는 위해요인 분석이 없습니다(docs/risk/risk-table.csv 같은 이름, `# 위해요인 분석` / `# Hazard Analysis` 같은 제목, 파일당 하나의 위험 기록을 확인함; 사용하는 문서는 evidence.risk_table로 지정하십시오)")
}

tables := t if {
	t := input.risks.tables
	is_array(t)
} else := []

readable := {"csv", "yaml", "markdown"}

deny contains f if {
	some t in tables
	not object.get(t, "format", "") in readable
	f := {
		"msg": sprintf("risk table %s is in a format samdscan cannot read; its fields, scales and controls are not checked (keep a CSV, YAML or Markdown copy)", [t.path]),
		"msg_ko": sprintf("위험 분석표 %s은(는) samdscan이 읽을 수 없는 형식이어서 항목, 척도, 통제를 확인하지 않습니다(CSV, YAML 또는 Markdown 사본을 두십시오)", [t.path]),
		"path": t.path,
		"key": sprintf("unreadable|%s", [t.path]),
		"level": "note",
	}
}

deny contains f if {
	some t in tables
	t.format in readable
	not t.parsed
	f := {"msg_ko": sprintf("위험 분석표 %s을(를) 읽을 수 없습니다: %s", [t.path, object.get(t, "error", "unknown error")]), "msg": sprintf("risk table %s does not parse: %s", [t.path, object.get(t, "error", "unknown error")]), "path": t.path, "key": sprintf("unparseable|%s", [t.path])}
}

deny contains f if {
	some t in tables
	t.parsed
	count(t.missing_columns) > 0
	f := {
		"msg": sprintf("risk table %s lacks the required fields: %s", [t.path, concat(", ", [replace(c, "_", " ") | some c in t.missing_columns])]),
		"msg_ko": sprintf("위험 분석표 %s에 필수 항목이 없습니다: %s", [t.path, concat(", ", [column_ko(c) | some c in t.missing_columns])]),
		"path": t.path,
		"line": 1,
		"key": sprintf("fields|%s", [t.path]),
	}
}

deny contains f if {
	some t in tables
	t.parsed
	count(t.rows) == 0
	f := {"msg_ko": sprintf("위험 분석표 %s에 위험이 하나도 없습니다", [t.path]), "msg": sprintf("risk table %s lists no risks", [t.path]), "path": t.path, "key": sprintf("empty|%s", [t.path])}
}

scale_names(kind) := concat(", ", [names[0] | some names in input.risks.scales[kind]])

# The scale's levels by their first Korean name (the default scale and a plan's own Korean
# names), else as written.
scale_names_ko(kind) := concat(", ", [level_name_ko(names) | some names in input.risks.scales[kind]])

level_name_ko(names) := korean[0] if {
	korean := [n | some n in names; regex.match(`[가-힣]`, n)]
	count(korean) > 0
} else := names[0]

# A cell's value as the Korean message quotes it: an empty cell is said to be empty.
value_ko(v) := "(빈 값)" if v == "" else := sprintf("`%v`", [v])

# The required risk-table fields by their Korean column names.
columns_ko := {
	"id": "번호",
	"hazard": "위해요인",
	"hazardous_situation": "위해 상황",
	"harm": "위해",
	"severity": "심각도",
	"probability": "발생 가능성",
	"risk_controls": "위험 통제 조치",
	"residual_risk": "잔여 위험",
	"verification": "검증",
}

column_ko(c) := columns_ko[c] if columns_ko[c] else := replace(c, "_", " ")

# Where the scales came from, as the message says it: never "the plan's" for the default.
scale_source := sprintf("the %%s scale of %s", [input.risks.scales.plan]) if {
	input.risks.scales.source == "plan"
} else := "the configured %s scale (verification.risk_scales)" if {
	input.risks.scales.source == "config"
} else := "samdscan's default %s scale (the plan defines none and verification.risk_scales is not set)"

# A risk kept one per file is anchored at its own file.
row_path(t, row) := object.get(row, "path", t.path)

deny contains f if {
	some t in tables
	some kind in ["severity", "probability"]
	has_column(t, kind)
	some row in t.rows
	row[sprintf("%s_rank", [kind])] == null
	f := {
		"msg": sprintf("risk %s in %s: %s `%s` is not on %s (%s)", [row.id, row_path(t, row), kind, row[kind], sprintf(scale_source, [kind]), scale_names(kind)]),
		"msg_ko": sprintf("%s의 위험 %s: %s %s이(가) %s에 없습니다(%s)", [row_path(t, row), row.id, kind_ko[kind], value_ko(row[kind]), sprintf(scale_source_ko, [kind_ko[kind]]), scale_names_ko(kind)]),
		"path": row_path(t, row),
		"line": row.line,
		"key": sprintf("%s|%s|%s", [kind, t.path, row.id]),
	}
}

has_column(t, field) if t.columns[field]

# A table without a risk-control column is reported once, as a missing field.
deny contains f if {
	some t in tables
	has_column(t, "risk_controls")
	some row in t.rows
	is_number(row.score)
	row.score >= input.risks.scales.unacceptable_from
	count(row.risk_controls) == 0
	f := {
		"msg": sprintf("risk %s in %s is unacceptable before control (%s x %s, score %d, unacceptable from %d) but has no risk control", [row.id, row_path(t, row), row.severity, row.probability, row.score, input.risks.scales.unacceptable_from]),
		"msg_ko": sprintf("%s의 위험 %s은(는) 통제 전 수용 불가(%s x %s, 점수 %d, %d부터 수용 불가)이지만 위험통제가 없습니다", [row_path(t, row), row.id, row.severity, row.probability, row.score, input.risks.scales.unacceptable_from]),
		"path": row_path(t, row),
		"line": row.line,
		"key": sprintf("uncontrolled|%s|%s", [t.path, row.id]),
	}
}

kind_ko := {"severity": "심각도", "probability": "발생 가능성"}

scale_source_ko := sprintf("%s의 %%s 척도", [input.risks.scales.plan]) if {
	input.risks.scales.source == "plan"
} else := "설정된 %s 척도(verification.risk_scales)" if {
	input.risks.scales.source == "config"
} else := "samdscan 기본 %s 척도(계획에 정의가 없고 verification.risk_scales도 설정되지 않음)"
