# METADATA
# title: SBOM and VEX kept for every supported release
# description: |
#   An SBOM-based cybersecurity management system answers, for any release still in the field,
#   what it ships and whether a new vulnerability affects it (IMDRF N73: generate, distribute and
#   maintain the SBOM over the life cycle; FDA: the SBOM under configuration management). So each
#   release tag in the support window (the support policy's versions whose end of security support
#   is not past; without one, the newest release tags) must hold, in its tagged tree, an SBOM that
#   declares the tag's version and lists that tree's locked packages (the comparison of
#   MFDS-CYB-003), and a VEX or vulnerability assessment. The trees are read from git objects,
#   without a checkout.
# custom:
#   ko:
#     title: "지원 중인 모든 릴리스의 SBOM과 VEX 보관"
#     description: |
#       SBOM 기반 사이버보안 관리 체계는 현장에 남아 있는 모든 릴리스에 대해 무엇을 포함하는지, 새 취약점이 영향을
#       주는지에 답해야 합니다(IMDRF N73: 수명 주기 전반에 걸친 SBOM 생성·배포·유지; FDA: 형상 관리 아래의
#       SBOM). 그래서 지원 기간 안의 각 릴리스 태그(지원 정책에서 보안 지원 종료일이 지나지 않은 버전, 지원 정책이
#       없으면 최신 릴리스 태그들)는 태그된 트리 안에 태그의 버전을 선언하고 그 트리의 잠금 파일 패키지를 나열하는
#       소프트웨어 자재명세서(SBOM)(MFDS-CYB-003과 같은 비교)와 VEX 또는 취약점 평가를 가져야 합니다. 트리는
#       체크아웃 없이 git 객체에서 읽습니다.
#     recommended_action: |
#       릴리스마다 CI에서 잠금 파일로부터 SBOM을 생성하여 제품 버전(CycloneDX `metadata.component.version`)을
#       태그의 버전으로 적고, 그 릴리스의 VEX(`vex/*.openvex.json` 또는 CycloneDX VEX)와 함께 태그하기 전에
#       커밋하십시오. 지원 정책(`docs/security/support-policy.md`)에 버전별 지원 종료일 표를 두십시오.
#     applies: "네트워크 연결 제품, 스캔한 커밋에서 도달할 수 있는 릴리스 태그가 있을 때."
#     escalation: "식약처가 SBOM 관리 체계를 공표할 때까지 참고(note)이며 등급이나 안전성 등급으로 올라가지 않습니다."
#   id: MFDS-CYB-016
#   severity: note
#   precision: high
#   since: 0.2.0
#   pillar: P2
#   status: anticipated
#   evidence: [history.release_sboms]
#   applies: Connected products, with release tags reachable from the scanned commit.
#   escalation: A note until MFDS publishes its SBOM management scheme; not raised by grade or safety class.
#   recommended_action: |
#     For every release, generate the SBOM from the lockfiles in CI with the product version
#     (CycloneDX `metadata.component.version`) set to the tag's version, and commit it with the
#     release's VEX (`vex/*.openvex.json` or a CycloneDX VEX) before tagging. Give the support
#     policy (`docs/security/support-policy.md`) a table of versions and end-of-support dates.
#   references:
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", title: "SBOM-based cybersecurity management system"}
#     - {source: "IMDRF/CYBER WG/N73FINAL:2023", title: "SBOM generation, distribution and maintenance over the life cycle"}
#     - {source: "FDA Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2023)", title: "SBOM under configuration management"}
package samdscan.mfds.cyb.sbom_per_release

import data.samdscan.lib.drift as lockfile_drift
import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the product is not connected (product.connected is not true)", "msg_ko": "네트워크에 연결되는 제품이 아닙니다(product.connected가 true가 아님)"} if not profile.connected

facts := input.history.release_sboms

releases := r if {
	r := facts.releases
	is_array(r)
} else := []

window_declared if count(facts.window.lines) > 0

not_evaluated contains r if some r in history.unusable

not_evaluated contains r if {
	window_declared
	count(releases) == 0
	r := {
		"msg": sprintf("none of the %d release tags is in the support window of %s (versions %s)", [facts.releases_total, facts.window.path, supported_lines]),
		"msg_ko": sprintf("릴리스 태그 %d개 중 %s의 지원 기간(버전 %s) 안에 있는 것이 없습니다", [facts.releases_total, facts.window.path, supported_lines]),
	}
}

# A narrowed scope or --base checks only the newest release tags: fewer of them than the limit
# in the window leaves older supported releases unjudged.
not_evaluated contains r if {
	window_declared
	count(releases) < facts.limit
	some r in history.tags_unchecked
}

not_evaluated contains r if {
	n := object.get(facts, "unchecked", 0)
	n > 0
	r := history.releases_narrowed(n, "releases in the support window", "지원 기간 안의 릴리스")
}

not_evaluated contains r if {
	some rel in releases
	not rel.read
	r := {
		"msg": sprintf("the tagged tree of release %s was not read: %s", [rel.tag, rel.error]),
		"msg_ko": sprintf("릴리스 %s의 태그된 트리를 읽지 못했습니다: %s", [rel.tag, rel.error]),
	}
}

supported_lines := concat(", ", [l.versions | some l in facts.window.lines; l.supported]) if {
	count([l | some l in facts.window.lines; l.supported]) > 0
} else := "none"

# Why the release is judged: its support line, or no declared window.
why(rel) := sprintf("supported as %s in %s", [rel.support_line, facts.window.path]) if window_declared

else := sprintf("no support window is declared, so the newest %d release tags are judged", [facts.limit])

why_ko(rel) := sprintf("%s에서 %s로 지원 중", [facts.window.path, rel.support_line]) if window_declared

else := sprintf("지원 기간이 선언되지 않아 최신 릴리스 태그 %d개를 판단함", [facts.limit])

parsed_sboms(rel) := [s | some s in rel.sboms; s.parsed]

# The anchor of a finding about a release: its first SBOM where the work tree still has it,
# else the support policy, else the config.
anchor(rel) := {"path": p} if {
	some s in rel.sboms
	p := s.path
	p in {x.path | some x in object.get(input, "sboms", [])}
} else := {"path": facts.window.path} if {
	window_declared
} else := {"path": input.config.path, "line": profile.config_line("history.release_tags")}

deny contains f if {
	some rel in releases
	rel.read
	count(rel.sboms) == 0
	f := object.union(anchor(rel), {
		"msg": sprintf("release %s (%s) has no SBOM in its tagged tree", [rel.tag, why(rel)]),
		"msg_ko": sprintf("릴리스 %s(%s)의 태그된 트리에 SBOM이 없습니다", [rel.tag, why_ko(rel)]),
		"key": sprintf("no-sbom|%s", [rel.tag]),
	})
}

deny contains f if {
	some rel in releases
	some s in rel.sboms
	not s.parsed
	f := object.union(anchor(rel), {
		"msg": sprintf("release %s (%s): its SBOM %s does not parse: %s", [rel.tag, why(rel), s.path, s.error]),
		"msg_ko": sprintf("릴리스 %s(%s)의 SBOM %s을(를) 읽을 수 없습니다: %s", [rel.tag, why_ko(rel), s.path, s.error]),
		"key": sprintf("unparsed|%s|%s", [rel.tag, s.path]),
	})
}

declares_version(sboms) if {
	some s in sboms
	s.version_matches
}

declared(s) := s.version if is_string(s.version)

else := "no version"

declared_ko(s) := s.version if is_string(s.version)

else := "버전 없음"

deny contains f if {
	some rel in releases
	sboms := parsed_sboms(rel)
	count(sboms) > 0
	not declares_version(sboms)
	shown := concat(", ", [sprintf("%s: %s", [s.path, declared(s)]) | some s in sboms])
	shown_ko := concat(", ", [sprintf("%s: %s", [s.path, declared_ko(s)]) | some s in sboms])
	f := object.union(anchor(rel), {
		"msg": sprintf("release %s (%s): no SBOM in its tagged tree declares version %s (%s)", [rel.tag, why(rel), rel.version, shown]),
		"msg_ko": sprintf("릴리스 %s(%s): 태그된 트리의 어떤 SBOM도 버전 %s을(를) 선언하지 않습니다(%s)", [rel.tag, why_ko(rel), rel.version, shown_ko]),
		"key": sprintf("version|%s", [rel.tag]),
	})
}

deny contains f if {
	some rel in releases
	some d in rel.drift
	lockfile_drift.mismatch(d)
	f := object.union(anchor(rel), {
		"msg": sprintf("release %s (%s): its SBOMs do not match its %s: of %d third-party packages locked, %s", [rel.tag, why(rel), d.lockfile, d.compared, lockfile_drift.parts(d)]),
		"msg_ko": sprintf("릴리스 %s(%s): SBOM이 태그된 트리의 %s과(와) 맞지 않습니다: 잠긴 서드파티 패키지 %d개 중 %s", [rel.tag, why_ko(rel), d.lockfile, d.compared, lockfile_drift.parts_ko(d)]),
		"key": sprintf("components|%s|%s", [rel.tag, d.lockfile]),
	})
}

deny contains f if {
	some rel in releases
	rel.read
	count(rel.vex) == 0
	f := object.union(anchor(rel), {
		"msg": sprintf("release %s (%s) has no VEX or vulnerability assessment in its tagged tree (an OpenVEX document, CycloneDX VEX statements or a vulnerability scan report)", [rel.tag, why(rel)]),
		"msg_ko": sprintf("릴리스 %s(%s)의 태그된 트리에 VEX나 취약점 평가(OpenVEX 문서, CycloneDX VEX 진술, 취약점 스캔 보고서)가 없습니다", [rel.tag, why_ko(rel)]),
		"key": sprintf("no-vex|%s", [rel.tag]),
	})
}
