package samdscan.mfds.pms.post_market_surveillance_plan_test

import data.samdscan.mfds.pms.post_market_surveillance_plan as p
import rego.v1

plan := {
	"path": "docs/pms/post-market-surveillance-plan.md", "format": "markdown", "title": "Post-market surveillance plan",
	"headings": [{"text": "Field data"}, {"text": "Complaint and anomaly trending"}, {"text": "Update monitoring"}],
}

scan(docs, index) := {"profile": {"marketed": true, "grade": 3}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": index}, "documents": {"post_market_surveillance_plan": docs}}

test_plan_passes if {
	count(p.deny) == 0 with input as scan([plan], {})
}

test_korean_plan_passes if {
	ko := object.union(plan, {"title": "시판 후 감시 계획", "headings": [{"text": "현장 데이터"}, {"text": "불만 및 이상 추세 분석"}, {"text": "업데이트 모니터링"}]})
	count(p.deny) == 0 with input as scan([ko], {})
}

test_missing_plan_is_a_warning if {
	d := p.deny with input as scan([], {})
	some f in d
	object.get(f, "level", "default") == "default"
	f.key == "missing"
}

test_incomplete_plan_names_missing_parts if {
	d := p.deny with input as scan([object.union(plan, {"headings": [{"text": "Field data"}]})], {})
	some f in d
	f.msg == "the post-market surveillance plan has no section on complaint and anomaly trending, update monitoring"
}

test_not_applicable_before_market if {
	p.applicable == false with input as {"profile": {"marketed": false}}
}
