# METADATA
# title: SBOM minimum data elements
# description: |
#   An SBOM is only usable for vulnerability response when every component can be identified:
#   the NTIA minimum elements (2021) are, per component, the supplier, the component name, its
#   version and another unique identifier (purl, CPE or SWID; in SPDX 2 the element's SPDX id),
#   and, per SBOM, the dependency relationships, the author of the SBOM data (a person or
#   organisation, not only a tool; in SPDX 2 any creator) and a timestamp. SPDX 2 documents are
#   judged as the SPDX reference checker (ntia-conformance-checker) judges them: only packages
#   reachable from what the document DESCRIBES count, and a document that describes no package
#   has no dependency relationships. MFDS's SBOM requirements are being derived from these
#   international elements; beyond NTIA, matching components to vulnerability databases needs a
#   purl or CPE per component, reported as its own finding. One finding per SBOM and concern
#   summarises what is missing, however many components miss it.
# custom:
#   ko:
#     title: "SBOM 최소 데이터 요소"
#     description: |
#       SBOM은 모든 구성요소를 식별할 수 있을 때에만 취약점 대응에 쓸 수 있습니다. NTIA 최소 요소(2021)는
#       구성요소마다 공급자, 구성요소 이름, 버전, 다른 고유 식별자(purl, CPE 또는 SWID)이고, SBOM마다
#       의존 관계, SBOM 데이터 작성자(도구만이 아닌 사람 또는 조직), 타임스탬프입니다. 식약처의 소프트웨어
#       자재명세서(SBOM) 요구사항은 이 국제 요소로부터 도출되고 있습니다. SBOM마다 하나의 발견사항이 빠진 것을
#       요약합니다.
#     recommended_action: |
#       SBOM 생성 도구가 공급자, 버전, purl을 기록하도록 설정하고(예: `cyclonedx-py --purl`,
#       `syft -o cyclonedx-json`), `metadata.authors`(CycloneDX) 또는
#       `Person:`/`Organization:` 작성자(SPDX), 타임스탬프, 의존 관계 그래프를 추가하십시오.
#     applies: "소프트웨어 자재명세서(SBOM)가 있는 모든 제품."
#     escalation: "NTIA 최소 요소가 하나라도 없거나 purl 또는 CPE가 없는 구성요소가 있으면 오류입니다."
#   id: MFDS-CYB-002
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: anticipated
#   evidence: [sboms]
#   applies: Any product with an SBOM.
#   escalation: Error for any missing NTIA element or component without a purl or CPE.
#   security_severity: 5.0
#   recommended_action: |
#     Configure the SBOM generator to record suppliers, versions and purls (for example
#     `cyclonedx-py --purl`, `syft -o cyclonedx-json`), add `metadata.authors` (CycloneDX) or a
#     `Person:`/`Organization:` creator (SPDX), a timestamp, and the dependency graph.
#   references:
#     - {source: "NTIA, The Minimum Elements for a Software Bill of Materials (2021)"}
#     - {source: "IMDRF/CYBER WG/N73FINAL:2023"}
#     - {source: "FDA Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2023)", clause: "V.A.4.b", title: "SBOM"}
package samdscan.mfds.cyb.sbom_minimum_elements

import rego.v1

sboms := [s | some s in input.sboms; s.parsed; is_object(s.ntia)]

document_gaps(n) := [gap |
	some [element, text] in [
		["author", "no SBOM author (a person or organisation)"],
		["timestamp", "no timestamp"],
		["dependencies", "no dependency relationships"],
	]
	n[element] == false
	gap := text
]

component_gaps(s) := [] if {
	s.ntia.components_incomplete == 0
} else := [sprintf("%d of %d components miss elements (%s); first: %s", [
	s.ntia.components_incomplete,
	s.component_count,
	concat(", ", [sprintf("%s: %d", [k, v]) | some k, v in s.ntia.missing]),
	concat("; ", [sprintf("%s (%s)", [e.component, concat(", ", e.missing)]) | some e in s.ntia.examples]),
])]

deny contains f if {
	some s in sboms
	not s.ntia.complete
	gaps := array.concat(document_gaps(s.ntia), component_gaps(s))
	f := {
		"msg": sprintf("SBOM %s lacks NTIA minimum elements: %s", [s.path, concat("; ", gaps)]),
		"msg_ko": sprintf("SBOM %s에 NTIA 최소 요소가 빠져 있습니다: %s", [s.path, concat("; ", array.concat(document_gaps_ko(s.ntia), component_gaps_ko(s)))]),
		"path": s.path,
		"key": sprintf("ntia|%s", [s.path]),
	}
}

document_gaps_ko(n) := [gap |
	some [element, text] in [
		["author", "SBOM 작성자(사람 또는 조직) 없음"],
		["timestamp", "타임스탬프 없음"],
		["dependencies", "의존 관계 없음"],
	]
	n[element] == false
	gap := text
]

component_gaps_ko(s) := [] if {
	s.ntia.components_incomplete == 0
} else := [sprintf("구성요소 %d개 중 %d개에 요소 누락(%s); 첫 예: %s", [
	s.component_count,
	s.ntia.components_incomplete,
	concat(", ", [sprintf("%s: %d", [k, v]) | some k, v in s.ntia.missing]),
	concat("; ", [sprintf("%s (%s)", [e.component, concat(", ", e.missing)]) | some e in s.ntia.examples]),
])]

# Beyond NTIA: MFDS vulnerability management matches components by purl or CPE.
deny contains f if {
	some s in sboms
	is_object(s.matchable)
	n := s.matchable.without_purl_or_cpe
	n > 0
	first := concat(", ", s.matchable.examples)
	f := {
		"msg": sprintf("SBOM %s: %d of %d components have no purl or CPE, so vulnerabilities cannot be matched to them (beyond the NTIA minimum elements); first: %s", [s.path, n, s.component_count, first]),
		"msg_ko": sprintf("SBOM %s: 구성요소 %d개 중 %d개에 purl 또는 CPE가 없어 취약점을 대조할 수 없습니다(NTIA 최소 요소 외 요구); 첫 예: %s", [s.path, s.component_count, n, first]),
		"path": s.path,
		"key": sprintf("matchable|%s", [s.path]),
	}
}
