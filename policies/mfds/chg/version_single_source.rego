# METADATA
# title: Product version, release tag, change log, manifests and SBOM agree
# description: |
#   The software version appears on the licence, the label and in the SBOM; one version must mean
#   one thing (IEC 62304 §5.8.4, §8.1.3; MFDS software-upgrade rules). samdscan compares the
#   product version (`product.version`), the newest release tag that is the scanned commit or an
#   ancestor of it, the newest version section of the change log, the version each of the
#   product's own manifests declares (`Cargo.toml`, `package.json`, `pyproject.toml`,
#   `build.gradle` at the repository root and at the root folder of each software system; a Cargo
#   workspace member's inherited version counts) and the version in the SBOM whose subject is the
#   product (named `product.name`): a tagged commit must carry the tag's version, the product
#   version must not be older than the latest release, and the change log's newest section, every
#   product manifest and the product's SBOM must state the product version (a leading `v` is
#   ignored). A manifest whose version is set by the build (a `dynamic` pyproject version, a Gradle
#   expression) is not compared.
# custom:
#   ko:
#     title: "제품 버전, 릴리스 태그, 변경 이력, 매니페스트, SBOM의 일치"
#     description: |
#       소프트웨어 버전은 허가증, 표시기재, SBOM에 나타나므로 하나의 버전은 하나의 의미여야 합니다(IEC 62304
#       §5.8.4, §8.1.3; 식약처 소프트웨어 업그레이드 규정). samdscan은 제품
#       버전(`product.version`), 스캔한 커밋이거나 그 조상인 최신 릴리스 태그, 변경 이력의 최신 버전
#       절, 제품 자체 매니페스트(저장소 루트와 각 소프트웨어 시스템 루트의 `Cargo.toml`,
#       `package.json`, `pyproject.toml`, `build.gradle`; Cargo 워크스페이스에서
#       상속된 버전 포함)가 선언한 버전, 그리고 제품(`product.name`)을 대상으로 하는 SBOM의 버전을
#       비교합니다. 태그된 커밋은 태그의 버전을 가져야 하고, 제품 버전은 최신 릴리스보다 오래되면 안 되며, 변경 이력의
#       최신 절, 모든 제품 매니페스트, 제품 SBOM은 제품 버전을 적어야 합니다(앞의 `v`는 무시). 빌드가 정하는
#       버전(`dynamic` pyproject 버전, Gradle 식)은 비교하지 않습니다.
#     recommended_action: |
#       `product.version`, 릴리스 태그, 변경 이력, 제품 매니페스트, SBOM을 함께 올리십시오: 릴리스
#       하나에 버전 하나.
#     applies: "항상."
#   id: MFDS-CHG-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [profile.version, history.tags?, documents.changelog?, product_versions?, sboms?]
#   applies: Always.
#   recommended_action: |
#     Bump `product.version`, the release tag, the change log, the product's manifests and its SBOM
#     together: one release, one version.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.8.4", title: "Document released versions"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.1.3", title: "Document system configuration documentation"}
package samdscan.mfds.chg.version_single_source

import data.samdscan.lib.changelog
import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

not_evaluated contains {"msg": "no product.version is declared", "msg_ko": "product.version이 선언되지 않았습니다"} if not is_string(object.get(input, ["profile", "version"], null))

not_evaluated contains r if {
	input.history.available != true
	r := {
		"msg": sprintf("git history not available: %s", [input.history.reason]),
		"msg_ko": sprintf("git 이력을 사용할 수 없습니다: %s", [input.history.reason]),
	}
}

version := trim_prefix(input.profile.version, "v") if is_string(input.profile.version)

version_anchor := {"path": input.config.path, "line": profile.config_line("product.version")}

latest := history.releases[0]

deny contains f if {
	some t in history.releases
	t.name == input.history.tip_release
	t.version != version
	f := object.union(version_anchor, {
		"msg": sprintf("the scanned commit is tagged %s but product.version is %s", [t.name, version]),
		"msg_ko": sprintf("스캔한 커밋의 태그는 %s이지만 product.version은 %s입니다", [t.name, version]),
		"key": sprintf("tip-tag|%s", [t.name]),
	})
}

deny contains f if {
	latest.version != null
	semver.is_valid(latest.version)
	semver.is_valid(version)
	semver.compare(version, latest.version) < 0
	f := object.union(version_anchor, {
		"msg": sprintf("product.version %s is older than the latest release tag %s", [version, latest.name]),
		"msg_ko": sprintf("product.version %s이(가) 최신 릴리스 태그 %s보다 오래되었습니다", [version, latest.name]),
		"key": "older-than-release",
	})
}

deny contains f if {
	newest := changelog.newest
	newest.version != version
	f := {
		"msg": sprintf("the change log's newest section is %s but product.version is %s", [newest.version, version]),
		"msg_ko": sprintf("변경 이력의 최신 절은 %s이지만 product.version은 %s입니다", [newest.version, version]),
		"path": newest.path,
		"key": "changelog-version",
	}
}

deny contains f if {
	some m in input.product_versions
	is_string(m.version)
	trim_prefix(m.version, "v") != version
	f := {
		"msg": sprintf("%s declares version %s%s but product.version is %s", [m.path, m.version, inherited(m), version]),
		"msg_ko": sprintf("%s이(가) 버전 %s%s을(를) 선언하지만 product.version은 %s입니다", [m.path, m.version, inherited_ko(m), version]),
		"path": m.path,
		"line": m.line,
		"key": sprintf("manifest|%s", [m.path]),
	}
}

inherited(m) := sprintf(" (inherited from the workspace in %s)", [m.inherited_from]) if is_string(m.inherited_from)

else := ""

product_name := lower(input.profile.name) if is_string(input.profile.name)

# The SBOMs that describe this product: their subject is named as the product.
product_sbom contains s if {
	some s in input.sboms
	s.parsed
	is_string(s.subject.name)
	lower(s.subject.name) == product_name
}

deny contains f if {
	some s in product_sbom
	is_string(s.subject.version)
	trim_prefix(s.subject.version, "v") != version
	f := {
		"msg": sprintf("SBOM %s describes %s version %s but product.version is %s", [s.path, s.subject.name, s.subject.version, version]),
		"msg_ko": sprintf("SBOM %s은(는) %s 버전 %s을(를) 설명하지만 product.version은 %s입니다", [s.path, s.subject.name, s.subject.version, version]),
		"path": s.path,
		"key": sprintf("sbom|%s", [s.path]),
	}
}

inherited_ko(m) := sprintf("(%s의 워크스페이스에서 상속)", [m.inherited_from]) if is_string(m.inherited_from)
else := ""
