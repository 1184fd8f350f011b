package samdscan.mfds.cyb.personal_data_test

import data.samdscan.mfds.cyb.personal_data as p
import rego.v1

full_inventory := {
	"path": "docs/privacy/data-inventory.md",
	"title": "Personal Data Inventory",
	"headings": [
		{"level": 2, "text": "Data elements"},
		{"level": 2, "text": "Purpose"},
		{"level": 2, "text": "Storage"},
		{"level": 2, "text": "Retention"},
		{"level": 2, "text": "Transfer"},
		{"level": 2, "text": "Pseudonymisation"},
	],
}

korean_inventory := {
	"path": "docs/개인정보/개인정보_처리_현황.md",
	"title": "개인정보 처리 현황",
	"headings": [
		{"level": 2, "text": "개인정보 항목"},
		{"level": 2, "text": "처리 목적"},
		{"level": 2, "text": "보관 위치"},
		{"level": 2, "text": "보유 기간 및 파기"},
	],
}

no_hits := {"evaluated": true, "files_read": 3, "too_large": 0, "unreadable": 0, "hits": [], "truncated": false}

scan(docs, found, product) := {
	"profile": product,
	"config": {"path": ".samdscan.yaml", "lines": {}},
	"documents": {"data_inventory": docs},
	"personal_data": found,
}

connected := {"connected": true}

with_hits(hits) := object.union(no_hits, {"hits": hits})

test_a_complete_inventory_and_no_data_pass if {
	count(p.deny) == 0 with input as scan([full_inventory], no_hits, connected)
}

test_a_missing_inventory_is_a_note if {
	d := p.deny with input as scan([], no_hits, connected)
	[f.key | some f in d] == ["missing"]
	every f in d {
		not f.level
	}
}

test_missing_sections_are_named_in_both_languages if {
	d := p.deny with input as scan([korean_inventory], no_hits, connected)
	[f.msg | some f in d] == ["the personal data inventory has no section on pseudonymisation, transfer"]
	[f.msg_ko | some f in d] == ["개인정보 처리 현황에 다음 절이 없습니다: 가명, 제3자 제공"]
}

test_identifiable_data_is_an_error_at_its_line if {
	hits := [
		{"kind": "resident_registration_number", "path": "data/visits.csv", "line": 7, "lines": 3},
		{"kind": "identifying_columns", "path": "data/people.tsv", "line": 1},
		{"kind": "dicom_patient", "path": "samples/ct.dcm", "tags": ["PatientName", "PatientID"]},
	]
	d := p.deny with input as scan([full_inventory], with_hits(hits), connected)
	{[f.path, f.level, f.sensitive] | some f in d} == {["data/visits.csv", "error", true], ["data/people.tsv", "error", true], ["samples/ct.dcm", "error", true]}
	some rrn in d
	rrn.line == 7
	rrn.msg == "data/visits.csv holds what looks like a Korean resident registration number on line 7 and 2 more lines (the value is not shown): remove it and use synthetic data"
	rrn.msg_ko == "data/visits.csv 7번째 줄 외 2줄에 주민등록번호로 보이는 값이 있습니다(값은 표시하지 않음): 지우고 합성 데이터를 사용하십시오"
	some dicom in d
	dicom.path == "samples/ct.dcm"
	contains(dicom.msg, "PatientName, PatientID")
}

test_the_profile_decides_who_processes_patient_data if {
	p.applicable == false with input as scan([], no_hits, {"connected": true, "processes_patient_data": false})
	p.applicable == false with input as scan([], no_hits, {"connected": false})
	count(p.not_applicable_because) == 1 with input as scan([], no_hits, {"connected": false})
	not p.applicable == false with input as scan([], no_hits, {"connected": false, "processes_patient_data": true})
	not p.applicable == false with input as scan([], no_hits, {"ai": {"enabled": true}})
}

test_a_capped_search_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as scan([full_inventory], object.union(no_hits, {"truncated": true}), connected)
	count(p.not_evaluated) == 1 with input as scan([full_inventory], object.union(no_hits, {"too_large": 1}), connected)
	count(p.not_evaluated) == 1 with input as scan([full_inventory], object.union(no_hits, {"unreadable": 2}), connected)
	count(p.not_evaluated) == 0 with input as scan([full_inventory], no_hits, connected)
}
