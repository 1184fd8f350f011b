package samdscan.mfds.rsk.security_risk_linkage_test

import data.samdscan.mfds.rsk.security_risk_linkage as p
import rego.v1

model(rows) := {"path": "docs/security/threat-model.md", "format": "markdown", "title": "Threat model", "headings": [], "text": concat("\n", array.concat(["| ID | Threat | Rating | Risk |", "|---|---|---|---|"], rows))}

risk_row(id, hazard) := {"id": id, "hazard": hazard, "line": 2}

scan(rows, risks, vex, scans) := {
	"profile": {"connected": true, "software_systems": [{"safety_class": "B"}]},
	"config": {"path": ".samdscan.yaml", "lines": {}},
	"documents": {"threat_model": [model(rows)], "risk_table": [{"path": "docs/risk/risk-table.csv", "text": concat("\n", [json.marshal(r) | some r in risks])}]},
	"risks": {"tables": [{"path": "docs/risk/risk-table.csv", "rows": risks}]},
	"vex": {"documents": [{"path": "vex/p.openvex.json", "vex": {"statements": vex}}]},
	"vulnerability_scans": {"reports": [{"path": "reports/trivy.json", "serious": scans}]},
}

linked := scan(
	["| T-1 | Spoofed gateway | High | RSK-3 |", "| T-2 | Log tampering | 중간 | 안전 영향 없음: logs are not used clinically |", "| T-3 | Port scan | Low | |"],
	[risk_row("RSK-1", "Missed alarm"), risk_row("RSK-3", "Spoofed gateway injects data (security, T-1)"), risk_row("RSK-4", "Ransomware attack via CVE-2026-1111")],
	[{"id": "CVE-2026-1111", "state": "affected"}, {"id": "CVE-2026-2222", "state": "not_affected"}],
	[{"id": "CVE-2026-1111", "severity": "critical"}, {"id": "CVE-2026-2222", "severity": "high"}],
)

test_linked_threats_vulnerabilities_and_rows_pass if {
	count(p.deny) == 0 with input as linked
}

test_unlinked_threat_fails if {
	d := p.deny with input as object.union(linked, {"documents": {"threat_model": [model(["| T-9 | Model theft | 높음 | |"])]}})
	{f.key | some f in d} == {"threat|T-9", "risk-row|RSK-3"}
}

test_affected_serious_vulnerability_needs_a_row if {
	d := p.deny with input as object.union(linked, {"vex": {"documents": [{"path": "vex/p.openvex.json", "vex": {"statements": [{"id": "CVE-2026-2222", "state": "affected"}]}}]}})
	{f.key | some f in d} == {"vulnerability|CVE-2026-2222"}
}

test_security_row_without_source_fails_with_the_base_level_for_class_c if {
	c := object.union(linked, {"profile": {"software_systems": [{"safety_class": "C"}]}, "risks": {"tables": [{"path": "docs/risk/risk-table.csv", "rows": [risk_row("RSK-3", "T-1 spoofing"), risk_row("RSK-8", "보안 침해로 경보 지연")]}]}})
	d := p.deny with input as c
	some f in d
	f.key == "risk-row|RSK-8"
	object.get(f, "level", "default") == "default"
	f.line == 2
}

test_applies_to_connected_only if {
	p.applicable == false with input as {"profile": {"connected": false}}
	not p.applicable == false with input as {"profile": {"connected": true}}
}

test_a_scan_or_vex_cut_at_its_cap_is_not_evaluated_not_passed if {
	count(p.not_evaluated) == 0 with input as linked
	cut_scan := object.union(linked, {"vulnerability_scans": {"reports": [{"path": "reports/trivy.json", "serious": [], "serious_count": 501, "serious_truncated": true}]}})
	count(p.deny) == 0 with input as cut_scan
	{r.msg | some r in p.not_evaluated} == {"not all vulnerabilities judged: reports/trivy.json lists 501 serious vulnerabilities and only the first 0 are in the evidence"} with input as cut_scan
	cut_vex := object.union(linked, {"vex": {"documents": [{"path": "vex/p.openvex.json", "vex": {"count": 201, "truncated": true, "statements": []}}]}})
	count(p.not_evaluated) == 1 with input as cut_vex
}
