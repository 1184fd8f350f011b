package samdscan.mfds.dcp.combination_linkage_test

import data.samdscan.mfds.dcp.combination_linkage as p
import rego.v1

scan(docs) := {"profile": {"combination_product": true}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"combination_product": docs}}

test_linkage_document_passes if {
	count(p.deny) == 0 with input as scan([{"path": "docs/combination/linkage.md", "title": "디지털융합의약품 연계"}])
}

test_missing_linkage_fails if {
	d := p.deny with input as scan([])
	some f in d
	f.key == "missing"
}

test_not_applicable_without_a_drug if {
	p.applicable == false with input as {"profile": {"combination_product": false}}
}

reqs(items) := {"items": items}

dosing := {"id": "REQ-4", "title": "Insulin dose suggestion", "text": "The app shall suggest a bolus dose from the carbohydrate count.", "path": "docs/srs.md", "line": 12}

with_reqs(docs, items) := object.union(scan(docs), {"requirements": reqs(items)})

test_a_dosing_requirement_needs_a_label_section if {
	doc := {"path": "docs/combination/linkage.md", "title": "Combination product linkage", "text": "REQ-1 reminders follow section 6."}
	d := p.deny with input as with_reqs([doc], [dosing, {"id": "REQ-1", "title": "Reminders", "text": "Show a reminder.", "path": "docs/srs.md", "line": 3}])
	[[f.key, f.line] | some f in d] == [["unmapped|REQ-4", 12]]
}

test_the_linkage_document_or_the_requirement_can_map_it if {
	listed := {"path": "docs/combination/linkage.md", "title": "Combination product linkage", "text": "| REQ-4 | 용법·용량 (section 3) |"}
	count(p.deny) == 0 with input as with_reqs([listed], [dosing])
	own := object.union(dosing, {"text": "The app shall suggest a bolus dose within the labeled range (SmPC section 4.2)."})
	count(p.deny) == 0 with input as with_reqs([{"path": "docs/combination/linkage.md", "title": "연계", "text": "기능 목록"}], [own])
}

test_an_id_prefix_is_not_a_mapping if {
	doc := {"path": "docs/combination/linkage.md", "title": "Combination product linkage", "text": "REQ-40 is mapped."}
	d := p.deny with input as with_reqs([doc], [dosing])
	count(d) == 1
}

test_a_korean_dosing_requirement_is_recognised if {
	ko := {"id": "REQ-7", "title": "용량 적정 알림", "text": "앱은 혈당에 따라 용량 적정을 안내한다.", "path": "docs/요구사항.md", "line": 5}
	d := p.deny with input as with_reqs([{"path": "docs/combination/linkage.md", "title": "연계", "text": "없음"}], [ko])
	[f.key | some f in d] == ["unmapped|REQ-7"]
}
