# METADATA
# title: Security architecture views
# description: |
#   FDA's premarket cybersecurity guidance, which the MFDS plan cites for international alignment,
#   expects the security architecture to be shown in views: a global system view (every asset,
#   interface and trust boundary), a multi-patient harm view (how one compromise could reach many
#   patients), an updatability / patchability view (how software updates reach the device and are
#   verified), and security use-case views. samdscan looks for the four views in the security
#   architecture documents (docs/security/architecture/**, a title such as "Security architecture" /
#   "보안 아키텍처"), by file name, title or heading; each view must carry a diagram (an embedded
#   Mermaid, PlantUML, Graphviz or D2 block, or a reference to a diagram source file), and the
#   updatability view must name the update mechanism (signed updates, update server or package).
# custom:
#   ko:
#     title: "보안 아키텍처 뷰"
#     description: |
#       식약처 종합계획이 국제 조화를 위해 인용하는 FDA 시판 전 사이버보안 지침은 보안 아키텍처를 뷰로 보여 주기를
#       기대합니다: 전체 시스템 뷰(모든 자산, 인터페이스, 신뢰 경계), 다수 환자 위해 뷰(한 번의 침해가 여러 환자에게
#       미칠 수 있는 경로), 업데이트·패치 가능성 뷰(소프트웨어 업데이트가 기기에 전달되고 검증되는 방법), 보안 사용 사례
#       뷰입니다. samdscan은 보안 아키텍처 문서(docs/security/architecture/**, "보안 아키텍처" / "Security
#       architecture" 같은 제목)에서 파일 이름, 제목 또는 절 제목으로 네 가지 뷰를 찾습니다. 각 뷰에는 다이어그램
#       (Mermaid, PlantUML, Graphviz, D2 블록이나 다이어그램 원본 파일 참조)이 있어야 하고, 업데이트 뷰는 업데이트
#       메커니즘(서명된 업데이트, 업데이트 서버나 패키지)을 밝혀야 합니다.
#     recommended_action: |
#       `docs/security/architecture/`에 전체 시스템, 다수 환자 위해, 업데이트·패치 가능성, 보안 사용 사례 뷰를
#       (파일마다 하나씩 또는 한 문서의 절로) 두고, 각 뷰에 다이어그램 원본(예: ```mermaid 블록이나 `.puml` 파일)을
#       넣으십시오. 업데이트 뷰에는 업데이트가 서명되고 검증되는 방법을 적으십시오.
#     applies: "네트워크 연결 제품."
#     escalation: "미국에도 판매하는 제품(markets에 US 포함)이면 오류입니다."
#   id: MFDS-CYB-008
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P2
#   status: anticipated
#   evidence: [documents.security_architecture, evidence_index.entries]
#   presence: true
#   applies: Connected products.
#   escalation: Error when the product is also marketed in the US (markets contains US).
#   security_severity: 4.0
#   recommended_action: |
#     Add the global system, multi-patient harm, updatability / patchability and security use-case
#     views under `docs/security/architecture/` (one file each, or sections of one document), each
#     with its diagram source (a ```mermaid block or a `.puml` file, for example). The updatability
#     view says how updates are signed and verified.
#   references:
#     - {source: "FDA Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2026-02-03)", clause: "Appendix 2", title: "Security architecture views"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.3", title: "Software architectural design"}
package samdscan.mfds.cyb.security_architecture_views

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare the product connected", "msg_ko": "제품 프로필에 네트워크 연결 제품(connected)으로 선언되지 않았습니다"} if not profile.connected

us_market if {
	markets := input.profile.markets
	is_array(markets)
	"US" in markets
}

level := "error" if us_market

else := "warning"

docs := documents.for_rule("security_architecture", "MFDS-CYB-008")

# Each view: the words that name it in a title or heading, and what names it in a file name.
views := {
	"global system": {"words": ["global system", "system view", "전체 시스템", "시스템 전체"], "file": "global-system"},
	"multi-patient harm": {"words": ["multi-patient", "multi patient", "다수 환자", "복수 환자"], "file": "multi-patient"},
	"updatability": {"words": ["updatability", "patchability", "update view", "업데이트", "패치 가능"], "file": "updatab|patchab"},
	"security use cases": {"words": ["security use case", "use case", "사용 사례", "유스케이스"], "file": "use-case|use_case"},
}

# What a view says: the whole document when its file name or title names the view, else the
# section under each heading that names it.
content(view) := array.concat(whole(view), sections(view))

# Each view's content, computed once per evaluation (a function is evaluated anew at every call).
view_content := {v: content(v) | some v, _ in views}

whole(view) := [object.get(d, "text", "") |
	some d in docs
	names_view(d, view)
]

names_view(d, view) if regex.match(views[view].file, lower(d.path))

names_view(d, view) if {
	is_string(d.title)
	title_doc := {"title": d.title, "headings": []}
	documents.covers([title_doc], views[view].words)
}

sections(view) := [documents.section(d, h) |
	some d in docs
	not names_view(d, view)
	some h in documents.headings_with(d, views[view].words)
]

missing_views := sort([v | some v, _ in views; count(view_content[v]) == 0])

# An embedded diagram block (three backticks and the language) or a diagram source file.
diagram := "(?i)(`{3}\\s*(mermaid|plantuml|puml|dot|graphviz|d2)\\b|@startuml|\\.(puml|plantuml|mmd|drawio|dot|d2|svg)\\b)"

no_diagram := sort([v |
	some v, _ in views
	count(view_content[v]) > 0
	not some_matches(view_content[v], diagram)
])

some_matches(texts, pattern) if {
	some t in texts
	regex.match(pattern, t)
}

update_mechanism := `(?i)(sign(ed|ature|ing)|code.signing|secure.boot|\bOTA\b|over.the.air|update (server|package|channel|service|manifest)|서명|업데이트 (서버|패키지|채널)|무결성 검증)`

deny contains f if {
	count(docs) == 0
	f := object.union(documents.missing_ko("security_architecture", "no security architecture views found (looked for docs/security/architecture/** or a title like \"Security architecture\" / \"보안 아키텍처\")", "보안 아키텍처 뷰가 없습니다(docs/security/architecture/**나 \"보안 아키텍처\" / \"Security architecture\" 같은 제목을 확인함)"), {"level": level})
}

deny contains f if {
	count(docs) > 0
	count(missing_views) > 0
	f := {
		"msg": sprintf("the security architecture (%s) has no %s view", [docs[0].path, concat(", ", missing_views)]),
		"msg_ko": sprintf("보안 아키텍처(%s)에 다음 뷰가 없습니다: %s", [docs[0].path, concat(", ", [ko_names[v] | some v in missing_views])]),
		"path": docs[0].path,
		"key": "views",
		"level": level,
	}
}

ko_names := {
	"global system": "전체 시스템",
	"multi-patient harm": "다수 환자 위해",
	"updatability": "업데이트·패치 가능성",
	"security use cases": "보안 사용 사례",
}

deny contains f if {
	count(no_diagram) > 0
	f := {
		"msg": sprintf("the %s view of the security architecture (%s) has no diagram (an embedded Mermaid, PlantUML, Graphviz or D2 block, or a diagram source file)", [concat(", ", no_diagram), docs[0].path]),
		"msg_ko": sprintf("보안 아키텍처(%s)의 %s 뷰에 다이어그램(Mermaid, PlantUML, Graphviz, D2 블록이나 다이어그램 원본 파일)이 없습니다", [docs[0].path, concat(", ", [ko_names[v] | some v in no_diagram])]),
		"path": docs[0].path,
		"key": "diagrams",
		"level": level,
	}
}

deny contains f if {
	count(view_content.updatability) > 0
	not some_matches(view_content.updatability, update_mechanism)
	f := {
		"msg": sprintf("the updatability view of the security architecture (%s) does not name the update mechanism (how updates are signed, delivered and verified; MFDS-CYB-011)", [docs[0].path]),
		"msg_ko": sprintf("보안 아키텍처(%s)의 업데이트 뷰에 업데이트 메커니즘(업데이트의 서명, 전달, 검증 방법; MFDS-CYB-011)이 없습니다", [docs[0].path]),
		"path": docs[0].path,
		"key": "update-mechanism",
		"level": level,
	}
}
