package samdscan.mfds.swl.soup_list_complete_test

import data.samdscan.mfds.swl.soup_list_complete as p
import rego.v1

cfg := {"path": ".samdscan.yaml", "lines": {"product": 1}}

numpy := {"name": "numpy", "key": "numpy", "version": "2.1.3", "locked": true, "source": "requirements.txt"}

full_entry := {"name": "NumPy", "key": "numpy", "version": "2.1.3", "supplier": "NumPy", "purpose": "arrays", "risk": "low", "review": "2026-09-01", "review_age_days": 30, "line": 5}

class_b := {"software_systems": [{"name": "app", "safety_class": "B"}]}

soup(entries) := {"lists": [{"path": "docs/soup-list.md", "parsed": true, "entries": entries}]}

test_complete_list_passes if {
	count(p.deny) == 0 with input as {"profile": class_b, "config": cfg, "dependencies": {"direct": [numpy]}, "soup": soup([full_entry])}
}

test_no_dependencies_is_not_applicable if {
	p.applicable == false with input as {"config": cfg, "dependencies": {"direct": []}, "soup": {"lists": []}}
}

test_missing_list_is_an_error if {
	d := p.deny with input as {"config": cfg, "dependencies": {"direct": [numpy]}, "soup": {"lists": []}}
	[f.key | some f in d] == ["missing-list"]
}

test_missing_item_and_wrong_version if {
	scipy := {"name": "scipy", "key": "scipy", "version": "1.14.1", "locked": true, "source": "requirements.txt"}
	old := object.union(full_entry, {"version": "2.0.0"})
	d := p.deny with input as {"config": cfg, "dependencies": {"direct": [numpy, scipy]}, "soup": soup([old])}
	{f.key | some f in d} == {"missing-items", "versions"}
	some f in d
	f.key == "versions"
	f.msg == "SOUP list versions differ from the lockfiles: numpy: list has 2.0.0, requirements.txt locks 2.1.3"
}

test_class_b_fields_and_stale_review if {
	thin := {"name": "NumPy", "key": "numpy", "version": "2.1.3", "review": "2024-01-01", "review_age_days": 1000, "line": 7}
	d := p.deny with input as {"profile": class_b, "config": cfg, "dependencies": {"direct": [numpy]}, "soup": soup([thin])}
	{[f.key, object.get(f, "level", "error")] | some f in d} == {["fields|docs/soup-list.md|numpy", "error"], ["review|docs/soup-list.md|numpy", "warning"]}
}

test_class_a_needs_no_extra_fields if {
	thin := {"name": "NumPy", "key": "numpy", "version": "2.1.3"}
	class_a := {"software_systems": [{"name": "app", "safety_class": "A"}]}
	count(p.deny) == 0 with input as {"profile": class_a, "config": cfg, "dependencies": {"direct": [numpy]}, "soup": soup([thin])}
}

test_unpinned_requirements_are_listed_by_name_and_range if {
	torch := {"name": "torch", "key": "torch", "version": ">=2.4", "locked": false, "source": "requirements.txt"}
	bare := {"name": "pkg", "key": "pkg", "version": "", "locked": false, "source": "requirements.txt"}
	d := p.deny with input as {"config": cfg, "dependencies": {"direct": [numpy, torch, bare]}, "soup": soup([full_entry])}
	some f in d
	f.key == "missing-items"
	f.msg == "the SOUP list misses 2 direct dependencies: pkg (requirements.txt), torch >=2.4 (requirements.txt)"
}

test_korean_message_says_the_versions_in_korean if {
	scipy := {"name": "scipy", "key": "scipy", "version": "1.14.1", "locked": true, "source": "requirements.txt"}
	unversioned := object.union(full_entry, {"version": null})
	d := p.deny with input as {"config": cfg, "dependencies": {"direct": [numpy, scipy]}, "soup": soup([unversioned])}
	some f in d
	f.key == "versions"
	f.msg == "SOUP list versions differ from the lockfiles: numpy: list has no version, requirements.txt locks 2.1.3"
	f.msg_ko == "SOUP 목록의 버전이 잠금 파일과 다릅니다: numpy: 목록의 버전 없음, requirements.txt의 고정 버전 2.1.3"
}

test_korean_message_names_the_missing_class_b_fields_in_korean if {
	thin := {"name": "NumPy", "key": "numpy", "version": "2.1.3", "review": "2026-09-01", "review_age_days": 30, "line": 7}
	d := p.deny with input as {"profile": class_b, "config": cfg, "dependencies": {"direct": [numpy]}, "soup": soup([thin])}
	some f in d
	f.key == "fields|docs/soup-list.md|numpy"
	f.msg_ko == "docs/soup-list.md의 SOUP 항목 NumPy에 등급 B/C 항목이 빠져 있습니다: 공급자, 사용 목적, 위험 수준"
}

test_lists_cut_at_their_cap_are_not_evaluated_not_passed if {
	whole := {"profile": class_b, "config": cfg, "dependencies": {"direct": [numpy], "direct_total": 1, "direct_truncated": false}, "soup": soup([full_entry])}
	count(p.not_evaluated) == 0 with input as whole
	cut_deps := object.union(whole, {"dependencies": {"direct_total": 2001, "direct_truncated": true}})
	count(p.deny) == 0 with input as cut_deps
	[r.msg | some r in p.not_evaluated] == ["not all dependencies judged: the manifests and lockfiles declare 2001 direct dependencies and only the first 1 are in the evidence"] with input as cut_deps
	cut_soup := object.union(whole, {"soup": {"lists": [{"path": "docs/soup-list.md", "parsed": true, "truncated": true, "entries": [full_entry]}]}})
	count(p.not_evaluated) == 1 with input as cut_soup
}
