package samdscan.mfds.qms.ai_quality_policy_test

import data.samdscan.mfds.qms.ai_quality_policy as p
import rego.v1

policy := {
	"path": "docs/qms/ai-policy.md", "format": "markdown", "title": "AI quality policy",
	"headings": [{"text": "AI objectives"}, {"text": "Data governance"}, {"text": "Roles and responsibilities"}, {"text": "Monitoring commitment"}],
	"text": "Models are versioned with their card (models/cxr-triage/MODEL_CARD.md); changes follow docs/ai/pccp.md; field performance follows AI-PMP-001.",
}

monitoring := {"path": "docs/ai/performance-monitoring-plan.md", "title": "AI performance monitoring plan", "front_matter": {"document_id": "AI-PMP-001"}, "headings": [], "text": "x"}

scan(docs) := {
	"profile": {"regime": "DMPA", "ai": {"enabled": true}},
	"config": {"path": ".samdscan.yaml", "lines": {"product.ai": 15}},
	"evidence_index": {"entries": {}},
	"ai": {
		"artifacts": [{"path": "models/cxr-triage/cxr-triage.onnx", "deployed": true}],
		"model_cards": [{"path": "models/cxr-triage/MODEL_CARD.md"}],
		"change_plans": [{"path": "docs/ai/pccp.md", "title": "LungLens change management plan"}],
	},
	"documents": {"ai_quality_policy": docs, "performance_monitoring_plan": [monitoring]},
}

test_policy_naming_every_control_passes if {
	count(p.deny) == 0 with input as scan([policy])
}

test_korean_policy_passes if {
	ko := object.union(policy, {"title": "인공지능 품질 정책", "headings": [{"text": "AI 목표"}, {"text": "데이터 관리"}, {"text": "역할과 책임"}, {"text": "성능 모니터링"}], "text": "모델은 cxr-triage.onnx로, 변경은 pccp.md로, 성능은 performance-monitoring-plan.md로 관리합니다."})
	count(p.deny) == 0 with input as scan([ko])
}

test_missing_policy_is_reported_at_the_ai_profile if {
	d := p.deny with input as scan([])
	some f in d
	f.key == "missing"
	f.line == 15
}

test_a_pointer_in_the_evidence_index_counts if {
	indexed := object.union(scan([]), {"evidence_index": {"entries": {"MFDS-QMS-002": {"document": policy}}}})
	count(p.deny) == 0 with input as indexed
}

test_unreferenced_controls_are_named if {
	thin := object.union(policy, {"text": "Changes follow docs/ai/pccp.md."})
	d := p.deny with input as scan([thin])
	some f in d
	f.key == "references"
	contains(f.msg, "MFDS-AI-005")
	contains(f.msg, "MFDS-AI-008")
	not contains(f.msg, "MFDS-AI-006")
}

test_a_control_without_artefacts_is_not_asked_for if {
	no_plan := object.union(scan([object.union(policy, {"text": "MODEL_CARD.md and AI-PMP-001."})]), {"ai": {"change_plans": []}})
	count(p.deny) == 0 with input as no_plan
}

test_missing_parts_are_named if {
	no_roles := object.union(policy, {"headings": [{"text": "AI objectives"}, {"text": "Data governance"}, {"text": "Monitoring commitment"}]})
	d := p.deny with input as scan([no_roles])
	some f in d
	f.key == "parts"
	contains(f.msg, "life-cycle roles")
	contains(f.msg_ko, "수명주기 역할")
}

test_not_dmpa_is_not_applicable if {
	not p.applicable with input as object.union(scan([]), {"profile": {"regime": "MDA"}})
	some r in p.not_applicable_because with input as object.union(scan([]), {"profile": {"regime": "MDA"}})
	contains(r.msg, "DMPA")
}
