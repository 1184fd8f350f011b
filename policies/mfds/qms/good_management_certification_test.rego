package samdscan.mfds.qms.good_management_certification_test

import data.samdscan.mfds.qms.good_management_certification as p
import rego.v1

record(external) := {"line": 7, "external": external}

cert := {"system": "MFDS", "document_id": "GMS-2025-17", "version": "1", "approved": "2025-03-01", "valid": true}

scan(entries) := {
	"as_of": "2026-10-01",
	"profile": {"regime": "DMPA"},
	"evidence_index": {"path": "regulatory/evidence-index.yaml", "entries": entries},
}

test_a_current_certificate_passes if {
	ok := object.union(cert, {"expires": "2028-02-29"})
	count(p.deny) == 0 with input as scan({"MFDS-QMS-003": record(ok)})
	count(p.not_observable_because) == 0 with input as scan({"MFDS-QMS-003": record(ok)})
}

test_an_expired_certificate_is_named_at_its_entry if {
	old := object.union(cert, {"expires": "2026-09-30"})
	d := p.deny with input as scan({"MFDS-QMS-003": record(old)})
	count(d) == 1
	some f in d
	contains(f.msg, "GMS-2025-17 (MFDS-QMS-003) expired on 2026-09-30")
	f.path == "regulatory/evidence-index.yaml"
	f.line == 7
}

test_a_certificate_without_expiry_is_a_finding if {
	d := p.deny with input as scan({"MFDS-QMS-003/renewal": record(cert)})
	some f in d
	contains(f.msg, "gives no expiry date")
}

test_no_record_is_not_observable_and_an_invalid_one_not_evaluated if {
	some r in p.not_observable_because with input as scan({})
	contains(r.msg, "list the certificate")
	bad := object.union(cert, {"valid": false})
	some n in p.not_evaluated with input as scan({"MFDS-QMS-003": record(bad)})
	contains(n.msg, "is invalid")
	count(p.deny) == 0 with input as scan({"MFDS-QMS-003": record(bad)})
}

test_only_dmpa if {
	p.applicable == false with input as {"profile": {"regime": "MDA"}}
}
