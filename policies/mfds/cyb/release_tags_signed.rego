# METADATA
# title: Release tags are annotated and signed
# description: |
#   The integrity and origin of released device software must be demonstrable (MFDS cybersecurity
#   requirements on software integrity; IEC 62304 §5.8.7-5.8.8 archive and reliable delivery). A
#   signed, annotated tag binds the release name to the exact source tree and to who released it;
#   a lightweight tag can be moved by anyone with push access. Each release tag
#   (`history.release_tags`) that is the scanned commit or one of its ancestors must be annotated
#   and carry a signature (OpenPGP, SSH or X.509). The signature is detected, not verified. A
#   narrowed history scope (a number of commits, a date, a revision) or a `--base` scan checks the
#   newest 25 release tags; when older ones exist the rule is not evaluated, and a scan with
#   `--since all` judges them all.
# custom:
#   ko:
#     title: "릴리스 태그의 주석·서명"
#     description: |
#       출시된 의료기기 소프트웨어의 무결성과 출처를 입증할 수 있어야 합니다(식약처 사이버보안 요구사항의 소프트웨어
#       무결성; IEC 62304 §5.8.7~5.8.8 보관과 신뢰성 있는 전달). 서명된 주석 태그는 릴리스 이름을
#       정확한 소스 트리와 릴리스한 사람에 묶지만, 경량 태그는 푸시 권한이 있는 누구나 옮길 수 있습니다. 스캔한
#       커밋이거나 그 조상인 각 릴리스 태그(`history.release_tags`)는 주석 태그이고
#       서명(OpenPGP, SSH, X.509)을 가져야 합니다. 서명은 존재만 확인하고 검증하지는 않습니다. 좁힌 이력
#       범위(커밋 수, 날짜, 리비전)나 `--base` 스캔은 최신 릴리스 태그 25개만 확인하므로, 더 오래된 태그가 있으면
#       평가하지 않으며 `--since all` 스캔이 모두 판단합니다.
#     recommended_action: |
#       `git tag -s vX.Y.Z -m "Release X.Y.Z"`로 릴리스 태그를 만들고(SSH 키로 서명하려면
#       `gpg.format=ssh` 설정), 경량 태그나 서명되지 않은 릴리스 태그를 교체하십시오.
#     applies: "네트워크 연결 제품(소프트웨어 업데이트를 받는 모든 제품)."
#   id: MFDS-CYB-011
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [history.tags]
#   applies: Connected products (any product that receives software updates).
#   recommended_action: |
#     Create release tags with `git tag -s vX.Y.Z -m "Release X.Y.Z"` (configure `gpg.format=ssh`
#     to sign with an SSH key), and replace lightweight or unsigned release tags.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", clause: "SI", title: "Software integrity"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.8.8", title: "Assure reliable delivery of released software"}
package samdscan.mfds.cyb.release_tags_signed

import data.samdscan.lib.documents
import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the product is not connected (product.connected is not true)", "msg_ko": "네트워크에 연결되는 제품이 아닙니다(product.connected가 true가 아님)"}

not_evaluated contains r if {
	input.history.available != true
	r := {
		"msg": sprintf("git history not available: %s", [input.history.reason]),
		"msg_ko": sprintf("git 이력을 사용할 수 없습니다: %s", [input.history.reason]),
	}
}

not_evaluated contains r if {
	input.history.available == true
	count(history.releases) == 0
	r := {
		"msg": sprintf("no release tag matching `%s` in the history", [input.history.release_tags]),
		"msg_ko": sprintf("이력에 `%s`와 일치하는 릴리스 태그가 없습니다", [input.history.release_tags]),
	}
}

# The newest release tags only (a narrowed scope or --base): the older ones are unjudged.
not_evaluated contains r if some r in history.tags_unchecked

deny contains f if {
	some t in history.releases
	problem := weakness(t)
	f := object.union(anchor(t), {
		"msg": sprintf("release tag %s is %s", [t.name, problem]),
		"msg_ko": sprintf("릴리스 태그 %s은(는) %s", [t.name, weakness_ko(t)]),
		"key": sprintf("tag|%s", [t.name]),
	})
}

weakness(t) := "a lightweight tag (not annotated, not signed)" if not t.annotated

weakness(t) := "annotated but not signed" if {
	t.annotated
	not t.signed
}

# The change log's heading for the tag's version, else the change log, else the config.
anchor(t) := {"path": doc.path, "line": h.line} if {
	some doc in documents.of_kind("changelog")
	some h in doc.headings
	t.version != null
	contains(h.text, t.version)
} else := {"path": doc.path} if {
	some doc in documents.of_kind("changelog")
} else := {"path": input.config.path, "line": profile.config_line("history.release_tags")}

weakness_ko(t) := "경량 태그입니다(주석 없음, 서명 없음)" if not t.annotated

else := "주석 태그이지만 서명되지 않았습니다"
