package samdscan.mfds.cyb.sbom_per_release_test

import data.samdscan.mfds.cyb.sbom_per_release as p
import rego.v1

sbom(path, version) := {"path": path, "parsed": true, "error": null, "version": version, "version_matches": version == "1.2.0", "component_count": 2}

good := {
	"tag": "v1.2.0", "version": "1.2.0", "commit": "c1", "date": "2026-10-01T00:00:00Z", "support_line": "1.2.x",
	"read": true, "error": null, "sboms": [sbom("sbom/app.cdx.json", "1.2.0")], "lockfiles": 1,
	"drift": [{"lockfile": "requirements.txt", "compared": 2, "missing_count": 0, "missing": [], "stale_count": 0, "stale": []}],
	"components_match": true, "vex": ["vex/app.openvex.json"],
}

window := {"path": "docs/security/support-policy.md", "lines": [{"versions": "1.2.x", "end": "2031-06-30", "supported": true, "line": 9}]}

no_window := {"path": null, "lines": []}

scan_input(releases, w) := {
	"profile": {"connected": true},
	"config": {"path": ".samdscan.yaml"},
	"history": {"available": true, "truncated": false, "release_sboms": {
		"evaluated": true, "window": w, "releases_total": count(releases), "in_window": count(releases), "limit": 10, "releases": releases,
	}},
}

test_a_release_with_its_sbom_components_and_vex_passes if {
	count(p.deny) == 0 with input as scan_input([good], window)
	count(p.not_evaluated) == 0 with input as scan_input([good], window)
}

test_a_release_without_sbom_or_vex_is_named if {
	rel := object.union(good, {"tag": "v1.1.0", "version": "1.1.0", "support_line": "1.1.x", "sboms": [], "drift": [], "components_match": null, "vex": []})
	d := p.deny with input as scan_input([good, rel], window)
	keys := {f.key | some f in d}
	keys == {"no-sbom|v1.1.0", "no-vex|v1.1.0"}
	some f in d
	f.key == "no-sbom|v1.1.0"
	f.msg == "release v1.1.0 (supported as 1.1.x in docs/security/support-policy.md) has no SBOM in its tagged tree"
	f.path == "docs/security/support-policy.md"
	contains(f.msg_ko, "v1.1.0")
}

test_an_sbom_of_another_version_fails if {
	rel := object.union(good, {"sboms": [sbom("sbom/app.cdx.json", "1.1.0")]})
	d := p.deny with input as scan_input([rel], window)
	[f.msg | some f in d] == ["release v1.2.0 (supported as 1.2.x in docs/security/support-policy.md): no SBOM in its tagged tree declares version 1.2.0 (sbom/app.cdx.json: 1.1.0)"]
}

test_one_sbom_with_the_version_is_enough if {
	rel := object.union(good, {"sboms": [sbom("sbom/app.cdx.json", "1.2.0"), sbom("sbom/firmware.cdx.json", "7")]})
	count(p.deny) == 0 with input as scan_input([rel], window)
}

test_components_that_differ_from_the_tagged_lockfile_fail if {
	drift := {"lockfile": "requirements.txt", "compared": 2, "missing_count": 1, "missing": ["idna@3.7"], "stale_count": 0, "stale": []}
	rel := object.union(good, {"drift": [drift], "components_match": false})
	d := p.deny with input as scan_input([rel], window)
	[f.key | some f in d] == ["components|v1.2.0|requirements.txt"]
	[f.msg | some f in d] == ["release v1.2.0 (supported as 1.2.x in docs/security/support-policy.md): its SBOMs do not match its requirements.txt: of 2 third-party packages locked, 1 missing (idna@3.7)"]
}

test_an_unparsed_sbom_is_reported if {
	rel := object.union(good, {"sboms": [{"path": "sbom/app.cdx.json", "parsed": false, "error": "invalid JSON", "version": null, "version_matches": false, "component_count": 0}], "drift": []})
	d := p.deny with input as scan_input([rel], window)
	{f.key | some f in d} == {"unparsed|v1.2.0|sbom/app.cdx.json"}
}

test_without_a_window_the_reason_says_so if {
	rel := object.union(good, {"support_line": null, "vex": []})
	d := p.deny with input as scan_input([rel], no_window)
	[f.msg | some f in d] == ["release v1.2.0 (no support window is declared, so the newest 10 release tags are judged) has no VEX or vulnerability assessment in its tagged tree (an OpenVEX document, CycloneDX VEX statements or a vulnerability scan report)"]
	[f.path | some f in d] == [".samdscan.yaml"]
}

test_the_anchor_is_the_sbom_where_the_work_tree_has_it if {
	rel := object.union(good, {"vex": []})
	i := object.union(scan_input([rel], window), {"sboms": [{"path": "sbom/app.cdx.json"}]})
	[f.path | some f in p.deny] == ["sbom/app.cdx.json"] with input as i
}

test_no_release_in_the_window_is_not_evaluated if {
	i := scan_input([], {"path": "docs/security/support-policy.md", "lines": [{"versions": "0.9.x", "end": "2020-01-01", "supported": false, "line": 9}]})
	r := p.not_evaluated with input as i
	[x.msg | some x in r] == ["none of the 0 release tags is in the support window of docs/security/support-policy.md (versions none)"]
}

test_an_unread_tree_is_not_evaluated if {
	rel := object.union(good, {"read": false, "error": "it has 300000 files (at most 200000 are read)", "sboms": [], "drift": [], "vex": []})
	count(p.deny) == 0 with input as scan_input([rel], window)
	count(p.not_evaluated) == 1 with input as scan_input([rel], window)
}

test_unavailable_history_is_not_evaluated if {
	r := p.not_evaluated with input as {"profile": {"connected": true}, "history": {"available": false, "reason": "not a git work tree"}}
	count(r) == 1
}

test_not_connected_is_not_applicable if {
	p.applicable == false with input as {"profile": {"connected": false}}
}

test_fewer_window_releases_than_the_limit_with_older_tags_unchecked_are_not_evaluated if {
	i := object.union(scan_input([good], window), {"history": {"release_tags_unchecked": 30, "scope": {"description": "the last 50 commits"}}})
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
	count(p.not_evaluated) == 0 with input as object.union(i, {"history": {"release_sboms": {"window": no_window}}})
}

test_window_releases_a_narrowed_scope_left_out_make_it_not_evaluated if {
	base := scan_input([good], window)
	i := object.union(base, {"history": {"scope": {"description": "the last 50 commits"}, "release_sboms": {"limit": 3, "unchecked": 7}}})
	count(p.deny) == 0 with input as i
	some r in p.not_evaluated with input as i
	contains(r.msg, "7 older releases in the support window were not checked")
	contains(r.msg_ko, "지원 기간 안의 릴리스 7개")
	count(p.not_evaluated) == 0 with input as object.union(i, {"history": {"release_sboms": {"unchecked": 0}}})
}
