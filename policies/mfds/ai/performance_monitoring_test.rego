package samdscan.mfds.ai.performance_monitoring_test

import data.samdscan.mfds.ai.performance_monitoring as p
import rego.v1

plan := {
	"path": "docs/ai/performance-monitoring-plan.md", "format": "markdown", "title": "AI performance monitoring plan",
	"front_matter": {"document_id": "AI-PMP-001", "version": "1"},
	"headings": [{"text": "Monitored metrics"}, {"text": "Thresholds"}, {"text": "Re-validation triggers"}],
	"text": "---\ndocument_id: AI-PMP-001\nversion: \"1\"\n---\n# AI performance monitoring plan\n\nRe-validate when the monthly AUROC falls below 0.92.",
}

pms := {"path": "docs/pms/post-market-surveillance-plan.md", "format": "markdown", "title": "Post-market surveillance plan", "headings": [], "text": "Model performance is monitored per AI-PMP-001."}

scan(plans, pms_plans) := {
	"profile": {"ai": {"enabled": true}},
	"config": {"path": ".samdscan.yaml", "lines": {"product.ai": 15}},
	"evidence_index": {"entries": {}},
	"documents": {"performance_monitoring_plan": plans, "post_market_surveillance_plan": pms_plans},
}

test_plan_with_parts_threshold_and_reference_passes if {
	count(p.deny) == 0 with input as scan([plan], [pms])
}

test_korean_plan_passes if {
	ko := object.union(plan, {"title": "AI 성능 모니터링 계획서", "headings": [{"text": "감시 지표"}, {"text": "임계값"}, {"text": "재검증 트리거"}], "text": "월간 민감도가 0.90 미만이면 재검증합니다."})
	count(p.deny) == 0 with input as scan([ko], [pms])
}

test_missing_plan_points_at_the_ai_profile if {
	d := p.deny with input as scan([], [pms])
	some f in d
	f.key == "missing"
	f.line == 15
	count(d) == 1
}

test_plan_without_a_number_is_reported if {
	vague := object.union(plan, {"text": "---\nversion: \"2\"\n---\nRe-validate when performance degrades noticeably."})
	d := p.deny with input as scan([vague], [pms])
	some f in d
	f.key == "numeric-threshold"
}

test_a_number_in_the_front_matter_is_not_a_threshold if {
	only_front := object.union(plan, {"text": "---\nthreshold: below 0.92\n---\nRe-validate when needed."})
	d := p.deny with input as scan([only_front], [pms])
	some f in d
	f.key == "numeric-threshold"
}

test_missing_trigger_section_is_named if {
	no_trigger := object.union(plan, {"headings": [{"text": "Monitored metrics"}, {"text": "Thresholds"}]})
	d := p.deny with input as scan([no_trigger], [pms])
	some f in d
	f.key == "parts"
	contains(f.msg, "re-validation triggers")
	contains(f.msg_ko, "재검증 트리거")
}

test_pms_plan_not_referencing_the_plan_is_reported if {
	silent := object.union(pms, {"text": "Field data and complaints are trended."})
	d := p.deny with input as scan([plan], [silent])
	some f in d
	f.path == "docs/pms/post-market-surveillance-plan.md"
	f.key == "pms-reference|docs/pms/post-market-surveillance-plan.md"
}

test_a_reference_by_file_name_counts if {
	by_name := object.union(pms, {"text": "See performance-monitoring-plan.md for the model metrics."})
	count(p.deny) == 0 with input as scan([plan], [by_name])
}

test_not_ai_is_not_applicable if {
	not p.applicable with input as {"profile": {"ai": {"enabled": false}}, "documents": {}}
}
