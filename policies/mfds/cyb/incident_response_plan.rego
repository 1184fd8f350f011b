# METADATA
# title: Cybersecurity incident response plan (침해사고 대응)
# description: |
#   The DMPA electronic-intrusion security guideline requires manufacturers to respond to
#   intrusions (draft Arts. 17-19), and the 2026 safety management plan announces standard
#   incident-response procedures. The plan covers detection, assessment of the incident and its
#   patient-safety impact, containment, notification of MFDS and of users and healthcare
#   providers, recovery, and lessons learned; it names real contacts and is reviewed at least
#   yearly. The plan is exercised: it records an exercise (a tabletop or drill) or the review of a
#   real incident, dated within the last year. Headings are recognised in English and Korean
#   (docs/templates.md lists them).
# custom:
#   ko:
#     title: "전자적 침해행위(침해사고) 보안 대응 계획"
#     description: |
#       디지털의료기기 전자적 침해행위 보안지침은 제조자에게 침해 대응을 요구하며(초안 제17~19조), 2026년 안전관리
#       종합계획은 표준 침해사고 대응 절차를 예고합니다. 계획은 탐지, 침해와 환자 안전 영향의 평가, 봉쇄, 식약처와
#       사용자·의료기관 통지, 복구, 교훈을 다루고, 실제 연락처를 적으며, 최소 1년에 한 번 검토되어야 합니다. 제목은
#       영어와 한국어로 인식합니다(docs/templates.md에 목록). 계획은 실제로 훈련되어야 하므로, 지난 1년 안의
#       날짜가 적힌 훈련(도상 훈련, 모의훈련)이나 실제 침해사고 검토 기록을 담습니다.
#     recommended_action: |
#       `docs/security/incident-response-plan.md`(또는 `침해사고 대응 계획`)를 추가하여
#       탐지, 평가, 봉쇄, 통지(식약처, 사용자), 복구, 교훈 절과 실제 연락처, `reviewed:
#       YYYY-MM-DD` 날짜를 적으십시오.
#     applies: "디지털의료제품법 적용 제품과 네트워크 연결 제품."
#   id: MFDS-CYB-014
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [documents.incident_response_plan, evidence_index.entries]
#   presence: true
#   applies: DMPA products and connected products.
#   security_severity: 7.0
#   recommended_action: |
#     Add `docs/security/incident-response-plan.md` (or `침해사고 대응 계획`) with sections for
#     detection, assessment, containment, notification (MFDS, users), recovery and lessons
#     learned, real contacts, and a `reviewed: YYYY-MM-DD` date.
#   references:
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (draft 2024-12-13)", clause: "Arts. 17-19", title: "Response to electronic intrusion"}
#     - {source: "IMDRF/CYBER WG/N60FINAL:2020 (MFDS Korean edition 2023-11)", clause: "6.5", title: "Incident response"}
package samdscan.mfds.cyb.incident_response_plan

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if profile.connected

in_scope if profile.dmpa

applicable := false if not in_scope

not_applicable_because contains {"msg": "the profile declares neither regime DMPA nor a connected product", "msg_ko": "제품 프로필에 규제 체계 DMPA도, 네트워크 연결 제품도 선언되지 않았습니다"} if not in_scope

plans := documents.for_rule("incident_response_plan", "MFDS-CYB-014")

parts := {
	"detection": ["detection", "detect", "identification", "탐지", "인지"],
	"assessment": ["assessment", "triage", "analysis", "classification", "평가 및 분류", "평가", "분석", "분류"],
	"containment": ["containment", "eradication", "봉쇄 및 제거", "봉쇄", "차단", "격리"],
	"notification": ["notification", "communication", "reporting", "통지", "통보", "보고", "신고"],
	"recovery": ["recovery", "restoration", "복구"],
	"lessons learned": ["lessons learned", "post-incident", "retrospective", "사후 검토 및 교훈", "사후 검토", "교훈", "재발 방지"],
}

deny contains f if {
	count(plans) == 0
	f := documents.missing_ko("incident_response_plan", "no cybersecurity incident response plan found (looked for names such as docs/security/incident-response-plan.md or a title like \"Incident Response Plan\" / \"침해사고 대응 계획\")", "침해사고(전자적 침해행위) 대응 계획이 없습니다(docs/security/incident-response-plan.md 같은 이름이나 \"침해사고 대응 계획\" / \"Incident Response Plan\" 같은 제목을 확인함)")
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("침해사고 대응 계획에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the incident response plan has no section on %s", [concat(", ", missing)]), "path": plans[0].path, "key": "parts"}
}

deny contains f if {
	count(plans) > 0
	not names_mfds
	f := {"msg_ko": sprintf("%s에 식약처 통지 방법이 없습니다", [plans[0].path]), "msg": sprintf("%s does not say how MFDS (식약처) is notified", [plans[0].path]), "path": plans[0].path, "key": "mfds-notification"}
}

names_mfds if {
	some doc in plans
	regex.match(`(?i)(\bMFDS\b|식약처|식품의약품안전처)`, doc.text)
}

deny contains f if {
	some doc in plans
	regex.match(`(?i)(\bTBD\b|\bTODO\b|example\.(com|org|net)|<contact>)`, doc.text)
	f := {"msg_ko": sprintf("%s의 연락처가 임시 값입니다(TBD, TODO 또는 example.com)", [doc.path]), "msg": sprintf("%s has placeholder contacts (TBD, TODO or example.com)", [doc.path]), "path": doc.path, "key": sprintf("placeholder|%s", [doc.path]), "level": "warning"}
}

deny contains documents.stale_finding(doc) if {
	some doc in plans
	documents.stale(doc)
}

# Headings of the plan's record of exercises or incident reviews (English words first, then Korean).
exercise_words := ["exercise", "drill", "tabletop", "table-top", "simulation", "incident review", "incident log", "훈련", "모의", "사고 검토", "사고 이력", "대응 기록"]

# The sections of readable plans that record exercises or incident reviews.
exercise_sections := [{"doc": d, "heading": h, "text": documents.section(d, h)} |
	some d in documents.with_text(plans)
	some h in documents.headings_with(d, exercise_words)
]

# Every date in those sections (2026-05-02, 2026.05.02 or 2026/05/02), in days before the scan.
exercise_ages := [{"date": date, "age": age, "section": e} |
	some e in exercise_sections
	some raw in regex.find_n(`\d{4}[-./]\d{2}[-./]\d{2}`, e.text, -1)
	date := replace(replace(raw, ".", "-"), "/", "-")
	ns := time.parse_ns("2006-01-02", date)
	age := floor((time.parse_ns("2006-01-02", input.as_of) - ns) / ((24 * 60) * 60e9))
	age >= 0
]

exercised_recently if {
	some a in exercise_ages
	a.age <= documents.max_age_days
}

deny contains f if {
	count(documents.with_text(plans)) > 0
	count(exercise_sections) == 0
	not documents.text_cut(plans)
	doc := documents.with_text(plans)[0]
	f := {
		"msg": sprintf("%s records no exercise (tabletop or drill) or incident review: add a dated record of the last one", [doc.path]),
		"msg_ko": sprintf("%s에 훈련(도상 훈련, 모의훈련)이나 침해사고 검토 기록이 없습니다: 마지막 기록을 날짜와 함께 적으십시오", [doc.path]),
		"path": doc.path,
		"key": "no-exercise",
		"level": "warning",
	}
}

deny contains f if {
	count(exercise_sections) > 0
	not exercised_recently
	e := exercise_sections[0]
	f := {
		"msg": sprintf("%s records no exercise or incident review dated within the last %d days (the section \"%s\" gives %s)", [e.doc.path, documents.max_age_days, e.heading.text, newest_text]),
		"msg_ko": sprintf("%s에 최근 %d일 안의 날짜가 적힌 훈련이나 침해사고 검토 기록이 없습니다(\"%s\" 절의 날짜: %s)", [e.doc.path, documents.max_age_days, e.heading.text, newest_text_ko]),
		"path": e.doc.path,
		"line": e.heading.line,
		"key": "exercise-stale",
		"level": "warning",
		"dated": true,
	}
}

newest_text := sprintf("its newest date is %s", [newest.date]) if count(exercise_ages) > 0 else := "no date"

newest_text_ko := newest.date if count(exercise_ages) > 0 else := "없음"

newest := [a | some a in exercise_ages; a.age == min({b.age | some b in exercise_ages})][0]

not_evaluated contains documents.no_text_read(plans, "the exercise record", "훈련 기록") if {
	count(plans) > 0
	count(documents.with_text(plans)) == 0
}

not_evaluated contains documents.text_cut_short("the exercise record", "훈련 기록") if {
	documents.text_cut(plans)
	count(exercise_sections) == 0
}
