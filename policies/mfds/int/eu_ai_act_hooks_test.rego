package samdscan.mfds.int.eu_ai_act_hooks_test

import data.samdscan.mfds.int.eu_ai_act_hooks as p
import rego.v1

index := {
	"path": "docs/eu/ai-act-annex-iv.md", "format": "markdown", "title": "EU AI Act Annex IV index", "headings": [],
	"text": "2(b) models/cxr-triage/MODEL_CARD.md; 2(d) data/train/DATASHEET.md; 3 docs/ai/pccp.md",
}

logging_req := {"id": "REQ-9", "path": "docs/requirements/srs.md", "title": "Audit log of triage decisions", "text": "The system shall log every reordering."}

other_req := {"id": "REQ-1", "path": "docs/requirements/srs.md", "title": "Flag studies", "text": "The system shall reorder."}

scan(docs, reqs, markets) := {
	"profile": {"markets": markets, "ai": {"enabled": true}},
	"config": {"path": ".samdscan.yaml", "lines": {"product.ai": 15}},
	"evidence_index": {"entries": {}},
	"ai": {
		"model_cards": [{"path": "models/cxr-triage/MODEL_CARD.md"}],
		"datasheets": [{"path": "data/train/DATASHEET.md"}, {"path": "data/test/DATASHEET.md"}],
		"change_plans": [{"path": "docs/ai/pccp.md"}],
	},
	"documents": {"ai_act_technical_documentation": docs},
	"requirements": {"items": reqs},
}

test_index_naming_the_ai_evidence_and_a_logging_requirement_pass if {
	count(p.deny) == 0 with input as scan([index], [other_req, logging_req], ["KR", "EU"])
}

test_korean_logging_requirement_counts if {
	ko := {"id": "REQ-9", "path": "docs/requirements/srs.md", "title": "판독 순서 변경 이력 기록", "text": "시스템은 모든 순서 변경을 로그로 남겨야 한다."}
	count(p.deny) == 0 with input as scan([index], [ko], ["EU"])
}

test_missing_index_is_reported if {
	d := p.deny with input as scan([], [logging_req], ["EU"])
	some f in d
	f.key == "missing"
	f.line == 15
}

test_unnamed_artefacts_are_listed if {
	thin := object.union(index, {"text": "docs/ai/pccp.md only"})
	d := p.deny with input as scan([thin], [logging_req], ["EU"])
	some f in d
	f.key == "artefacts"
	contains(f.msg, "model card (MFDS-AI-001)")
	contains(f.msg, "datasheet (MFDS-AI-002)")
	not contains(f.msg, "MFDS-AI-006")
}

test_no_logging_requirement_is_reported if {
	d := p.deny with input as scan([index], [other_req], ["EU"])
	some f in d
	f.key == "logging"
	f.path == "docs/requirements/srs.md"
}

test_a_word_containing_log_is_not_logging if {
	catalog := {"id": "REQ-2", "path": "docs/requirements/srs.md", "title": "Catalogue of studies", "text": "Technology and logic."}
	d := p.deny with input as scan([index], [catalog], ["EU"])
	some f in d
	f.key == "logging"
}

test_outside_the_eu_is_not_applicable if {
	not p.applicable with input as scan([], [], ["KR"])
	count(p.deny) == 0 with input as scan([], [], ["KR"])
}

test_no_profile_is_not_applicable if {
	not p.applicable with input as {"profile": null, "documents": {}}
}
