# METADATA
# title: Changes to safety-critical code are reviewed before integration
# description: |
#   A change is approved before it is integrated (IEC 62304 §8.2.1), and for class B and C
#   software, unit verification may be code review (§5.5.5). Git shows review by proxy: a
#   CODEOWNERS file that names owners for `product.safety_critical_paths` and the risk files (so
#   a pull request touching them needs their approval), and, in the history scope, each commit
#   changing safety-critical code either brought in by a merge commit (a reviewed pull or merge
#   request) or carrying a `Reviewed-by:`, `Approved-by:` or `Acked-by:` trailer. A direct,
#   unreviewed commit is reported by name. Review recorded only on the hosting platform is not
#   visible in git, hence a warning: squash and rebase merges leave no merge commit, so they need
#   the trailer in the commit message.
# custom:
#   ko:
#     title: "안전 필수 코드 변경의 통합 전 검토"
#     description: |
#       변경은 통합 전에 승인되어야 하며(IEC 62304 §8.2.1), 등급 B·C 소프트웨어에서는 코드 검토가 단위
#       검증이 될 수 있습니다(§5.5.5). git은 검토를 간접적으로 보여줍니다:
#       `product.safety_critical_paths`와 위험관리 파일에 소유자를 지정한 CODEOWNERS
#       파일(그래서 이를 건드리는 풀 리퀘스트는 승인이 필요함), 그리고 이력 범위 안에서 안전 필수 코드를 바꾼 각
#       커밋이 병합 커밋(검토된 풀/병합 요청)으로 들어왔거나 `Reviewed-by:`, `Approved-by:`,
#       `Acked-by:` 트레일러를 가진 것. 검토되지 않은 직접 커밋은 이름으로 보고합니다. 호스팅 플랫폼에만 기록된
#       검토는 git에서 보이지 않으므로 경고입니다. squash·rebase 병합은 병합 커밋을 남기지 않으므로 커밋
#       메시지에 트레일러가 필요합니다.
#     recommended_action: |
#       모든 안전 필수 파일과 위험관리 파일에 소유자를 지정하는 CODEOWNERS
#       파일(.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS 또는
#       .gitlab/CODEOWNERS)을 추가하고, 브랜치 보호에서 코드 소유자 검토를 필수로 하며, 안전 필수 코드의
#       변경은 검토된 풀 리퀘스트(병합 커밋)로 통합하거나 `Reviewed-by:` 트레일러로 검토를
#       기록하십시오(squash·rebase 병합에서는 squash된 커밋의 메시지에).
#     applies: "safety_critical_paths(안전 핵심 경로)를 선언한 제품."
#     escalation: "경고입니다: 플랫폼의 검토 기록은 git 밖에 있고, 트레일러와 병합은 그 대용입니다."
#   id: MFDS-CHG-004
#   severity: warning
#   escalation: "Warning: platform review data is outside git, and trailers and merges are proxies for it."
#   precision: high
#   since: 0.1.0
#   pillar: P1/P3
#   status: established
#   evidence: [codeowners, history.commits?, profile.safety_critical_paths]
#   presence: true
#   applies: Products that declare safety_critical_paths.
#   recommended_action: |
#     Add a CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS or .gitlab/CODEOWNERS)
#     whose rules give every safety-critical and risk file an owner, require code-owner review in
#     the branch protection, and integrate changes to safety-critical code through reviewed pull
#     requests (merge commits) or record the review with a `Reviewed-by:` trailer (with squash or
#     rebase merges, in the squashed commit's message).
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.2.1", title: "Approve change requests"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.5.5", title: "Software unit verification"}
package samdscan.mfds.chg.reviewed_integration

import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not safety_paths_declared

safety_paths_declared if {
	paths := input.profile.safety_critical_paths
	is_array(paths)
	count(paths) > 0
}

not_applicable_because contains {"msg": "no product.safety_critical_paths are declared", "msg_ko": "product.safety_critical_paths가 선언되지 않았습니다"}

not_evaluated contains r if some r in history.unusable

not_evaluated contains r if {
	codeowners.path != null
	codeowners.parsed == false
	r := {
		"msg": sprintf("%s could not be read (see the input problems)", [codeowners.path]),
		"msg_ko": sprintf("%s을(를) 읽을 수 없었습니다(입력 문제 참조)", [codeowners.path]),
	}
}

review_trailers := ["Reviewed-by", "Approved-by", "Acked-by"]

codeowners := input.codeowners

deny contains f if {
	codeowners.path == null
	f := {
		"msg": "no CODEOWNERS file names reviewers for the safety-critical paths and risk files (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS)",
		"msg_ko": "안전 필수 경로와 위험관리 파일의 검토자를 지정하는 CODEOWNERS 파일이 없습니다(.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS를 확인함)",
		"path": input.config.path,
		"line": profile.config_line("product.safety_critical_paths"),
		"key": "codeowners|missing",
	}
}

area_names := {"safety_critical": "safety-critical", "risk": "risk"}

deny contains f if {
	codeowners.parsed == true
	some area, name in area_names
	unowned := sort([file.path | some file in codeowners.files; area in file.areas; count(file.owners) == 0])
	count(unowned) > 0
	f := {
		"msg": sprintf("%s gives no owner to %d %s file(s): %s", [codeowners.path, count(unowned), name, listed(unowned)]),
		"msg_ko": sprintf("%s이(가) %s 파일 %d개에 소유자를 지정하지 않습니다: %s", [codeowners.path, area_names_ko[area], count(unowned), listed(unowned)]),
		"path": codeowners.path,
		"key": sprintf("unowned|%s", [area]),
	}
}

# The first five paths, then how many more.
listed(paths) := concat(", ", paths) if count(paths) <= 5

else := sprintf("%s and %d more", [concat(", ", array.slice(paths, 0, 5)), count(paths) - 5])

deny contains f if {
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "safety_critical")
	not reviewed(c)
	f := {
		"msg": sprintf("commit %s changes safety-critical code directly: no merge brought it in and it has no Reviewed-by:, Approved-by: or Acked-by: trailer", [history.label(c)]),
		"msg_ko": sprintf("커밋 %s이(가) 안전 필수 코드를 직접 변경합니다: 병합으로 들어오지 않았고 Reviewed-by:, Approved-by:, Acked-by: 트레일러도 없습니다", [history.label(c)]),
		"path": history.path_in(c, "safety_critical"),
		"key": sprintf("commit|%s", [c.id]),
	}
}

reviewed(c) if c.merged_by != null

reviewed(c) if {
	some key in review_trailers
	history.has_trailer(c, key)
}

area_names_ko := {"safety_critical": "안전 필수", "risk": "위험관리"}
