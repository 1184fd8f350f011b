package samdscan.lib.truncated_test

import data.samdscan.lib.truncated
import rego.v1

cut_report := {"path": "reports/trivy.json", "serious_count": 501, "serious_truncated": true, "serious": [{"id": "CVE-1"}, {"id": "CVE-2"}]}

whole_report := {"path": "reports/grype.json", "serious_count": 1, "serious_truncated": false, "serious": [{"id": "CVE-3"}]}

test_a_cut_scan_report_is_a_reason_naming_it if {
	rs := truncated.serious with input as {"vulnerability_scans": {"reports": [cut_report, whole_report]}}
	[r.msg | some r in rs] == ["not all vulnerabilities judged: reports/trivy.json lists 501 serious vulnerabilities and only the first 2 are in the evidence"]
	some r in rs
	contains(r.msg_ko, "reports/trivy.json")
}

test_whole_records_give_no_reason if {
	count(truncated.serious) == 0 with input as {"vulnerability_scans": {"reports": [whole_report]}}
	count(truncated.vex([{"path": "a.cdx.json", "vex": {"count": 1, "truncated": false, "statements": [{}]}}])) == 0
	count(truncated.serious) == 0 with input as {}
}

test_cut_vex_is_a_reason_naming_the_file if {
	cut := {"count": 201, "truncated": true, "statements": [{}]}
	rs := truncated.vex([{"path": "sbom/a.cdx.json", "vex": cut}, {"path": "vex/b.openvex.json", "vex": cut}, {"path": "vex/c.openvex.json", "parsed": false}])
	count(rs) == 2
	some r in rs
	r.msg == "not all VEX statements read: vex/b.openvex.json holds 201 statements and only the first 1 are in the evidence"
}

test_cut_dependencies_and_soup_lists_are_reasons if {
	deps := {"dependencies": {"direct_total": 2001, "direct_truncated": true, "direct": [{}]}}
	[r.msg | some r in truncated.direct] == ["not all dependencies judged: the manifests and lockfiles declare 2001 direct dependencies and only the first 1 are in the evidence"] with input as deps
	count(truncated.direct) == 0 with input as {"dependencies": {"direct_total": 1, "direct_truncated": false, "direct": [{}]}}
	lists := {"soup": {"lists": [{"path": "docs/soup.md", "truncated": true, "entries": [{}, {}]}, {"path": "docs/b.md", "truncated": false, "entries": []}]}}
	[r.msg | some r in truncated.soup] == ["not all SOUP items read: only the first 2 entries of docs/soup.md are in the evidence"] with input as lists
}
