package samdscan.mfds.chg.version_single_source_test

import data.samdscan.mfds.chg.version_single_source as p
import rego.v1

state(version, tags, tip_release, heading) := {
	"profile": {"version": version},
	"config": {"path": ".samdscan.yaml", "lines": {"product.version": 4}},
	"documents": {"changelog": [{"path": "CHANGELOG.md", "headings": [{"text": heading, "line": 3}]}]},
	"history": {"available": true, "truncated": false, "tags": tags, "tip_release": tip_release},
}

tag(v) := {"name": sprintf("v%s", [v]), "version": v, "release": true, "reachable": true}

test_agreeing_versions_pass if {
	count(p.deny) == 0 with input as state("1.2.0", [tag("1.2.0")], "v1.2.0", "[1.2.0] - 2026-10-01")
}

test_tagged_commit_with_other_version_fails if {
	d := p.deny with input as state("1.1.0", [tag("1.2.0")], "v1.2.0", "[1.1.0]")
	msgs := {f.msg | some f in d}
	"the scanned commit is tagged v1.2.0 but product.version is 1.1.0" in msgs
	"product.version 1.1.0 is older than the latest release tag v1.2.0" in msgs
}

test_changelog_behind_the_version_fails if {
	d := p.deny with input as state("1.3.0", [tag("1.2.0")], null, "[1.2.0] - 2026-10-01")
	[[f.path, f.msg] | some f in d] == [["CHANGELOG.md", "the change log's newest section is 1.2.0 but product.version is 1.3.0"]]
}

test_no_version_is_not_evaluated if {
	{"msg": "no product.version is declared", "msg_ko": "product.version이 선언되지 않았습니다"} in p.not_evaluated with input as {"profile": {}, "history": {"available": true}}
}

agreeing := state("1.3.0", [tag("1.2.0")], null, "[1.3.0]")

manifest(path, line, v) := {"path": path, "line": line, "kind": "cargo", "version": v, "reason": null, "inherited_from": null}

sbom(name, v) := {"path": "sbom/app.cdx.json", "parsed": true, "subject": {"name": name, "version": v}}

test_manifests_agreeing_with_the_product_version_pass if {
	manifests := [manifest("Cargo.toml", 3, "1.3.0"), manifest("web/package.json", 4, "v1.3.0")]
	count(p.deny) == 0 with input as object.union(agreeing, {"product_versions": manifests})
}

test_manifest_with_another_version_fails_at_its_line if {
	manifests := [manifest("Cargo.toml", 3, "1.2.0"), manifest("web/package.json", 4, "1.3.0")]
	d := p.deny with input as object.union(agreeing, {"product_versions": manifests})
	[[f.path, f.line, f.key, f.msg] | some f in d] == [[
		"Cargo.toml", 3, "manifest|Cargo.toml",
		"Cargo.toml declares version 1.2.0 but product.version is 1.3.0",
	]]
}

test_inherited_manifest_version_names_the_workspace if {
	member := object.union(manifest("app/Cargo.toml", 4, "1.2.0"), {"inherited_from": "Cargo.toml"})
	d := p.deny with input as object.union(agreeing, {"product_versions": [member]})
	[f.msg | some f in d] == ["app/Cargo.toml declares version 1.2.0 (inherited from the workspace in Cargo.toml) but product.version is 1.3.0"]
}

test_manifest_without_a_stated_version_is_not_compared if {
	dynamic := object.union(manifest("pyproject.toml", 3, null), {"kind": "pyproject", "reason": "dynamic"})
	count(p.deny) == 0 with input as object.union(agreeing, {"product_versions": [dynamic]})
}

test_product_sbom_agreeing_passes if {
	ev := object.union(agreeing, {"profile": {"name": "App"}, "sboms": [sbom("app", "v1.3.0")]})
	count(p.deny) == 0 with input as ev
}

test_product_sbom_with_another_version_fails if {
	ev := object.union(agreeing, {"profile": {"name": "App"}, "sboms": [sbom("App", "1.2.0")]})
	d := p.deny with input as ev
	[[f.path, f.key, f.msg] | some f in d] == [[
		"sbom/app.cdx.json", "sbom|sbom/app.cdx.json",
		"SBOM sbom/app.cdx.json describes App version 1.2.0 but product.version is 1.3.0",
	]]
}

test_sbom_of_another_component_is_not_compared if {
	ev := object.union(agreeing, {"profile": {"name": "App"}, "sboms": [sbom("vendored-lib", "0.1.0")]})
	count(p.deny) == 0 with input as ev
}

test_sbom_subject_without_a_name_is_not_the_product_sbom if {
	bom := {"path": "sbom/app.cdx.json", "parsed": true, "subject": {"name": null, "version": "0.9.0"}}
	s := object.union(state("1.2.0", [tag("1.2.0")], "v1.2.0", "[1.2.0] - 2026-10-01"), {"sboms": [bom]})
	count(p.deny) == 0 with input as object.union(s, {"profile": {"name": "app", "version": "1.2.0"}})
}
