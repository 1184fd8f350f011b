package samdscan.mfds.swl.architecture_design_test

import data.samdscan.mfds.swl.architecture_design as p
import rego.v1

architecture := {
	"path": "docs/architecture/software-architecture.md", "format": "markdown", "title": "Software architecture",
	"headings": [{"text": "Software items"}, {"text": "Interfaces"}, {"text": "SOUP placement"}],
	"text": "# Software architecture\n\nThe `ingest` item reads ECG samples and uses NumPy; the alarm item compares heart rates (scipy filters).",
}

modules := [
	{"name": "alarm", "path": "src/alarm", "files": 1, "safety_critical": true},
	{"name": "ingest", "path": "src/ingest", "files": 1, "safety_critical": false},
]

soup := {"lists": [{"parsed": true, "path": "docs/soup/soup-list.md", "entries": [{"name": "numpy"}, {"name": "scipy"}]}]}

design := {
	"path": "docs/design/alarm-detailed-design.md", "format": "markdown", "title": "Detailed design: alarm",
	"headings": [{"text": "alarm.threshold unit"}], "text": "The alarm module's units.",
}

scan(docs, designs, classes) := {
	"profile": {"software_systems": [{"safety_class": c} | some c in classes]},
	"config": {"path": ".samdscan.yaml", "lines": {}},
	"evidence_index": {"entries": {}},
	"documents": {"software_architecture": docs, "detailed_design": designs},
	"source_modules": {"found": true, "modules": modules},
	"soup": soup,
}

test_architecture_naming_every_module_and_soup_item_passes if {
	count(p.deny) == 0 with input as scan([architecture], [], ["B"])
}

test_korean_architecture_passes if {
	ko := object.union(architecture, {"title": "소프트웨어 아키텍처 설계서", "headings": [{"text": "소프트웨어 항목"}], "text": "ingest 모듈은 numpy를, alarm모듈은 scipy를 사용합니다."})
	count(p.deny) == 0 with input as scan([ko], [], ["B"])
}

test_missing_architecture_is_an_error if {
	d := p.deny with input as scan([], [], ["B"])
	some f in d
	f.key == "missing"
	f.path == ".samdscan.yaml"
	contains(f.msg_ko, "아키텍처")
	count(d) == 1
}

test_unnamed_module_is_reported_by_path if {
	no_ingest := object.union(architecture, {"text": "The alarm item compares heart rates using numpy and scipy."})
	d := p.deny with input as scan([no_ingest], [], ["B"])
	some f in d
	f.key == "modules"
	f.path == "docs/architecture/software-architecture.md"
	contains(f.msg, "src/ingest")
	not contains(f.msg, "src/alarm")
}

test_a_module_name_inside_a_longer_word_does_not_count if {
	only_prefix := object.union(architecture, {"text": "Ingestion and alarms; numpy, scipy."})
	d := p.deny with input as scan([only_prefix], [], ["B"])
	some f in d
	f.key == "modules"
	contains(f.msg, "src/alarm, src/ingest")
}

test_unnamed_soup_item_is_reported if {
	no_scipy := object.union(architecture, {"text": "ingest uses numpy; alarm compares rates."})
	d := p.deny with input as scan([no_scipy], [], ["B"])
	some f in d
	f.key == "soup"
	contains(f.msg, "scipy")
	not contains(f.msg, "numpy")
}

test_modules_spread_over_several_architecture_documents_pass if {
	adr := {"path": "docs/adr/0001-alarm.md", "format": "markdown", "title": "ADR 1: the alarm item", "headings": [], "text": "alarm uses scipy"}
	part := object.union(architecture, {"text": "ingest uses numpy"})
	count(p.deny) == 0 with input as scan([part, adr], [], ["B"])
}

test_class_c_needs_segregation_and_detailed_design if {
	d := p.deny with input as scan([architecture], [], ["C"])
	some s in d
	s.key == "segregation"
	not s.level
	some dd in d
	dd.key == "detailed-design"
	dd.level == "warning"
	dd.path == "docs/architecture/software-architecture.md"
	contains(dd.msg, "src/alarm")
	not contains(dd.msg, "src/ingest")
}

test_class_c_with_segregation_and_design_passes if {
	seg := object.union(architecture, {"headings": array.concat(architecture.headings, [{"text": "Segregation of the alarm item"}])})
	count(p.deny) == 0 with input as scan([seg], [design], ["C"])
}

test_class_c_korean_segregation_heading_counts if {
	seg := object.union(architecture, {"headings": [{"text": "항목 간 분리"}]})
	d := p.deny with input as scan([seg], [design], ["C"])
	count(d) == 0
}

test_class_a_is_not_applicable if {
	not p.applicable with input as scan([], [], ["A"])
	count(p.deny) == 0 with input as scan([], [], ["A"])
}

test_a_soup_list_cut_at_its_cap_is_not_evaluated_not_passed if {
	count(p.not_evaluated) == 0 with input as scan([architecture], [], ["B"])
	cut := object.union(scan([architecture], [], ["B"]), {"soup": {"lists": [object.union(soup.lists[0], {"truncated": true})]}})
	count(p.deny) == 0 with input as cut
	[r.msg | some r in p.not_evaluated] == ["not all SOUP items read: only the first 2 entries of docs/soup/soup-list.md are in the evidence"] with input as cut
}
