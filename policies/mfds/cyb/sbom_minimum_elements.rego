# METADATA
# title: SBOM minimum data elements
# description: |
#   An SBOM is only usable for vulnerability response when every component can be identified:
#   the NTIA minimum elements (2021) are, per component, the supplier, the component name, its
#   version and another unique identifier (purl, CPE or SWID), and, per SBOM, the dependency
#   relationships, the author of the SBOM data (a person or organisation, not only a tool) and a
#   timestamp. MFDS's SBOM requirements are being derived from these international elements.
#   One finding per SBOM summarises what is missing, however many components miss it.
# custom:
#   id: MFDS-CYB-002
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: anticipated
#   evidence: [sboms]
#   applies: Any product with an SBOM.
#   escalation: Error for any missing NTIA element.
#   security_severity: 5.0
#   recommended_action: |
#     Configure the SBOM generator to record suppliers, versions and purls (for example
#     `cyclonedx-py --purl`, `syft -o cyclonedx-json`), add `metadata.authors` (CycloneDX) or a
#     `Person:`/`Organization:` creator (SPDX), a timestamp, and the dependency graph.
#   references:
#     - {source: NTIA, clause: "The Minimum Elements for a Software Bill of Materials (2021)"}
#     - {source: IMDRF N73, clause: SBOM}
#     - {source: FDA premarket cybersecurity guidance, clause: "V.A.4.b SBOM"}
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
		"path": s.path,
		"key": sprintf("ntia|%s", [s.path]),
	}
}
