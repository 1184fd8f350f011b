package samdscan.mfds.cyb.threat_model_current_test

import data.samdscan.mfds.cyb.threat_model_current as p
import rego.v1

model := {
	"path": "docs/security/threat-model.md", "format": "markdown", "title": "Threat model",
	"headings": [{"text": "Trust boundaries"}, {"text": "Interfaces and data flows"}, {"text": "External dependencies"}, {"text": "Threats (STRIDE)"}],
	"text": "", "reviewed": {"date": "2026-08-01", "age_days": 61},
}

base := {"profile": {"connected": true}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}}

with_model(m) := object.union(base, {"documents": {"threat_model": [m]}})

test_current_model_passes if {
	count(p.deny) == 0 with input as with_model(model)
}

test_korean_model_passes if {
	ko := object.union(model, {"title": "위협 모델", "headings": [{"text": "신뢰 경계"}, {"text": "인터페이스"}, {"text": "외부 의존성"}, {"text": "위협 목록"}]})
	count(p.deny) == 0 with input as with_model(ko)
}

test_model_older_than_a_year_fails if {
	d := p.deny with input as with_model(object.union(model, {"reviewed": {"date": "2025-08-01", "age_days": 426}}))
	some f in d
	f.key == "stale|docs/security/threat-model.md"
}

test_configured_age_applies if {
	d := p.deny with input as object.union(with_model(model), {"config": {"path": null, "lines": {}, "max_document_age_days": 30}})
	count(d) == 1
}

test_undated_model_is_a_warning if {
	d := p.deny with input as with_model(object.union(model, {"reviewed": null}))
	some f in d
	f.level == "warning"
}

test_missing_model_fails if {
	d := p.deny with input as object.union(base, {"documents": {"threat_model": []}})
	count(d) == 1
}

test_model_older_than_the_last_interface_change_fails if {
	change := {"id": "0123456789abcdef", "date": "2026-09-01", "summary": "Add BLE pairing (CR-9)", "path": "src/ble/pairing.py"}
	d := p.deny with input as object.union(with_model(model), {"interface_changes": {"evaluated": true, "files": 1, "last_change": change}})
	some f in d
	f.msg == "docs/security/threat-model.md (reviewed 2026-08-01) predates the last change to interface code: src/ble/pairing.py on 2026-09-01 (Add BLE pairing (CR-9), commit 0123456789ab)"
	older := object.union(change, {"date": "2026-07-01"})
	count(p.deny) == 0 with input as object.union(with_model(model), {"interface_changes": {"evaluated": true, "files": 1, "last_change": older}})
}
