package samdscan.mfds.use.usability_file_test

import data.samdscan.mfds.use.usability_file as p
import rego.v1

english := {"path": "docs/usability/uef.md", "title": "Usability engineering file", "headings": [{"text": "Use specification"}, {"text": "User interface specification"}, {"text": "Hazard-related use scenarios"}, {"text": "Formative evaluation"}, {"text": "Summative evaluation"}]}

korean := {"path": "docs/usability/uef.md", "title": "사용적합성 엔지니어링 파일", "headings": [{"text": "사용 사양"}, {"text": "사용자 인터페이스 사양"}, {"text": "위해 관련 사용 시나리오"}, {"text": "형성 평가"}, {"text": "총괄 평가"}]}

scan(dmd_type, docs) := {"profile": {"ui": true, "dmd_type": dmd_type}, "config": {"path": ".samdscan.yaml", "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"usability_file": docs}}

test_english_file_passes if {
	count(p.deny) == 0 with input as scan("standalone", [english])
}

test_korean_file_passes if {
	count(p.deny) == 0 with input as scan("standalone", [korean])
}

test_missing_file_is_an_error_for_standalone_software if {
	d := p.deny with input as scan("standalone", [])
	some f in d
	f.level == "error"
}

test_missing_parts_are_a_warning_for_embedded_software if {
	d := p.deny with input as scan("embedded", [object.union(english, {"headings": [{"text": "Use specification"}]})])
	some f in d
	f.level == "warning"
	f.msg == "the usability engineering file has no formative evaluation, hazard-related use scenarios, summative evaluation, user interface specification"
}

test_not_applicable_without_ui if {
	p.applicable == false with input as {"profile": {"ui": false}}
}
