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

test_for_rule_adds_the_indexed_document if {
	docs := documents.for_rule("threat_model", "MFDS-CYB-007") with input as {"documents": {"threat_model": [{"path": "a.md"}]}, "evidence_index": {"entries": {"MFDS-CYB-007": {"document": {"path": "b.md"}}}}}
	[d.path | some d in docs] == ["a.md", "b.md"]
	only := documents.for_rule("threat_model", "MFDS-CYB-007") with input as {"documents": {"threat_model": [{"path": "a.md"}]}, "evidence_index": {"entries": {}}}
	count(only) == 1
}

test_missing_parts_reads_titles_and_headings_and_ignores_null_titles if {
	docs := [{"title": "Detection plan", "headings": []}, {"title": null, "headings": [{"text": "복구"}]}]
	documents.missing_parts(docs, {"detection": ["detection"], "recovery": ["recovery", "복구"], "containment": ["containment"]}) == ["containment"]
}

test_stale_and_undated if {
	documents.stale({"reviewed": {"age_days": 400}}) with input as {"config": {}}
	not documents.stale({"reviewed": {"age_days": 400}}) with input as {"config": {"max_document_age_days": 500}}
	documents.undated({"format": "markdown", "reviewed": null})
	not documents.undated({"format": "markdown"})
}

test_unfilled_templates_name_why if {
	inp := {"documents": {"threat_model": [{"path": "tm.md", "unfilled": true, "unfilled_reason": "headings with no body"}]}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	f := documents.missing("threat_model", "no threat model") with input as inp
	f.msg == "no threat model; tm.md is an unfilled template (headings with no body)"
}

test_unfilled_templates_count_as_missing_and_are_named if {
	inp := {"documents": {"threat_model": [{"path": "docs/security/threat-model.md", "unfilled": true}]}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	not documents.present("threat_model") with input as inp
	f := documents.missing("threat_model", "no threat model") with input as inp
	f.msg == "no threat model; docs/security/threat-model.md is an unfilled template"
}

test_missing_near_falls_back_to_the_given_anchor if {
	inp := {"config": {"path": ".samdscan.yaml", "lines": {"product": 1}}}
	f := documents.missing_near("vulnerability_scan", "no scan", {"path": "sbom/a.cdx.json"}) with input as inp
	f == {"path": "sbom/a.cdx.json", "msg": "no scan", "key": "missing"}
	g := documents.missing_near("vulnerability_scan", "no scan", {"path": "sbom/a.cdx.json"}) with input as {"config": {"path": ".samdscan.yaml", "lines": {"evidence.vulnerability_scan": 7}}}
	g.line == 7
}

test_missing_ko_names_unfilled_templates_in_both_languages if {
	inp := {"documents": {"threat_model": [{"path": "docs/security/threat-model.md", "unfilled": true}]}, "config": {"path": ".samdscan.yaml", "lines": {}}}
	f := documents.missing_ko("threat_model", "no threat model", "위협 모델 없음") with input as inp
	f.msg == "no threat model; docs/security/threat-model.md is an unfilled template"
	f.msg_ko == "위협 모델 없음; docs/security/threat-model.md은(는) 작성되지 않은 템플릿입니다"
	f.key == "missing"
}

test_headings_and_titles_match_whatever_the_spacing if {
	doc := {"title": "위험관리계획서", "headings": [{"text": "위험 통제:"}, {"text": "Change-Control"}]}
	documents.has_heading(doc, ["위험통제"])
	documents.has_heading(doc, ["change control"])
	documents.covers([doc], ["위험관리 계획"])
	not documents.has_heading(doc, ["형상관리"])
}

# Every character `squeezed` drops, and only those.
squeeze_characters := [
	" ", "\t", "\n", "\r", "\u000b", "\u000c", "\u0085", "\u00a0", "\u1680", "\u2000",
	"\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
	"\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
	"!", "\"", "#", "%", "&", "'", "(", ")", "*", ",", "-", ".", "/", ":", ";", "?", "@",
	"[", "\\", "]", "_", "{", "}",
	"\u00a1", "\u00a7", "\u00ab", "\u00b6", "\u00b7", "\u00bb", "\u00bf",
	"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2018", "\u2019",
	"\u201a", "\u201c", "\u201d", "\u201e", "\u2020", "\u2021", "\u2022", "\u2026",
	"\u2030", "\u2032", "\u2033", "\u2039", "\u203a", "\u203b",
	"\u3001", "\u3002", "\u3003", "\u3008", "\u3009", "\u300a", "\u300b", "\u300c",
	"\u300d", "\u300e", "\u300f", "\u3010", "\u3011", "\u3014", "\u3015", "\u3016",
	"\u3017", "\u301c", "\u301d", "\u301e", "\u301f", "\u30fb",
	"\uff01", "\uff02", "\uff03", "\uff05", "\uff06", "\uff07", "\uff08", "\uff09",
	"\uff0a", "\uff0c", "\uff0d", "\uff0e", "\uff0f", "\uff1a", "\uff1b", "\uff1f",
	"\uff20", "\uff3b", "\uff3c", "\uff3d", "\uff3f", "\uff5b", "\uff5d", "\uff61",
	"\uff62", "\uff63", "\uff64", "\uff65",
]

test_squeezed_drops_the_squeeze_characters_and_keeps_the_others if {
	every c in squeeze_characters {
		documents.squeezed(concat("", ["a", c, "b"])) == "ab"
	}
	every c in ["+", "=", "$", "~", "^", "<", ">", "|", "`", "0", "z", "가", "\u2023", "\u3004", "\uff04", "\u00a2"] {
		documents.squeezed(concat("", ["a", c, "b"])) == concat("", ["a", c, "b"])
	}
	# The class is 127 single code points (no ranges), all of them listed.
	count({c | some c in squeeze_characters}) == 127
	count(regex.find_n(`\\x\{[0-9a-f]+\}`, documents.squeeze_class, -1)) == 127
	regex.match(`^\[(\\x\{[0-9a-f]+\})+\]$`, documents.squeeze_class)
}

test_squeezed_drops_spacing_and_punctuation_of_both_scripts if {
	documents.squeezed("1.2 Risk-Management\u00a0Plan: (Overview)") == "12riskmanagementplanoverview"
	documents.squeezed("제 3 장　위험 관리 「계획」（개요）・요약…") == "제3장위험관리계획개요요약"
	documents.squeezed("A+B=C") == "a+b=c"
}

test_part_names_ko_take_the_first_korean_word_else_the_name if {
	parts := {"recovery": ["recovery", "restoration", "복구"], "lessons learned": ["lessons learned", "사후 검토 및 교훈", "사후 검토"], "other": ["other"]}
	documents.part_names_ko(["lessons learned", "other", "recovery"], parts) == ["사후 검토 및 교훈", "other", "복구"]
}
