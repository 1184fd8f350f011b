package samdscan.mfds.qms.performance_certification_test

import data.samdscan.mfds.qms.performance_certification as p
import rego.v1

cert := {"system": "MFDS", "document_id": "CPE-2025-001", "version": "2.3.1", "approved": "2025-05-01", "expires": "2029-05-01", "component": "ecg-core", "valid": true}

scan(regime, entries, deps) := {
	"as_of": "2026-10-01",
	"profile": {"regime": regime},
	"evidence_index": {"path": "regulatory/evidence-index.yaml", "entries": entries},
	"dependencies": {"direct": deps},
}

dep(version) := {"name": "ECG-Core", "version": version, "ecosystem": "pypi"}

test_the_certified_version_pinned_passes if {
	input_ := scan("DMPA", {"MFDS-QMS-004": {"line": 3, "external": cert}}, [dep("2.3.1")])
	count(p.deny) == 0 with input as input_
	count(p.not_evaluated) == 0 with input as input_
}

test_another_pinned_version_is_named if {
	d := p.deny with input as scan("DMPA", {"MFDS-QMS-004/ecg": {"line": 3, "external": cert}}, [dep("2.4.0")])
	count(d) == 1
	some f in d
	f.msg == "ecg-core is pinned at 2.4.0, but the certificate CPE-2025-001 covers version 2.3.1"
	f.line == 3
}

test_a_component_not_among_the_dependencies_is_not_judged if {
	r := p.not_evaluated with input as scan("DMPA", {"MFDS-QMS-004": {"line": 3, "external": cert}}, [])
	some m in r
	contains(m.msg, "not among the product's locked dependencies")
	nameless := object.remove(cert, ["component"])
	r2 := p.not_evaluated with input as scan("DMPA", {"MFDS-QMS-004": {"line": 3, "external": nameless}}, [dep("2.3.1")])
	some m2 in r2
	contains(m2.msg, "names no `component`")
}

test_an_expired_certificate_is_named if {
	old := object.union(cert, {"expires": "2026-01-01"})
	d := p.deny with input as scan("DMPA", {"MFDS-QMS-004": {"line": 3, "external": old}}, [dep("2.3.1")])
	some f in d
	contains(f.msg, "expired on 2026-01-01")
}

test_applicability if {
	p.applicable == false with input as scan("DMPA", {}, [])
	not p.applicable with input as scan("WELLNESS", {}, [])
	some r in p.not_observable_because with input as scan("WELLNESS", {}, [])
	contains(r.msg, "granted outside the repository")
}
