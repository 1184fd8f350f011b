# METADATA
# title: Change log or release notes present, with a section per release
# description: |
#   Every release needs a recorded version and release notes (IEC 62304 §5.8.4, §5.8.2). A change log with one section per released version is the repository's release record: each release tag (`history.release_tags`) that is the scanned commit or one of its ancestors must have a change-log heading naming its version. A narrowed history scope (a number of commits, a date, a revision) or a `--base` scan checks the newest 25 release tags; when older ones exist the rule is not evaluated, and a scan with `--since all` judges them all.
# custom:
#   ko:
#     title: "릴리스별 절이 있는 변경 이력 또는 릴리스 노트"
#     description: |
#       모든 릴리스에는 기록된 버전과 릴리스 노트가 필요합니다(IEC 62304 §5.8.4, §5.8.2). 릴리스
#       버전마다 한 절이 있는 변경 이력은 저장소의 릴리스 기록입니다: 스캔한 커밋이거나 그 조상인 각 릴리스
#       태그(`history.release_tags`)는 그 버전을 적은 변경 이력 제목을 가져야 합니다. 좁힌 이력 범위(커밋
#       수, 날짜, 리비전)나 `--base` 스캔은 최신 릴리스 태그 25개만 확인하므로, 더 오래된 태그가 있으면 평가하지
#       않으며 `--since all` 스캔이 모두 판단합니다.
#     recommended_action: |
#       릴리스 버전마다 한 절이 있는 `CHANGELOG.md`(Keep a Changelog 형식)나
#       `docs/release-notes/` 아래의 릴리스 노트(예: `릴리스 노트`, `변경 이력`)를 추가하고,
#       발견사항에 적힌 각 릴리스 태그의 빠진 절을 추가하십시오.
#     applies: "항상."
#   id: MFDS-SWL-009
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.changelog, history.tags?]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a `CHANGELOG.md` (Keep a Changelog style) with one section per released version, or release notes under `docs/release-notes/`; add the missing section for each release tag named in a finding.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.8", title: "Software release"}
package samdscan.mfds.swl.changelog_present

import data.samdscan.lib.changelog
import data.samdscan.lib.documents
import data.samdscan.lib.history
import rego.v1

deny contains f if {
	not documents.present("changelog")
	f := documents.missing_ko("changelog", "no change log or release notes found (looked for names such as CHANGELOG.md; set evidence.changelog to point at yours)", "변경 이력이나 릴리스 노트가 없습니다(CHANGELOG.md 같은 이름을 확인함; 사용하는 문서는 evidence.changelog로 지정하십시오)")
}

# The newest release tags only (a narrowed scope or --base): the older ones are unjudged.
not_evaluated contains r if some r in history.tags_unchecked

deny contains f if {
	documents.present("changelog")
	some t in history.releases
	t.version != null
	not changelog.documents_version(t.version)
	f := {
		"msg": sprintf("release tag %s has no change-log section for version %s", [t.name, t.version]),
		"msg_ko": sprintf("릴리스 태그 %s에 버전 %s의 변경 이력 절이 없습니다", [t.name, t.version]),
		"path": changelog.docs[0].path,
		"key": sprintf("tag|%s", [t.name]),
	}
}
