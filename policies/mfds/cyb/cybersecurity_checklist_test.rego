package samdscan.mfds.cyb.cybersecurity_checklist_test

import data.samdscan.mfds.cyb.cybersecurity_checklist as p
import rego.v1

row(id, applicable, evidence, exists, justification) := {"id": id, "title": null, "applicable": applicable, "evidence": evidence, "evidence_exists": exists, "justification": justification, "method": "test", "line": 4}

checklist(rows) := {"path": "docs/security/mfds-cyber-checklist.yaml", "parsed": true, "error": null, "requirements": rows}

index := {"entries": {"MFDS-CYB-009/DC-03": {"external": {"document_id": "SEC-7", "valid": true}}}}

scan(lists) := {"profile": {"connected": true}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": index, "cybersecurity_checklists": lists}

test_complete_checklist_passes if {
	rows := [row("IA-01", true, "docs/t.md", true, null), row("DC-03", true, "SEC-7", false, null), row("RA-05", false, null, false, "no media")]
	count(p.deny) == 0 with input as scan([checklist(rows)])
}

test_row_problems_fail if {
	rows := [row("IA-01", true, null, false, null), row("UC-02", false, null, false, null), row("SI-01", null, null, false, null), row("DC-01", true, "QMS-404", false, null), row("IA-01", false, null, false, "n/a")]
	d := p.deny with input as scan([checklist(rows)])
	msgs := {f.msg | some f in d}
	"docs/security/mfds-cyber-checklist.yaml: requirement IA-01 applies but names no evidence" in msgs
	"docs/security/mfds-cyber-checklist.yaml: requirement UC-02 does not apply but gives no justification" in msgs
	"docs/security/mfds-cyber-checklist.yaml: requirement SI-01 does not say whether it applies (applicable: true/false or Y/N)" in msgs
	"docs/security/mfds-cyber-checklist.yaml: requirement DC-01 names evidence QMS-404, which is neither a file of the repository nor a document id of the evidence index" in msgs
	"docs/security/mfds-cyber-checklist.yaml lists requirement IA-01 more than once" in msgs
	every f in d {
		f.path == "docs/security/mfds-cyber-checklist.yaml"
	}
}

test_missing_unreadable_and_empty_fail if {
	count(p.deny) == 1 with input as scan([])
	d := p.deny with input as scan([{"path": "c.yaml", "parsed": false, "error": "not valid YAML", "requirements": []}])
	some f in d
	f.key == "unreadable|c.yaml"
	e := p.deny with input as scan([checklist([])])
	some g in e
	g.key == "empty|docs/security/mfds-cyber-checklist.yaml"
}
