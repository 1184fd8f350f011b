# METADATA
# title: Software-upgrade classification declared per release
# description: |
#   Korea separates a "software upgrade" (a change of intended use or key function, of the
#   analysis algorithm, of the development language or operating environment, or of
#   communication functions affecting cybersecurity), which needs change approval, certification
#   or notification before release, from other changes, which the manufacturer records and
#   post-reports to MFDS within 30 days or annually (MFDS notice 2022-52 Art. 19-2; DMPA Art. 11).
#   For every release range (the previous release tag to this one) samdscan compares the two
#   tagged trees: intended-use documents, model artifacts, `safety_critical_paths`, toolchain and
#   OS targets (toolchain pin files, Dockerfile `FROM` images, the Cargo edition), network and
#   crypto libraries in lockfiles, and the risk files. It then reads the classification the
#   release declares in its tagged tree (`docs/release/<version>/change-assessment.md`, else a
#   `classification:` line in the version's CHANGELOG section). A possible upgrade without a
#   classification, an upgrade without its MFDS filing reference, a minor classification of such
#   a range without a rationale, and a minor change without a post-report due within 30 days (or
#   an annual report) are findings naming the release and the commits.
# custom:
#   ko:
#     title: "릴리스별 소프트웨어 업그레이드(변경허가/변경신고) 구분 기재"
#     description: |
#       국내 제도는 사용목적 또는 주요 기능, 분석 알고리즘, 개발언어 또는 운영환경, 사이버보안에 영향을 주는
#       통신 기능의 변경을 "소프트웨어 업그레이드"로 보아 출시 전에 변경허가·변경인증·변경신고를 요구하고,
#       그 밖의 변경은 제조자가 기록한 뒤 30일 이내 또는 연 1회 식약처에 보고하도록 합니다(고시 2022-52
#       제19조의2, 디지털의료제품법 제11조). samdscan은 릴리스 범위(직전 릴리스 태그부터 이 태그까지)마다 두
#       태그의 트리를 비교하여 사용목적 문서, 모델 파일, `safety_critical_paths`, 툴체인·운영환경(툴체인 고정
#       파일, Dockerfile `FROM` 이미지, Cargo edition), lockfile의 통신·암호 라이브러리, 위험관리 파일의 변경을
#       찾고, 태그 트리에 기재된 변경 구분(`docs/release/<버전>/change-assessment.md`, 또는 CHANGELOG의 해당
#       버전 절의 `classification:` 줄)을 읽습니다. 구분 없는 업그레이드 후보, 식약처 허가·신고 번호 없는
#       업그레이드, 근거 없이 경미(minor)로 구분된 업그레이드 후보, 30일 이내 보고기한(또는 연차 보고)이 없는
#       경미 변경은 릴리스와 커밋을 밝혀 보고합니다.
#     recommended_action: |
#       릴리스마다 `docs/release/<버전>/change-assessment.md`(또는 CHANGELOG의 해당 버전 절)에
#       `classification: upgrade | minor | none`, 해당 범주(i–iv), `rationale:`(근거), 업그레이드이면
#       `filing:`(변경허가·변경인증·변경신고 번호), 경미 변경이면 `post-report-due:`(릴리스 후 30일 이내 날짜
#       또는 annual)를 기재하고 릴리스 태그에 포함하십시오.
#     applies: "시판 중인 제품(product.route 또는 product.marketed 설정), 도달 가능한 출시 태그 사이의 각 출시 범위(최신 24개)."
#     escalation: "모든 등급과 안전성 등급에서 오류입니다(분류를 잘못하면 허가에 영향이 있습니다)."
#   id: MFDS-CHG-002
#   severity: error
#   precision: high
#   since: 0.2.0
#   pillar: P1
#   status: established
#   evidence: [history.release_ranges, profile]
#   applies: Marketed products (product.route or product.marketed set), for each release range between reachable release tags (the newest 24).
#   escalation: Error at every grade and class (misclassification has licensing consequences).
#   recommended_action: |
#     For every release, commit `docs/release/<version>/change-assessment.md` (or the lines in the
#     version's CHANGELOG section) with `classification: upgrade | minor | none`, the category
#     (i-iv), a `rationale:`, for an upgrade the MFDS `filing:` reference (change approval,
#     certification or notification number), and for a minor change the `post-report-due:` date
#     (within 30 days of the release) or `annual`; tag the release after it is committed.
#   references:
#     - {source: "MFDS Notice No. 2022-52 (medical device permission, notification and review)", clause: "Art. 19-2", title: "Software changes (software upgrade; post-report of other changes)"}
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Art. 11", title: "Permission for change"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.2.1", title: "Approve change requests"}
package samdscan.mfds.chg.upgrade_classification

import data.samdscan.lib.history
import rego.v1

marketed if input.profile.marketed == true

marketed if {
	is_string(input.profile.route)
	input.profile.route != ""
}

applicable := false if not marketed

not_applicable_because contains {"msg": "the profile declares no approval route (product.route) and does not declare the product marketed", "msg_ko": "제품 프로필에 허가 경로(product.route)가 없고 시판 중인 제품으로도 선언되지 않았습니다"} if not marketed

not_evaluated contains r if some r in history.unusable

not_evaluated contains r if {
	n := object.get(input.history, "release_ranges_unchecked", 0)
	n > 0
	r := history.releases_narrowed(n, "release ranges", "릴리스 범위")
}

ranges := r if {
	r := input.history.release_ranges
	is_array(r)
} else := []

label_en := {
	"intended_use": "intended use",
	"model": "model artifacts",
	"safety_critical": "safety-critical code",
	"toolchain": "language/runtime/OS targets",
	"network_crypto": "network/crypto libraries",
}

label_ko := {
	"intended_use": "사용목적",
	"model": "모델 파일",
	"safety_critical": "안전 필수 코드",
	"toolchain": "개발언어·운영환경",
	"network_crypto": "통신·암호 라이브러리",
}

hit_text(h) := sprintf("%s: %s", [h.path, h.detail]) if is_string(h.detail)

else := h.path

changed(r, labels) := concat("; ", [sprintf("%s (%s)", [labels[c], concat(", ", [hit_text(h) | some h in r.changes[c]])]) | some c in r.upgrade_categories])

commits_en(r) := sprintf("commits %s%s", [concat(", ", [history.label(c) | some c in r.commits]), more_en(r)]) if count(r.commits) > 0

else := sprintf("the commits of %s..%s", [r.previous, r.tag])

more_en(r) := " and more" if r.commits_truncated == true

else := ""

commits_ko(r) := sprintf("커밋 %s%s", [concat(", ", [history.label(c) | some c in r.commits]), more_ko(r)]) if count(r.commits) > 0

else := sprintf("%s..%s의 커밋", [r.previous, r.tag])

more_ko(r) := " 외" if r.commits_truncated == true

else := ""

possible_upgrade(r) if count(r.upgrade_categories) > 0

# The first changed path of the range: the finding's anchor (the config when it is gone).
anchor(r) := r.changes[r.upgrade_categories[0]][0].path

deny contains f if {
	some r in ranges
	possible_upgrade(r)
	r.assessment == null
	f := {
		"msg": sprintf("release %s may be a software upgrade: since %s it changes %s in %s, but it declares no regulatory change classification (classification: upgrade | minor | none in docs/release/%s/change-assessment.md or its CHANGELOG section)", [r.tag, r.previous, changed(r, label_en), commits_en(r), r.version]),
		"msg_ko": sprintf("릴리스 %s은(는) 소프트웨어 업그레이드일 수 있습니다: %s 이후 %s에서 %s을(를) 변경했으나 변경 구분(docs/release/%s/change-assessment.md 또는 CHANGELOG 절의 classification: upgrade | minor | none)이 없습니다", [r.tag, r.previous, commits_ko(r), changed(r, label_ko), r.version]),
		"path": anchor(r),
		"key": sprintf("unclassified|%s", [r.tag]),
	}
}

deny contains f if {
	some r in ranges
	a := r.assessment
	a.classification == "upgrade"
	a.record == null
	f := {
		"msg": sprintf("release %s is classified a software upgrade (%s) but names no MFDS change approval, certification or notification reference (filing:)", [r.tag, a.stated]),
		"msg_ko": sprintf("릴리스 %s은(는) 소프트웨어 업그레이드(%s)로 구분되었으나 식약처 변경허가·변경인증·변경신고 번호(filing:)가 없습니다", [r.tag, a.stated]),
		"path": a.path,
		"line": a.line,
		"key": sprintf("no-filing|%s", [r.tag]),
	}
}

deny contains f if {
	some r in ranges
	possible_upgrade(r)
	a := r.assessment
	a.classification in {"minor", "none"}
	a.rationale == false
	f := {
		"msg": sprintf("release %s is classified %s (%s) without a rationale, but since %s it changes %s in %s: justify why this is not a software upgrade (rationale:) or classify it an upgrade", [r.tag, a.classification, a.stated, r.previous, changed(r, label_en), commits_en(r)]),
		"msg_ko": sprintf("릴리스 %s은(는) 근거 없이 %s(%s)로 구분되었으나 %s 이후 %s에서 %s을(를) 변경했습니다: 소프트웨어 업그레이드가 아닌 근거(rationale:)를 적거나 업그레이드로 구분하십시오", [r.tag, a.classification, a.stated, r.previous, commits_ko(r), changed(r, label_ko)]),
		"path": a.path,
		"line": a.line,
		"key": sprintf("unjustified-minor|%s", [r.tag]),
	}
}

post_report_en := {
	"missing": "names no post-report due date (post-report-due:) and declares no annual report",
	"late": "has its post-report due more than 30 days after the release",
}

post_report_ko := {
	"missing": "보고기한(post-report-due:)도 연차 보고도 기재하지 않았습니다",
	"late": "보고기한이 릴리스 후 30일을 넘습니다",
}

deny contains f if {
	some r in ranges
	a := r.assessment
	a.classification == "minor"
	some state, why in post_report_en
	a.post_report == state
	f := {
		"msg": sprintf("release %s is a minor change but %s (MFDS notice 2022-52 Art. 19-2: within 30 days, or annually)", [r.tag, why]),
		"msg_ko": sprintf("릴리스 %s은(는) 경미한 변경(변경신고 대상 외)이나 %s(고시 2022-52 제19조의2: 30일 이내 또는 연 1회 보고)", [r.tag, post_report_ko[state]]),
		"path": a.path,
		"line": a.line,
		"key": sprintf("post-report|%s", [r.tag]),
	}
}

deny contains f if {
	some r in ranges
	a := r.assessment
	a.classification == "unknown"
	f := {
		"msg": sprintf("release %s declares the change classification `%s`, which is none of upgrade (변경허가/변경인증), minor (변경신고/post-report) or none", [r.tag, a.stated]),
		"msg_ko": sprintf("릴리스 %s의 변경 구분 `%s`은(는) upgrade(변경허가/변경인증), minor(변경신고/사후 보고), none 중 어느 것도 아닙니다", [r.tag, a.stated]),
		"path": a.path,
		"line": a.line,
		"key": sprintf("unknown-classification|%s", [r.tag]),
	}
}
