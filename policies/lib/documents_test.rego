package samdscan.lib.documents_test

import data.samdscan.lib.documents
import rego.v1

test_present_and_missing if {
	documents.present("changelog") with input as {"documents": {"changelog": [{"path": "CHANGELOG.md"}]}}
	not documents.present("changelog") with input as {"documents": {"changelog": []}}
	not documents.present("changelog") with input as {"documents": {}}
}

test_missing_anchor_prefers_evidence_setting if {
	a := documents.missing_anchor("sbom") with input as {"config": {"path": ".samdscan.yaml", "lines": {"product": 1, "evidence.sbom": 12}}}
	a == {"path": ".samdscan.yaml", "line": 12}
}

test_has_heading_is_case_insensitive if {
	documents.has_heading({"headings": [{"text": "Acceptability Criteria"}]}, {"acceptab"})
	not documents.has_heading({"headings": [{"text": "Scope"}]}, {"acceptab"})
}
