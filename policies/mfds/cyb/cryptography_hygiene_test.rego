package samdscan.mfds.cyb.cryptography_hygiene_test

import data.samdscan.mfds.cyb.cryptography_hygiene as p
import rego.v1

tls_hit := {"kind": "old_tls", "construct": "TLS 1.0", "path": "deploy/nginx.conf", "line": 12, "occurrence": 1}

sha1_hit := {"kind": "weak_hash", "construct": "sha1 crate", "path": "src/store.rs", "line": 4, "occurrence": 1}

profile(classes) := {
	"connected": true,
	"software_systems": [{"name": "app", "safety_class": c} | some c in classes],
}

# `scan` with some fields of `crypto_use` replaced.
scan_with(hits, classes, fields) := object.union(scan(hits, classes), {"crypto_use": fields})

scan(hits, classes) := {
	"profile": profile(classes),
	"config": {"path": ".samdscan.yaml", "lines": {"product.software_systems": 9}},
	"crypto_use": {"evaluated": true, "files_read": 12, "too_large": 0, "hits": hits, "truncated": false, "inventories": []},
}

test_a_hit_names_the_construct_its_line_and_the_alternative if {
	d := p.deny with input as scan([tls_hit], ["B"])
	[f.msg | some f in d] == ["TLS 1.0 in deploy/nginx.conf line 12: a protocol older than TLS 1.2: require TLS 1.2 or later"]
	[[f.path, f.line] | some f in d] == [["deploy/nginx.conf", 12]]
	every f in d {
		regex.match(`[가-힣]`, f.msg_ko)
		not contains(f.key, "12")
	}
}

test_a_hash_is_reported_if_used_for_security if {
	d := p.deny with input as scan([sha1_hit], ["B"])
	some f in d
	contains(f.msg, "if used for security")
}

test_no_hits_pass if {
	count(p.deny) == 0 with input as scan([], ["B"])
}

test_class_c_needs_a_crypto_inventory if {
	d := p.deny with input as scan([], ["C"])
	[f.key | some f in d] == ["crypto-inventory"]
	[f.line | some f in d] == [9]
	with_cbom := scan_with([], ["C"], {"inventories": [{"path": "sbom/app.cdx.json", "crypto_assets": 3}]})
	count(p.deny) == 0 with input as with_cbom
}

test_an_sbom_without_crypto_assets_is_no_inventory if {
	no_assets := scan_with([], ["C"], {"inventories": [{"path": "sbom/app.cdx.json", "crypto_assets": 0}]})
	count(p.deny) == 1 with input as no_assets
}

test_a_product_that_is_not_connected_is_not_applicable if {
	not p.applicable with input as {"profile": {"connected": false}}
	count(p.not_applicable_because) == 1 with input as {"profile": {"connected": false}}
}

test_a_capped_search_is_not_evaluated if {
	truncated := scan_with([tls_hit], ["B"], {"truncated": true})
	count(p.not_evaluated) == 1 with input as truncated
	too_large := scan_with([], ["B"], {"too_large": 2})
	count(p.not_evaluated) == 1 with input as too_large
}
