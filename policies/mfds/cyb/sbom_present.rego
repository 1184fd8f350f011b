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
#   ko:
#     title: "소프트웨어 자재명세서(SBOM) 존재 및 판독 가능"
#     description: |
#       식약처 보안지침은 소프트웨어 자재명세서(SBOM)를 기반으로 취약점 대응을 구성하며, 2026년 종합계획은 SBOM
#       기반 사이버보안 관리를 사이버보안 축의 중심에 둡니다. 저장소에는 표준 형식(CycloneDX JSON/XML 또는
#       SPDX 2.x/3.0)의 SBOM이 하나 이상 있어야 하며(이름뿐 아니라 내용으로도 인식), 발견된 모든
#       SBOM은 현재 도구와 심사자가 받아들이는 규격 버전(CycloneDX 1.4 이상, SPDX 2.2, 2.3,
#       3.0)으로 읽을 수 있어야 합니다. SBOM은 이 제품을 설명해야 합니다: 프로파일이 제품 이름을 정하면 적어도
#       하나의 SBOM 대상(CycloneDX `metadata.component`, SPDX 기술 패키지)이 그 이름을
#       가져야 합니다.
#     recommended_action: |
#       CI에서 SBOM을 생성하여(예: cyclonedx-cargo, cyclonedx-npm, syft, SPDX
#       도구) `sbom/product.cdx.json` 등으로 커밋하고, 잠금 파일이 바뀔 때마다 다시 생성하십시오.
#       CycloneDX 1.4+ 또는 SPDX 2.2+를 쓰고 제품을 SBOM의 대상으로 설정하십시오.
#     applies: "소프트웨어가 있는 모든 제품."
#     escalation: "네트워크 연결 제품이거나 디지털의료제품법 적용 제품이면 오류, 그 밖에는 경고입니다. 오래된 규격 버전이나 다른 제품의 SBOM은 경고입니다."
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
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (2025-01-24)", title: "SBOM-based vulnerability response"}
#     - {source: "IMDRF/CYBER WG/N73FINAL:2023"}
#     - {source: "FD&C Act (21 U.S.C. 360n-2 for §524B), as amended by the Consolidated Appropriations Act, 2023", clause: "§524B(b)(3)"}
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
	f := object.union(documents.missing_ko("sbom", "no SBOM found: commit a CycloneDX or SPDX SBOM (e.g. sbom/product.cdx.json)", "SBOM이 없습니다: CycloneDX 또는 SPDX SBOM을 커밋하십시오(예: sbom/product.cdx.json)"), {"level": level})
}

deny contains f if {
	some s in sboms
	not s.parsed
	f := {
		"msg": sprintf("SBOM %s does not parse: %s", [s.path, object.get(s, "error", "unknown error")]),
		"msg_ko": sprintf("SBOM %s을(를) 읽을 수 없습니다: %s", [s.path, object.get(s, "error", "unknown error")]),
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
		"msg_ko": sprintf("SBOM %s은(는) %s %s이며 samdscan이 현재 스키마로 검사할 수 없습니다: CycloneDX 1.4 이상 또는 SPDX 2.2, 2.3, 3.0을 쓰십시오", [s.path, s.format, object.get(s, "spec_version", "(버전 불명)")]),
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
		"msg_ko": sprintf("%s을(를) 설명하는 SBOM이 없습니다: SBOM 대상은 %v입니다; 제품을 metadata.component(CycloneDX) 또는 기술 패키지(SPDX)로 설정하십시오", [input.profile.name, sort([n | some n in subject_names])]),
		"path": parsed[0].path,
		"key": "subject",
		"level": "warning",
	}
}
