package samdscan.mfds.lbl.labeling_version_test

import data.samdscan.mfds.lbl.labeling_version as p
import rego.v1

label(front, text) := {"path": "labeling/ifu.md", "format": "markdown", "title": "Instructions for use", "front_matter": front, "text": text}

scan(version, docs) := {"profile": {"regime": "DMPA", "version": version}, "config": {"path": ".samdscan.yaml", "lines": {"product": 2}}, "evidence_index": {"entries": {}}, "documents": {"labeling": docs}}

test_front_matter_version_matching_the_release_passes if {
	count(p.deny) == 0 with input as scan("1.2.0", [label({"software_version": "v1.2.0"}, "")])
}

test_korean_version_line_passes if {
	count(p.deny) == 0 with input as scan("1.2.0", [label(null, "# 사용설명서\n소프트웨어 버전: 1.2.0\n")])
}

test_version_mismatch_fails if {
	d := p.deny with input as scan("1.3.0", [label(null, "| Software version | 1.2.0 |")])
	some f in d
	f.msg == "labeling/ifu.md states software version 1.2.0 but the release is 1.3.0 (product.version)"
	f.level == "error"
}

test_label_without_version_fails if {
	d := p.deny with input as scan("1.2.0", [label(null, "no version here")])
	some f in d
	f.key == "no-version"
}

test_one_label_stating_the_version_is_enough if {
	ai_info := object.union(label(null, "AI information"), {"path": "labeling/ai.md"})
	count(p.deny) == 0 with input as scan("1.2.0", [label({"software_version": "1.2.0"}, ""), ai_info])
}

test_missing_release_version_fails if {
	d := p.deny with input as scan(null, [label({"software_version": "1.2.0"}, "")])
	some f in d
	f.key == "no-release-version"
	f.line == 2
}

test_missing_label_fails if {
	d := p.deny with input as scan("1.2.0", [])
	some f in d
	f.key == "missing"
}

test_mda_software_gets_a_warning if {
	d := p.deny with input as {"profile": {"regime": "MDA", "version": "1"}, "config": {"path": null, "lines": {}}, "evidence_index": {"entries": {}}, "documents": {"labeling": []}}
	some f in d
	f.level == "warning"
}
