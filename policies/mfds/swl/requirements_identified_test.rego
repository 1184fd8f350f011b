package samdscan.mfds.swl.requirements_ids_test

import data.samdscan.mfds.swl.requirements_ids as p
import rego.v1

cfg := {"path": ".samdscan.yaml", "lines": {"product": 2}}

req(id, path, line) := {"id": id, "title": "t", "path": path, "line": line}

test_unique_ids_pass if {
	count(p.deny) == 0 with input as {"config": cfg, "requirements": {"id_pattern": "x", "files": [], "items": [req("REQ-1", "srs.md", 3), req("REQ-2", "srs.md", 5)]}}
}

test_duplicates_name_both_places if {
	d := p.deny with input as {"config": cfg, "requirements": {"id_pattern": "x", "files": [], "items": [req("REQ-1", "a.md", 3), req("REQ-1", "b.md", 7)]}}
	count(d) == 1
	some f in d
	f.key == "duplicate|REQ-1"
	contains(f.msg, "a.md:3, b.md:7")
}

test_no_requirements_fails if {
	d := p.deny with input as {"config": cfg, "requirements": {"id_pattern": "\\bREQ-\\d+\\b", "files": [{"path": "docs/requirements/srs.md"}], "items": []}}
	some f in d
	f.key == "missing"
	contains(f.msg, "read docs/requirements/srs.md")
}

test_each_duplicated_id_lists_its_definitions_in_file_order if {
	items := [
		req("REQ-2", "z.md", 1), req("REQ-1", "a.md", 3), req("REQ-3", "a.md", 4),
		req("REQ-2", "b.md", 2), req("REQ-1", "a.md", 9), req("REQ-2", "c.md", 5),
	]
	d := p.deny with input as {"config": cfg, "requirements": {"id_pattern": "x", "files": [], "items": items}}
	count(d) == 2
	some one in d
	one.key == "duplicate|REQ-1"
	contains(one.msg, "defined 2 times (a.md:3, a.md:9)")
	some two in d
	two.key == "duplicate|REQ-2"
	contains(two.msg, "defined 3 times (z.md:1, b.md:2, c.md:5)")
	two.path == "b.md"
}
