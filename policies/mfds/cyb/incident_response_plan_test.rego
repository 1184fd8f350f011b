package samdscan.mfds.cyb.incident_response_plan_test

import data.samdscan.mfds.cyb.incident_response_plan as p
import rego.v1

english := {
	"path": "docs/security/incident-response-plan.md", "format": "markdown", "title": "Incident response plan",
	"headings": [{"text": "Detection", "line": 1, "level": 2}, {"text": "Assessment", "line": 2, "level": 2}, {"text": "Containment", "line": 3, "level": 2}, {"text": "Notification of MFDS and users", "line": 4, "level": 2}, {"text": "Recovery", "line": 5, "level": 2}, {"text": "Lessons learned", "line": 6, "level": 2}, {"text": "Exercises", "line": 7, "level": 2}],
	"text": "## Detection\n## Assessment\n## Containment\n## Notify MFDS within 72 hours. Contact: security@cardiowatch.kr\n## Recovery\n## Lessons learned\n## Exercises\n- 2026-04-10 tabletop: ransomware on the ingest server\n", "reviewed": {"date": "2026-09-01", "age_days": 30},
}

korean := {
	"path": "docs/security/ir-plan.md", "format": "markdown", "title": "침해사고 대응 계획",
	"headings": [{"text": "탐지"}, {"text": "평가 및 분류"}, {"text": "봉쇄 및 제거"}, {"text": "통지"}, {"text": "복구"}, {"text": "사후 검토 및 교훈"}, {"text": "모의훈련 기록", "line": 2, "level": 2}],
	"text": "식약처에 72시간 이내 통보\n## 모의훈련 기록\n- 2026.03.05 도상 훈련\n", "reviewed": {"date": "2026-09-01", "age_days": 30},
}

scan(docs) := {"as_of": "2026-10-01", "profile": {"regime": "DMPA"}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"incident_response_plan": docs}}

test_english_plan_passes if {
	count(p.deny) == 0 with input as scan([english])
}

test_korean_plan_passes if {
	count(p.deny) == 0 with input as scan([korean])
}

test_missing_plan_fails if {
	d := p.deny with input as scan([])
	some f in d
	f.key == "missing"
}

test_incomplete_plan_fails if {
	thin := object.union(english, {"headings": [{"text": "Detection"}], "text": "Call TBD", "reviewed": {"date": "2025-01-01", "age_days": 638}})
	d := p.deny with input as scan([thin])
	keys := {f.key | some f in d}
	keys == {"parts", "mfds-notification", "placeholder|docs/security/incident-response-plan.md", "stale|docs/security/incident-response-plan.md", "no-exercise"}
}

test_an_old_exercise_is_a_dated_warning_naming_its_date if {
	old := object.union(english, {"text": replace(english.text, "2026-04-10", "2024-11-20")})
	d := p.deny with input as scan([old])
	[[f.key, f.level, f.line, f.dated] | some f in d] == [["exercise-stale", "warning", 7, true]]
	some f in d
	contains(f.msg, "its newest date is 2024-11-20")
}

test_an_undated_exercise_section_fails if {
	undated := object.union(english, {"text": replace(english.text, "2026-04-10 ", "")})
	d := p.deny with input as scan([undated])
	some f in d
	f.key == "exercise-stale"
	contains(f.msg, "gives no date")
}

test_a_plan_without_text_is_not_evaluated_for_exercises if {
	i := scan([object.remove(english, ["text"])])
	keys := {f.key | some f in p.deny} with input as i
	not "no-exercise" in keys
	reasons := {r.msg | some r in p.not_evaluated} with input as i
	reasons == {"the exercise record not checked: samdscan read no text of docs/security/incident-response-plan.md"}
}

test_applies_to_connected_or_dmpa_only if {
	p.applicable == false with input as {"profile": {"regime": "MDA", "connected": false}}
	not p.applicable == false with input as {"profile": {"regime": "MDA", "connected": true}}
}
