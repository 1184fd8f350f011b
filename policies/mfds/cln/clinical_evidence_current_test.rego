package samdscan.mfds.cln.clinical_evidence_current_test

import data.samdscan.mfds.cln.clinical_evidence_current as p
import rego.v1

report(text) := {"path": "docs/clinical/clinical-evaluation-report.md", "title": "Clinical evaluation report", "text": text}

iu(front) := {"path": "docs/intended-use.md", "title": "Intended use", "front_matter": front, "text": "# Intended use\n"}

card := {"path": "models/cxr/MODEL_CARD.md", "name": "cxr-triage", "version": "2.1.0"}

scan(text, front, ai) := {
	"profile": {"grade": 2, "ai": {"enabled": ai}},
	"documents": {"clinical_evaluation": [report(text)], "intended_use": [iu(front)]},
	"ai": {"model_cards": [card]},
	"evidence_index": {"entries": []},
}

keys(d) := {f.key | some f in d}

current := {"document_id": "IU-014", "version": "2"}

test_report_naming_intended_use_and_model_passes if {
	count(p.deny) == 0 with input as scan("Based on intended use IU-014 v2 and model cxr-triage v2.1.0.", current, true)
	count(p.deny) == 0 with input as scan("사용목적 버전 2 및 모델 2.1.0 기준으로 평가함.", current, true)
	count(p.deny) == 0 with input as scan("Evaluated against IU-014 version 2.", {"document_id": "IU-014", "version": 2}, false)
}

test_an_earlier_intended_use_version_is_reported if {
	d := p.deny with input as scan("Based on intended use IU-014 v1 and model 2.1.0.", current, true)
	keys(d) == {"intended-use|docs/intended-use.md"}
	[f.msg | some f in d] == ["the clinical evaluation report (docs/clinical/clinical-evaluation-report.md) does not name the current intended use IU-014 version 2 (docs/intended-use.md): it may evaluate an earlier intended use"]
}

test_version_prefixes_do_not_count if {
	# `v12` is not version 2, `2.1.0` is not `12.1.0`.
	keys(p.deny) == {"intended-use|docs/intended-use.md", "model|models/cxr/MODEL_CARD.md"} with input as scan("IU-014 v12, model 12.1.0", current, true)
}

test_an_earlier_model_version_is_reported_for_ai_only if {
	keys(p.deny) == {"model|models/cxr/MODEL_CARD.md"} with input as scan("IU-014 v2; model 2.0.0", current, true)
	count(p.deny) == 0 with input as scan("IU-014 v2; model 2.0.0", current, false)
}

test_unversioned_intended_use_is_reported if {
	keys(p.deny) == {"unversioned-intended-use|docs/intended-use.md"} with input as scan("IU-014 v2, 2.1.0", {"document_id": "IU-014"}, true)
	keys(p.deny) == {"unversioned-intended-use|docs/intended-use.md"} with input as scan("IU-014 v2, 2.1.0", null, true)
}

test_without_report_not_evaluated if {
	inp := object.union(scan("x", current, true), {"documents": {"clinical_evaluation": [{"path": "docs/clinical/clinical-evaluation-plan.md", "title": "Clinical evaluation plan", "text": "plan"}]}})
	count(p.not_evaluated) == 1 with input as inp
	count(p.deny) == 0 with input as inp
}

test_grade_1_without_ai_not_applicable if {
	p.applicable == false with input as {"profile": {"grade": 1, "ai": {"enabled": false}}}
}

test_dots_in_versions_are_literal if {
	keys(p.deny) == {"model|models/cxr/MODEL_CARD.md"} with input as scan("IU-014 v2, model 2x1x0", current, true)
}
