package samdscan.mfds.cyb.support_period_test

import data.samdscan.mfds.cyb.support_period as p
import rego.v1

policy := {
	"path": "docs/security/support-policy.md", "format": "markdown", "title": "Support policy",
	"headings": [{"text": "Support period"}, {"text": "Decommissioning and data deletion"}],
	"text": "---\nreviewed: 2026-06-01\n---\n| 1.2.x | 2031-06-30 |",
}

scan(docs, classes) := {"profile": {"connected": true, "software_systems": [{"safety_class": c} | some c in classes]}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"support_policy": docs}}

test_dated_policy_passes if {
	count(p.deny) == 0 with input as scan([policy], ["B"])
}

test_korean_policy_passes if {
	ko := object.union(policy, {"title": "보안 지원 기간", "headings": [{"text": "지원 기간"}, {"text": "폐기 및 데이터 삭제"}], "text": "2031년 6월까지 지원"})
	count(p.deny) == 0 with input as scan([ko], ["B"])
}

test_front_matter_date_is_not_an_end_of_support_date if {
	undated := object.union(policy, {"text": "---\nreviewed: 2026-06-01\n---\nSupported for five years."})
	d := p.deny with input as scan([undated], ["B"])
	some f in d
	f.key == "no-date"
	object.get(f, "level", "default") == "default"
}

test_missing_policy_for_class_c_has_the_base_level if {
	d := p.deny with input as scan([], ["C"])
	some f in d
	f.key == "missing"
	object.get(f, "level", "default") == "default"
}

test_no_decommissioning_fails if {
	d := p.deny with input as scan([object.union(policy, {"headings": [{"text": "Support period"}]})], ["B"])
	some f in d
	f.key == "decommissioning"
}
