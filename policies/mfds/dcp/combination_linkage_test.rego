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
