# METADATA
# title: SBOM complete and fresh against the lockfiles
# description: |
#   An SBOM that does not list what the product really ships defeats SBOM-based vulnerability
#   response. Every third-party package pinned in a lockfile (transitive ones included) must
#   appear in an SBOM at the locked version: matched by purl, else by name normalised per
#   ecosystem and version. The product's own packages (workspace members, path dependencies) are
#   not SOUP and are not counted. One finding per lockfile gives the counts of missing and stale
#   (other version) packages and names the first few. The SBOM must also have changed in git no
#   earlier than the newest lockfile change, and a lockfile changed in the history scope needs an
#   SBOM change in the same scope (by file name; skipped when the history is unavailable or cut
#   short by a shallow clone).
# custom:
#   ko:
#     title: "잠금 파일 대비 SBOM의 완전성과 최신성"
#     description: |
#       제품이 실제로 포함하는 것을 나열하지 않는 SBOM은 SBOM 기반 취약점 대응을 무력화합니다. 잠금 파일에 고정된
#       모든 서드파티 패키지(전이 의존성 포함)는 잠긴 버전으로 SBOM에 있어야 합니다: purl로, 없으면 생태계별로
#       정규화한 이름과 버전으로 대조합니다. 제품 자체 패키지(워크스페이스 멤버, 경로 의존성)는 SOUP가 아니므로 세지
#       않습니다. 잠금 파일마다 하나의 발견사항이 누락·불일치(다른 버전) 패키지 수와 처음 몇 개의 이름을 알려줍니다.
#       SBOM은 git에서 최신 잠금 파일 변경 이후에 변경되어야 하고, 이력 범위에서 바뀐 잠금 파일은 같은 범위의
#       SBOM 변경을 필요로 합니다(이력이 없거나 얕은 복제로 잘린 경우 생략).
#     recommended_action: |
#       잠금 파일을 갱신하는 같은 변경에서 CI로 잠금 파일로부터 SBOM을 다시 생성하십시오(예:
#       `cyclonedx-py requirements`, `cyclonedx-npm`, `cargo cyclonedx`,
#       `syft dir:.`), 전이 의존성을 포함하여.
#     applies: "소프트웨어, 잠금 파일(lockfile)과 SBOM이 있는 모든 제품(SBOM 누락은 MFDS-CYB-001이 보고)."
#     escalation: "항상 오류입니다."
#   id: MFDS-CYB-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [sboms, dependencies.lockfiles, dependencies.drift?, dependencies.freshness?, history.commits?]
#   applies: Any product with software, a lockfile and an SBOM (MFDS-CYB-001 reports a missing SBOM).
#   escalation: Always an error.
#   security_severity: 7.0
#   recommended_action: |
#     Regenerate the SBOM from the lockfiles in CI (e.g. `cyclonedx-py requirements`,
#     `cyclonedx-npm`, `cargo cyclonedx`, `syft dir:.`) in the same change that updates a
#     lockfile, including transitive dependencies.
#   references:
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (2025-01-24)", title: "SBOM-based vulnerability response"}
#     - {source: "IMDRF/CYBER WG/N73FINAL:2023", title: "SBOM maintenance"}
#     - {source: "CISA Minimum Elements for a Software Bill of Materials (draft 2025-08-22)", title: "Coverage"}
package samdscan.mfds.cyb.sbom_matches_lockfiles

import data.samdscan.lib.drift as lockfile_drift
import data.samdscan.lib.history
import rego.v1

drift := d if {
	d := input.dependencies.drift
	is_array(d)
} else := []

freshness := f if {
	f := input.dependencies.freshness
	is_array(f)
} else := []

deny contains f if {
	some d in drift
	lockfile_drift.mismatch(d)
	f := {
		"msg": sprintf("the SBOMs do not match %s: of %d third-party packages locked, %s", [d.lockfile, d.compared, lockfile_drift.parts(d)]),
		"msg_ko": sprintf("SBOM이 %s과(와) 맞지 않습니다: 잠긴 서드파티 패키지 %d개 중 %s", [d.lockfile, d.compared, lockfile_drift.parts_ko(d)]),
		"path": d.lockfile,
		"key": sprintf("drift|%s", [d.lockfile]),
	}
}

deny contains f if {
	some r in freshness
	r.stale
	f := {
		"msg": sprintf("%s changed at %s, after the newest SBOM %s last changed (%s): regenerate the SBOM", [r.lockfile, r.changed, r.sbom, r.sbom_changed]),
		"msg_ko": sprintf("%s이(가) %s에 바뀌었으나 최신 SBOM %s은(는) 그 전(%s)에 마지막으로 바뀌었습니다: SBOM을 다시 생성하십시오", [r.lockfile, r.changed, r.sbom, r.sbom_changed]),
		"path": r.lockfile,
		"key": sprintf("stale|%s", [r.lockfile]),
	}
}

# Freshness and the range check need the history: without it the rule cannot pass.
not_evaluated contains r if some r in history.unusable

# Each change of a lockfile in the history scope: [path, index of the commit] (commits are newest
# first). Read once, so the rule costs the commits times the lockfiles, not the commits squared.
lockfile_changes := [[ch.path, i] |
	some i, c in history.commits
	some ch in c.changes
	"lockfile" in ch.areas
]

# The newest commit in the history scope that changed each lockfile.
range_lockfile_changes[path] := history.commits[i] if {
	some path in {t[0] | some t in lockfile_changes}
	i := min({t[1] | some t in lockfile_changes; t[0] == path})
}

deny contains f if {
	count(history.unusable) == 0
	not history.range_touches("sbom")
	some path, c in range_lockfile_changes
	f := {
		"msg": sprintf("%s changed in commit %s but no SBOM changed in the history scope (%s)", [path, history.label(c), input.history.scope.description]),
		"msg_ko": sprintf("%s이(가) 커밋 %s에서 바뀌었으나 이력 범위(%s)에서 바뀐 SBOM이 없습니다", [path, history.label(c), input.history.scope.description]),
		"path": path,
		"key": sprintf("range|%s", [path]),
	}
}
