package samdscan.mfds.gen.intended_use_documented_test

import data.samdscan.mfds.gen.intended_use_documented as p
import rego.v1

english := {"path": "docs/intended-use.md", "title": "Intended use", "headings": [{"text": "Intended purpose and indications"}, {"text": "Patient population"}, {"text": "Intended users"}, {"text": "Use environment"}, {"text": "Contraindications"}]}

korean := {"path": "docs/사용목적.md", "title": "사용목적", "headings": [{"text": "사용 목적 및 적응증"}, {"text": "대상 환자군"}, {"text": "사용자"}, {"text": "사용 환경"}, {"text": "금기 및 제한사항"}]}

scan(docs) := {"config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"intended_use": docs}}

test_english_document_passes if {
	count(p.deny) == 0 with input as scan([english])
}

test_korean_document_passes if {
	count(p.deny) == 0 with input as scan([korean])
}

test_missing_document_fails if {
	d := p.deny with input as scan([])
	some f in d
	f.key == "missing"
}

test_incomplete_document_fails if {
	d := p.deny with input as scan([object.union(english, {"headings": [{"text": "Intended users"}]})])
	some f in d
	f.msg == "the intended use document has no section on contraindications / limitations, patient population, use environment"
}
