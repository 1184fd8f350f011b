package samdscan.mfds.cyb.cybersecurity_checklist_test

import data.samdscan.mfds.cyb.cybersecurity_checklist as p
import rego.v1

row(id, applicable, evidence, exists, justification) := {"id": id, "title": null, "applicable": applicable, "evidence": evidence, "evidence_exists": exists, "justification": justification, "method": "test", "line": 4}

checklist(rows) := {"path": "docs/security/mfds-cyber-checklist.yaml", "parsed": true, "error": null, "requirements": rows}

index := {"entries": {"MFDS-CYB-009/DC-03": {"external": {"document_id": "SEC-7", "valid": true}}}}

scan(lists) := {"profile": {"connected": true}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": index, "cybersecurity_checklists": lists}

test_row_checks_pass_on_good_rows if {
	rows := [row("IA-01", true, "docs/t.md", true, null), row("DC-03", true, "SEC-7", false, null), row("RA-05", false, null, false, "no media")]
	d := p.deny with input as scan([checklist(rows)])
	{f.key | some f in d} == {"absent-ids", "count"}
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

# A row for each id of the edition's shape: IA-01..08, UC-01..07, SI-01..11, DC-01..03, TRE-01,
# RA-01..05 (35 ids, the six the guideline data names among them).
full_ids := [sprintf("%s-%s", [g, n]) |
	some [g, last] in [["IA", 8], ["UC", 7], ["SI", 11], ["DC", 3], ["TRE", 1], ["RA", 5]]
	some i in numbers.range(1, last)
	n := substring(sprintf("0%d", [i]), count(sprintf("0%d", [i])) - 2, 2)
]

full_rows := [row(id, true, "docs/t.md", true, null) | some id in full_ids]

dated(lists, as_of) := object.union(scan(lists), {"as_of": as_of})

test_the_guideline_ids_are_35_of_six_groups if {
	count(full_ids) == 35
	"TRE-01" in full_ids
	"SI-11" in full_ids
}

test_a_checklist_of_every_requirement_passes if {
	count(p.deny) == 0 with input as dated([checklist(full_rows)], "2026-10-01")
}

test_absent_named_ids_and_groups_and_a_short_count_are_reported if {
	rows := [r | some r in full_rows; not startswith(r.id, "TRE-"); r.id != "SI-11"]
	d := p.deny with input as dated([checklist(rows)], "2026-10-01")
	msgs := {f.key: f.msg | some f in d}
	msgs["absent-ids"] == "docs/security/mfds-cyber-checklist.yaml does not list the guideline's requirement(s) SI-11, TRE-01 (2024-11-27 edition)"
	msgs.count == "docs/security/mfds-cyber-checklist.yaml lists 33 requirement ids of the 2024-11-27 edition's 35 (ids are IA/UC/SI/DC/TRE/RA-NN); no row in group(s) TRE"
	count(d) == 2
}

test_ids_of_another_shape_are_named_and_not_counted if {
	rows := array.concat(full_rows, [row("CR 1.1", true, "docs/t.md", true, null)])
	without := [r | some r in rows; r.id != "RA-05"]
	d := p.deny with input as dated([checklist(without)], "2026-10-01")
	some f in d
	f.key == "count"
	endswith(f.msg, "lists 34 requirement ids of the 2024-11-27 edition's 35 (ids are IA/UC/SI/DC/TRE/RA-NN); not of that shape: CR 1.1")
	contains(f.msg_ko, "형식이 다른 ID: CR 1.1")
}

test_rows_of_two_checklists_count_together if {
	first := array.slice(full_rows, 0, 20)
	second := object.union(checklist(array.slice(full_rows, 20, 35)), {"path": "docs/security/more-cyber-checklist.yaml"})
	count(p.deny) == 0 with input as dated([checklist(first), second], "2026-10-01")
}

test_a_checklist_of_the_old_edition_is_reported_after_its_transition if {
	old := object.union(checklist(full_rows), {"edition": "2023-07-13"})
	d := p.deny with input as dated([old], "2026-10-01")
	some f in d
	f.key == "edition|docs/security/mfds-cyber-checklist.yaml"
	contains(f.msg, "were accepted until 2025-06-30")
	count(p.deny) == 0 with input as dated([old], "2025-03-01")
}
