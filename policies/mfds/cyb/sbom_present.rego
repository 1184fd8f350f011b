# METADATA
# title: SBOM present and parseable
# description: |
#   MFDS's security guideline builds vulnerability response on a software bill of materials, and the
#   2026 plan puts SBOM-based cybersecurity management at the centre of its cybersecurity pillar. The
#   repository must hold at least one SBOM in a standard format (CycloneDX JSON/XML or SPDX 2.x/3.0),
#   recognised by content as well as by name, and every SBOM found must parse, in a spec version
#   that current tooling and reviewers accept (CycloneDX 1.4 or later, SPDX 2.2, 2.3 or 3.0). The
#   SBOM must describe this product: when the profile names the product, at least one SBOM's
#   subject (CycloneDX `metadata.component`, SPDX described package) carries that name.
# custom:
#   id: MFDS-CYB-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [sboms]
#   presence: true
#   applies: Any product with software.
#   escalation: Error when the product is connected or regulated under DMPA; warning otherwise. An outdated spec version or an SBOM about another product is a warning.
#   security_severity: 7.5
#   recommended_action: |
#     Generate an SBOM in CI (for example with cyclonedx-cargo, cyclonedx-npm, syft or the SPDX tools)
#     and commit it, e.g. as `sbom/product.cdx.json`, regenerating it whenever a lockfile changes.
#     Use CycloneDX 1.4+ or SPDX 2.2+, and set the product as the SBOM's subject.
#   references:
#     - {source: MFDS digital medical device electronic-intrusion security guideline, clause: SBOM-based vulnerability response}
#     - {source: IMDRF N73, clause: SBOM}
#     - {source: FD&C Act, clause: "§524B(b)(3)"}
package samdscan.mfds.cyb.sbom_present

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

level := "error" if profile.connected

else := "error" if profile.dmpa

else := "warning"

sboms := s if {
	s := input.sboms
	is_array(s)
} else := []

deny contains f if {
	count(sboms) == 0
	f := object.union(documents.missing("sbom", "no SBOM found: commit a CycloneDX or SPDX SBOM (e.g. sbom/product.cdx.json)"), {"level": level})
}

deny contains f if {
	some s in sboms
	not s.parsed
	f := {
		"msg": sprintf("SBOM %s does not parse: %s", [s.path, object.get(s, "error", "unknown error")]),
		"path": s.path,
		"key": sprintf("unparseable|%s", [s.path]),
		"level": level,
	}
}

deny contains f if {
	some s in sboms
	s.parsed
	not s.supported
	f := {
		"msg": sprintf("SBOM %s is %s %s, which samdscan cannot hold to a current schema: use CycloneDX 1.4 or later, or SPDX 2.2, 2.3 or 3.0", [s.path, s.format, object.get(s, "spec_version", "of unknown version")]),
		"path": s.path,
		"key": sprintf("spec|%s", [s.path]),
		"level": "warning",
	}
}

product_name := lower(input.profile.name) if is_string(input.profile.name)

subject_names contains lower(s.subject.name) if {
	some s in sboms
	is_string(s.subject.name)
}

deny contains f if {
	product_name
	parsed := [s | some s in sboms; s.parsed]
	count(parsed) > 0
	not product_name in subject_names
	f := {
		"msg": sprintf("no SBOM describes %s: the SBOM subjects are %v; set the product as metadata.component (CycloneDX) or the described package (SPDX)", [input.profile.name, sort([n | some n in subject_names])]),
		"path": parsed[0].path,
		"key": "subject",
		"level": "warning",
	}
}
