# METADATA
# title: SOUP list complete and current against the dependencies
# description: |
#   IEC 62304 §8.1.2 requires every SOUP item to be identified by title, manufacturer and unique
#   designator (version), for every safety class. Every direct dependency of the product (named
#   in a manifest or marked direct by its lockfile) must appear in the SOUP list at the version
#   the lockfile pins. For class B and C software the list must also state each item's supplier,
#   purpose (functional and performance requirements, §5.3.3), risk level, and the date its
#   published anomaly list was last reviewed (§7.1.3), no more than 12 months ago.
# custom:
#   ko:
#     title: "의존성 대비 SOUP 목록의 완전성과 최신성"
#     description: |
#       IEC 62304 §8.1.2는 모든 안전성 등급에서 각 SOUP 항목을 제목, 제조자, 고유 식별자(버전)로
#       식별하도록 요구합니다. 제품의 모든 직접 의존성(매니페스트에 적혔거나 잠금 파일이 직접 의존성으로 표시)은 잠금
#       파일이 고정한 버전으로 SOUP 목록에 있어야 합니다. 등급 B·C 소프트웨어에서는 목록에 각 항목의 공급자,
#       목적(기능·성능 요구사항, §5.3.3), 위험 수준, 공개된 이상 목록을 마지막으로 검토한 날짜(§7.1.3,
#       12개월 이내)도 있어야 합니다.
#     recommended_action: |
#       직접 의존성마다 한 행(이름, 잠긴 버전, 공급자, 목적, 위험 수준, 이상 목록 검토일)이 있는 SOUP
#       목록(예: `docs/soup-list.md` 또는 `SOUP 목록`)을 유지하고, 의존성을 추가하거나 올리는 같은
#       변경에서 갱신하십시오. 형식은 docs/supply-chain.md를 참조하십시오.
#     applies: "외부 의존성이 있는 모든 제품. 필드 검사는 B와 C등급 소프트웨어에 적용됩니다."
#     escalation: "항목이 없거나 일치하지 않거나 B/C등급 필수 항목이 없으면 오류이고, 검토가 12개월보다 오래되었으면 경고입니다."
#   id: MFDS-SWL-007
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [dependencies.direct, soup.lists?]
#   applies: Any product with third-party dependencies; the field checks apply to class B and C software.
#   escalation: Error for missing or mismatched items and missing class B/C fields; a review older than 12 months is a warning.
#   recommended_action: |
#     Keep a SOUP list (e.g. `docs/soup-list.md`) with one row per direct dependency: name,
#     version (as locked), supplier, purpose, risk level and anomaly-list review date. Update it in
#     the same change that adds or upgrades a dependency. See docs/supply-chain.md for the format.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.1.2", title: "Identify SOUP"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.3.3", title: "Specify functional and performance requirements of SOUP item"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "7.1.3", title: "Evaluate published SOUP anomaly lists"}
package samdscan.mfds.swl.soup_list_complete

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import data.samdscan.lib.truncated
import rego.v1

direct := d if {
	d := input.dependencies.direct
	is_array(d)
} else := []

lists := [l | some l in input.soup.lists; l.parsed]

entries := [e | some l in lists; some e in l.entries]

by_key[k] := [e | some e in entries; e.key == k] if some k in {e.key | some e in entries}

applicable := false if count(direct) == 0

not_applicable_because contains {"msg": "no third-party dependency was found in a manifest or lockfile", "msg_ko": "매니페스트나 잠금 파일에서 제3자 의존성을 찾지 못했습니다"} if count(direct) == 0

anchor := {"path": lists[0].path} if count(lists) > 0

else := documents.missing_anchor("soup_list")

# A dependency list or SOUP list cut at its cap: what is past the cap is not judged, never passed.
not_evaluated contains r if some r in truncated.direct

not_evaluated contains r if some r in truncated.soup

deny contains f if {
	count(direct) > 0
	count(input.soup.lists) == 0
	f := object.union(documents.missing_ko("soup_list", sprintf("no SOUP list found, but the product has %d direct third-party dependencies (add e.g. docs/soup-list.md)", [count(direct)]), sprintf("SOUP 목록이 없지만 제품에 직접 서드파티 의존성이 %d개 있습니다(예: docs/soup-list.md 추가)", [count(direct)])), {"key": "missing-list"})
}

# `name version (source)`; a requirement without a version (`pkg` in requirements.txt) is `name (source)`.
label(d) := sprintf("%s (%s)", [d.name, d.source]) if d.version == ""

else := sprintf("%s %s (%s)", [d.name, d.version, d.source])

missing := sort([label(d) | some d in direct; not by_key[d.key]])

deny contains f if {
	count(lists) > 0
	count(missing) > 0
	f := object.union(anchor, {
		"msg": sprintf("the SOUP list misses %d direct dependencies: %s", [count(missing), concat(", ", missing)]),
		"msg_ko": sprintf("SOUP 목록에 직접 의존성 %d개가 빠져 있습니다: %s", [count(missing), concat(", ", missing)]),
		"key": "missing-items",
	})
}

mismatched := sort([sprintf("%s: list has %s, %s locks %s", [d.name, listed_version(e, "no version"), d.source, d.version]) |
	some d in direct
	d.locked
	matches := by_key[d.key]
	not version_listed(matches, d.version)
	some e in [matches[0]]
])

mismatched_ko := sort([sprintf("%s: 목록의 버전 %s, %s의 고정 버전 %s", [d.name, listed_version(e, "없음"), d.source, d.version]) |
	some d in direct
	d.locked
	matches := by_key[d.key]
	not version_listed(matches, d.version)
	some e in [matches[0]]
])

# The version a SOUP entry lists, or `none` when it lists none (a missing or empty cell).
listed_version(e, none) := e.version if is_string(e.version) else := none

version_listed(matches, version) if {
	some e in matches
	e.version == version
}

deny contains f if {
	count(mismatched) > 0
	f := object.union(anchor, {
		"msg": sprintf("SOUP list versions differ from the lockfiles: %s", [concat("; ", mismatched)]),
		"msg_ko": sprintf("SOUP 목록의 버전이 잠금 파일과 다릅니다: %s", [concat("; ", mismatched_ko)]),
		"key": "versions",
	})
}

class_fields := ["supplier", "purpose", "risk", "review"]

class_fields_ko := {"supplier": "공급자", "purpose": "사용 목적", "risk": "위험 수준", "review": "이상 목록 검토일"}

# A missing field is a gap under OPA too (`not is_string(e[field])` is undefined there).
filled(e, field) if is_string(e[field])

deny contains f if {
	profile.classes & {"B", "C"} != set()
	some l in lists
	some e in l.entries
	gaps := [field | some field in class_fields; not filled(e, field)]
	count(gaps) > 0
	f := {
		"msg": sprintf("SOUP item %s in %s lacks the class B/C fields: %s", [e.name, l.path, concat(", ", gaps)]),
		"msg_ko": sprintf("%s의 SOUP 항목 %s에 등급 B/C 항목이 빠져 있습니다: %s", [l.path, e.name, concat(", ", [class_fields_ko[g] | some g in gaps])]),
		"path": l.path,
		"line": object.get(e, "line", 1),
		"key": sprintf("fields|%s|%s", [l.path, e.key]),
	}
}

deny contains f if {
	profile.classes & {"B", "C"} != set()
	some l in lists
	some e in l.entries
	e.review_age_days > 365
	f := {
		"msg": sprintf("the anomaly list of SOUP item %s was last reviewed %s, %d days ago (more than 12 months)", [e.name, e.review, e.review_age_days]),
		"msg_ko": sprintf("SOUP 항목 %s의 이상 목록은 %s에 마지막으로 검토되어 %d일이 지났습니다(12개월 초과)", [e.name, e.review, e.review_age_days]),
		"path": l.path,
		"line": object.get(e, "line", 1),
		"key": sprintf("review|%s|%s", [l.path, e.key]),
		"dated": true,
		"level": "warning",
	}
}
