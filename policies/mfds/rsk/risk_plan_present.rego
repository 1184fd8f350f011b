# METADATA
# title: Risk management plan present
# description: |
#   ISO 14971 requires a risk management plan with the scope, responsibilities, criteria for risk acceptability, verification activities and the collection of production and post-production information. Without acceptability criteria no risk decision in the file can be checked.
#   samdscan checks that the plan has a section on each of these (English or Korean headings),
#   that its acceptability criteria are stated (a probability x severity matrix of at least 3 x 3
#   cells, or criteria written as acceptable / unacceptable / ALARP), and that it refers to the
#   intended use it manages risks for.
# custom:
#   ko:
#     title: "위험관리계획서 존재"
#     description: |
#       ISO 14971은 범위, 책임, 위험 수용 기준, 검증 활동, 생산 및 생산 후 정보 수집을 담은 위험관리계획서를
#       요구합니다. 수용 기준이 없으면 위험관리 파일의 어떤 위험 판단도 확인할 수 없습니다. samdscan은 계획서에
#       이 각 항목의 절(영문 또는 국문 제목)이 있는지, 수용 기준이(최소 3 x 3 칸의 발생 가능성 x 심각도 매트릭스나
#       허용 가능 / 허용 불가 / ALARP로 쓴 기준으로) 적혀 있는지, 위험을 관리하는 대상인 사용목적을 참조하는지
#       확인합니다.
#     recommended_action: |
#       위험관리계획서(예: `docs/risk/risk-management-plan.md` 또는 `위험관리계획서.md`)를
#       추가하여 범위, 수명주기 단계, 책임, 발생 가능성 x 심각도 수용 매트릭스, 검증 활동, 생산 후 정보 수집을
#       적으십시오.
#     applies: "항상."
#   id: MFDS-RSK-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_management_plan, documents.intended_use?]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a risk management plan, e.g. `docs/risk/risk-management-plan.md`, with scope, life-cycle phases, responsibilities, a probability x severity acceptability matrix, verification activities and post-production information collection.
#   references:
#     - {source: "ISO 14971:2019", clause: "4.4", title: "Risk management plan"}
package samdscan.mfds.rsk.risk_plan_present

import data.samdscan.lib.documents
import rego.v1

plans := documents.of_kind("risk_management_plan")

deny contains f if {
	not documents.present("risk_management_plan")
	f := documents.missing_ko("risk_management_plan", "no risk management plan found (looked for names such as docs/risk/risk-management-plan.md; set evidence.risk_management_plan to point at yours)", "위험관리계획서가 없습니다(docs/risk/risk-management-plan.md 같은 이름을 확인함; 사용하는 문서는 evidence.risk_management_plan으로 지정하십시오)")
}

# ISO 14971 §4.4, as headings (English first, then Korean, the first Korean word naming the part
# in Korean messages). The acceptability criteria are judged by what the plan states, below.
parts := {
	"scope": ["scope", "적용 범위", "범위"],
	"responsibilities": ["responsibilit", "authorit", "roles", "책임", "권한", "역할"],
	"verification activities": ["verification", "검증 활동", "검증"],
	"production and post-production information": ["post-production", "production", "post-market", "생산 및 생산 후 정보", "생산 후", "시판 후"],
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the risk management plan has no section on %s", [concat(", ", missing)]),
		"msg_ko": sprintf("위험관리계획서에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]),
		"path": plans[0].path,
		"key": "parts",
	}
}

deny contains f if {
	count(readable) > 0
	not criteria_stated
	not cut
	f := {
		"msg": sprintf("%s states no risk acceptability criteria: neither a probability x severity matrix of at least 3 x 3 cells nor criteria written as acceptable / unacceptable / ALARP", [plans[0].path]),
		"msg_ko": sprintf("%s에 위험 수용 기준이 없습니다: 최소 3 x 3 칸의 발생 가능성 x 심각도 매트릭스도, 허용 가능 / 허용 불가 / ALARP로 쓴 기준도 없습니다", [plans[0].path]),
		"path": plans[0].path,
		"key": "criteria",
	}
}

deny contains f if {
	count(readable) > 0
	not intended_use_named
	not cut
	f := {
		"msg": sprintf("%s does not refer to the intended use it manages risks for (name the intended-use document or its section)", [plans[0].path]),
		"msg_ko": sprintf("%s이(가) 위험을 관리하는 대상인 사용목적을 참조하지 않습니다(사용목적 문서나 해당 절을 적으십시오)", [plans[0].path]),
		"path": plans[0].path,
		"key": "intended-use",
		"level": "warning",
	}
}

readable := documents.with_text(plans)

cut if documents.text_cut(readable)

criteria_stated if {
	some plan in readable
	states_criteria(plan)
}

intended_use_named if {
	some plan in readable
	names_intended_use(plan)
}

not_evaluated contains documents.no_text_read(plans, "the acceptability criteria and the intended-use reference", "수용 기준과 사용목적 참조") if {
	count(plans) > 0
	count(readable) == 0
}

not_evaluated contains documents.text_cut_short("the acceptability criteria", "수용 기준") if {
	cut
	not criteria_stated
}

not_evaluated contains documents.text_cut_short("the intended-use reference", "사용목적 참조") if {
	cut
	not intended_use_named
}

# A table of at least three rows of at least three judged cells besides the row label.
states_criteria(plan) if {
	rows := [cells |
		some line in split(plan.text, "\n")
		cells := table_cells(line)
		count(cells) >= 4
	]
	count(rows) >= 4 # the header row and three rows of judgements
}

states_criteria(plan) if documents.text_says([plan], criteria_words)

criteria_words := ["unacceptable", "not acceptable", "alarp", "as low as reasonably", "허용 불가", "허용불가", "수용 불가", "수용불가", "허용 가능", "수용 가능"]

# The cells of a Markdown table row, without the separator row (`|---|:--:|`).
table_cells(line) := cells if {
	t := trim_space(line)
	startswith(t, "|")
	cells := [c | some raw in split(trim(t, "|"), "|"); c := trim_space(raw)]
	some c in cells
	not regex.match(`^:?-+:?$`, c)
	c != ""
}

names_intended_use(plan) if documents.text_says([plan], ["intended use", "intended purpose", "사용목적", "사용 목적"])

names_intended_use(plan) if {
	some doc in documents.of_kind("intended_use")
	contains(plan.text, doc.path)
}
