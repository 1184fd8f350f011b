package samdscan.mfds.qms.software_qms_evidence_test

import data.samdscan.mfds.qms.software_qms_evidence as p
import rego.v1

sdp := {"path": "docs/sdlc/sdp.md", "title": "Software development plan", "headings": [{"text": "Configuration management"}]}

attested(id) := {"known": true, "line": 1, "problems": [], "external": {"valid": true}}

scan(docs, entries) := {"profile": {"regime": "DMPA"}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": entries}, "documents": {"software_development_plan": [sdp], "qms_procedure": docs}}

test_procedures_in_repo_and_index_pass if {
	entries := {"MFDS-QMS-001/change-control": attested("cc"), "MFDS-QMS-001/problem-resolution": {"known": true, "exists": true}}
	count(p.deny) == 0 with input as scan([], entries)
}

test_korean_procedures_pass if {
	docs := [{"path": "docs/qms/sop-1.md", "title": "변경관리 절차서", "headings": []}, {"path": "docs/qms/sop-2.md", "title": "문제해결 절차서", "headings": []}]
	count(p.deny) == 0 with input as scan(docs, {})
}

test_missing_procedures_are_named if {
	invalid := {"MFDS-QMS-001/change-control": {"known": true, "external": {"valid": false}}}
	d := p.deny with input as scan([], invalid)
	some f in d
	f.msg == "no software QMS procedure for change-control, problem-resolution, in the repository or in the evidence index (MFDS-QMS-001/<procedure>)"
	object.get(f, "level", "default") == "default"
}

test_not_applicable_outside_dmpa if {
	p.applicable == false with input as {"profile": {"regime": "WELLNESS"}}
}
