package samdscan.mfds.cyb.incident_response_plan_test

import data.samdscan.mfds.cyb.incident_response_plan as p
import rego.v1

english := {
	"path": "docs/security/incident-response-plan.md", "format": "markdown", "title": "Incident response plan",
	"headings": [{"text": "Detection"}, {"text": "Assessment"}, {"text": "Containment"}, {"text": "Notification of MFDS and users"}, {"text": "Recovery"}, {"text": "Lessons learned"}],
	"text": "Notify MFDS within 72 hours. Contact: security@cardiowatch.kr", "reviewed": {"date": "2026-09-01", "age_days": 30},
}

korean := {
	"path": "docs/security/ir-plan.md", "format": "markdown", "title": "침해사고 대응 계획",
	"headings": [{"text": "탐지"}, {"text": "평가 및 분류"}, {"text": "봉쇄 및 제거"}, {"text": "통지"}, {"text": "복구"}, {"text": "사후 검토 및 교훈"}],
	"text": "식약처에 72시간 이내 통보", "reviewed": {"date": "2026-09-01", "age_days": 30},
}

scan(docs) := {"profile": {"regime": "DMPA"}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"incident_response_plan": docs}}

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
	keys == {"parts", "mfds-notification", "placeholder|docs/security/incident-response-plan.md", "stale|docs/security/incident-response-plan.md"}
}

test_applies_to_connected_or_dmpa_only if {
	p.applicable == false with input as {"profile": {"regime": "MDA", "connected": false}}
	not p.applicable == false with input as {"profile": {"regime": "MDA", "connected": true}}
}
