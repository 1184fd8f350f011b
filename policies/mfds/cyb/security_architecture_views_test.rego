package samdscan.mfds.cyb.security_architecture_views_test

import data.samdscan.mfds.cyb.security_architecture_views as p
import rego.v1

fence := "```"

# One document with the four views as sections, each with a Mermaid diagram.
one_text := concat("\n", [
	"# Security architecture",
	"## Global system view",
	sprintf("%smermaid\nflowchart LR\n  sensor --> server\n%s", [fence, fence]),
	"## Multi-patient harm view",
	sprintf("%smermaid\nflowchart LR\n  server --> patients\n%s", [fence, fence]),
	"## Updatability view",
	"Releases are signed packages fetched from the update server; the signature is verified before install.",
	"See diagrams/update.puml.",
	"## Security use cases",
	"Diagrams: diagrams/use-cases.puml",
])

one := {
	"path": "docs/security/architecture/security-architecture.md", "format": "markdown", "title": "Security architecture",
	"headings": [
		{"level": 1, "line": 1, "text": "Security architecture"},
		{"level": 2, "line": 2, "text": "Global system view"},
		{"level": 2, "line": 7, "text": "Multi-patient harm view"},
		{"level": 2, "line": 12, "text": "Updatability view"},
		{"level": 2, "line": 15, "text": "Security use cases"},
	],
	"text": one_text,
}

scan(docs, markets) := {
	"profile": {"connected": true, "markets": markets},
	"config": {"path": ".samdscan.yaml", "lines": {}},
	"evidence_index": {"entries": {}},
	"documents": {"security_architecture": docs},
}

test_four_views_with_diagrams_pass if {
	count(p.deny) == 0 with input as scan([one], ["KR"])
}

test_missing_views_is_a_warning_and_an_error_for_the_us_market if {
	d := p.deny with input as scan([], ["KR"])
	some f in d
	f.key == "missing"
	f.level == "warning"
	du := p.deny with input as scan([], ["KR", "US"])
	some g in du
	g.key == "missing"
	g.level == "error"
}

test_a_missing_view_is_named if {
	no_harm := object.union(one, {"headings": [h | some h in one.headings; h.text != "Multi-patient harm view"]})
	d := p.deny with input as scan([no_harm], ["KR"])
	some f in d
	f.key == "views"
	f.msg == "the security architecture (docs/security/architecture/security-architecture.md) has no multi-patient harm view"
	contains(f.msg_ko, "다수 환자 위해")
}

test_a_view_without_a_diagram_is_reported if {
	# The multi-patient section loses its diagram; the global system view keeps its own.
	lines := split(one_text, "\n")
	text := concat("\n", array.concat(array.slice(lines, 0, 7), array.concat(["", "", "", ""], array.slice(lines, 11, count(lines)))))
	d := p.deny with input as scan([object.union(one, {"text": text})], ["KR"])
	some f in d
	f.key == "diagrams"
	contains(f.msg, "the multi-patient harm view")
	not contains(f.msg, "global system")
}

test_updatability_without_the_mechanism_is_reported if {
	text := replace(one_text, "Releases are signed packages fetched from the update server; the signature is verified before install.", "Updates happen.")
	d := p.deny with input as scan([object.union(one, {"text": text})], ["KR"])
	some f in d
	f.key == "update-mechanism"
}

view(path, title, body) := {"path": path, "format": "markdown", "title": title, "headings": [{"level": 1, "line": 1, "text": title}], "text": sprintf("# %s\n%s", [title, body])}

test_views_as_separate_files_in_korean_pass if {
	diagram := sprintf("%smermaid\nflowchart LR\n  a --> b\n%s", [fence, fence])
	files := [
		view("docs/security/architecture/global-system.md", "전체 시스템 뷰", diagram),
		view("docs/security/architecture/multi-patient-harm.md", "다수 환자 위해 뷰", diagram),
		view("docs/security/architecture/updatability.md", "업데이트 가능성 뷰", concat("\n", [diagram, "업데이트 패키지는 서명되어 배포되고 설치 전에 서명을 검증합니다."])),
		view("docs/security/architecture/use-cases.md", "보안 사용 사례", diagram),
	]
	count(p.deny) == 0 with input as scan(files, ["KR"])
}

test_not_connected_is_not_applicable if {
	not p.applicable with input as {"profile": {"connected": false}, "documents": {}}
}

test_no_profile_is_not_applicable if {
	not p.applicable with input as {"profile": null, "documents": {}}
}
