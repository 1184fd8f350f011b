package samdscan.mfds.pms.post_market_surveillance_plan_test

import data.samdscan.mfds.pms.post_market_surveillance_plan as p
import rego.v1

plan := {
	"path": "docs/pms/post-market-surveillance-plan.md", "format": "markdown", "title": "Post-market surveillance plan",
	"headings": [{"text": "Field data"}, {"text": "Complaint and anomaly trending"}, {"text": "Update monitoring"}],
}

scan(docs, index) := {"profile": {"marketed": true, "grade": 3}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": index}, "documents": {"post_market_surveillance_plan": docs}}

text := "Complaints become problem reports, reviewed quarterly. Vulnerability feeds are watched. Model performance monitoring follows the AI plan."

with_text := object.union(plan, {"text": text})

on(profile, docs) := object.union(scan(docs, {}), {"profile": profile})

test_plan_passes if {
	count(p.deny) == 0 with input as scan([with_text], {})
	count(p.not_evaluated) == 0 with input as scan([with_text], {})
}

test_a_plan_without_text_is_not_evaluated_for_its_links if {
	count(p.deny) == 0 with input as scan([plan], {})
	count(p.not_evaluated) == 1 with input as scan([plan], {})
}

test_the_links_follow_the_profile if {
	bare := object.union(plan, {"text": "Field data is reviewed monthly."})
	[f.msg | some f in p.deny] == ["the post-market surveillance plan does not tie into problem reports (MFDS-SWL-010)"] with input as scan([bare], {})
	d := p.deny with input as on({"marketed": true, "connected": true, "ai": {"enabled": true}}, [bare])
	[f.msg | some f in d] == ["the post-market surveillance plan does not tie into AI performance monitoring (MFDS-AI-008), problem reports (MFDS-SWL-010), vulnerability monitoring (MFDS-CYB-005)"]
	count(p.deny) == 0 with input as on({"marketed": true, "connected": true, "ai": {"enabled": true}}, [with_text])
}

test_a_korean_plan_links_and_cadence_pass if {
	ko := object.union(plan, {"text": "불만은 문제 보고로 등록하고 분기마다 검토한다. 취약점 정보와 모델 성능을 감시한다."})
	count(p.deny) == 0 with input as on({"marketed": true, "connected": true, "ai": {"enabled": true}}, [ko])
}

test_a_plan_without_a_review_cadence_fails if {
	d := p.deny with input as scan([object.union(plan, {"text": "Complaints become problem reports."})], {})
	[f.key | some f in d] == ["cadence"]
}

test_a_numbered_cadence_counts if {
	count(p.deny) == 0 with input as scan([object.union(plan, {"text": "Problem reports are trended every 3 months."})], {})
	count(p.deny) == 0 with input as scan([object.union(plan, {"text": "문제 보고는 6개월마다 검토한다."})], {})
	d := p.deny with input as scan([object.union(plan, {"text": "Every release adds problem reports."})], {})
	[f.key | some f in d] == ["cadence"]
}

test_a_stale_plan_is_dated if {
	old := object.union(with_text, {"reviewed": {"date": "2024-01-01", "age_days": 1000}})
	d := p.deny with input as scan([old], {})
	[[f.key, f.dated] | some f in d] == [["stale|docs/pms/post-market-surveillance-plan.md", true]]
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
