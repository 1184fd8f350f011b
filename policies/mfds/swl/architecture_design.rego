# METADATA
# title: Software architecture (class B/C) and detailed design (class C)
# description: |
#   IEC 62304 §5.3 requires class B and C software to have a documented architecture: its software
#   items and their interfaces, where each SOUP item sits (§5.3.3-5.3.4) and, for class C, how
#   items are segregated so that one cannot harm another (§5.3.5). §5.4.2-5.4.4 add a detailed
#   design of the software units for class C. samdscan compares the architecture documents
#   (docs/architecture/**, ADRs, a title such as "Software architecture" / "소프트웨어 아키텍처")
#   with the repository: every top-level source module (each folder directly under src/, crates/,
#   packages/, lib/ or app/) and every item of the SOUP list must be named in them; class C needs a
#   segregation section and a detailed design that names each safety-critical module.
# custom:
#   ko:
#     title: "소프트웨어 아키텍처(등급 B/C)와 상세 설계(등급 C)"
#     description: |
#       IEC 62304 §5.3은 소프트웨어 안전성 등급 B·C 소프트웨어에 문서화된 아키텍처를 요구합니다: 소프트웨어
#       항목과 그 인터페이스, 각 SOUP 항목의 위치(§5.3.3~5.3.4), 그리고 등급 C에서는 한 항목이 다른 항목에 해를
#       끼치지 못하도록 항목을 분리하는 방법(§5.3.5)입니다. §5.4.2~5.4.4는 등급 C에 소프트웨어 단위의 상세 설계를
#       더합니다. samdscan은 아키텍처 문서(docs/architecture/**, ADR, "소프트웨어 아키텍처" / "Software
#       architecture" 같은 제목)를 저장소와 비교합니다: 최상위 소스 모듈(src/, crates/, packages/, lib/,
#       app/ 바로 아래의 각 폴더)과 SOUP 목록의 모든 항목이 문서에 이름으로 나와야 하며, 등급 C는 분리(segregation)
#       절과 안전 필수 모듈을 각각 이름으로 다루는 상세 설계가 필요합니다.
#     recommended_action: |
#       `docs/architecture/software-architecture.md`(또는 `소프트웨어 아키텍처 설계서`)를 추가하여 각 최상위
#       소스 모듈과 인터페이스, 각 SOUP 항목이 쓰이는 위치를 적으십시오. 등급 C는 `## 분리(Segregation)` 절을
#       두고, `docs/design/` 아래 상세 설계에서 안전 필수 모듈마다 단위 설계를 적으십시오.
#     applies: "소프트웨어 안전성 등급 B 또는 C인 시스템이 있는 제품. 분리(segregation)와 상세 설계 검사는 C등급에 적용됩니다."
#     escalation: "아키텍처 문서가 없거나, 이름이 나오지 않는 모듈 또는 SOUP 항목이 있거나, C등급 아키텍처에 분리(segregation) 설명이 없으면 오류이고, 상세 설계가 없는 C등급 안전 핵심 모듈은 경고입니다."
#   id: MFDS-SWL-003
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.software_architecture, source_modules.modules?, soup.lists?, documents.detailed_design?, evidence_index.entries]
#   presence: true
#   applies: Products with a software system of safety class B or C; the segregation and detailed-design checks apply to class C.
#   escalation: Error for a missing architecture, an unnamed module or SOUP item, and a class C architecture without segregation; warning for a class C safety-critical module without a detailed design.
#   recommended_action: |
#     Add `docs/architecture/software-architecture.md` (or `소프트웨어 아키텍처 설계서`) naming each
#     top-level source module, its interfaces and where each SOUP item is used. For class C add a
#     `## Segregation` section and, under `docs/design/`, a detailed design that covers each
#     safety-critical module.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.3", title: "Software architectural design"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.3.5", title: "Identify segregation necessary for risk control"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.4", title: "Software detailed design"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.3", title: "Software architectural design"}
package samdscan.mfds.swl.architecture_design

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import data.samdscan.lib.truncated
import rego.v1

class_b_or_c if {
	some c in profile.classes
	c in {"B", "C"}
}

class_c if "C" in profile.classes

applicable := false if not class_b_or_c

not_applicable_because contains {"msg": "no software system of safety class B or C is declared", "msg_ko": "소프트웨어 안전성 등급 B 또는 C인 소프트웨어 시스템이 선언되지 않았습니다"} if not class_b_or_c

architectures := documents.for_rule("software_architecture", "MFDS-SWL-003")

designs := documents.of_kind("detailed_design")

# Everything the architecture documents say: titles, headings and text.
text_of(docs) := concat("\n", [t |
	some d in docs
	some t in array.concat([object.get(d, "title", ""), object.get(d, "text", "")], [h.text | some h in object.get(d, "headings", [])])
	is_string(t)
])

architecture_text := text_of(architectures)

modules := m if {
	m := input.source_modules.modules
	is_array(m)
} else := []

soup_items := {e.name |
	some l in input.soup.lists
	l.parsed
	some e in l.entries
	is_string(e.name)
	e.name != ""
}

# True when `name` occurs in `text` as a whole word, whatever its case. Only Latin letters, digits
# and `_` continue a word: a Korean particle may follow a name (`numpy를`).
named_in(name, text) if regex.match(sprintf(`(?i)(^|[^A-Za-z0-9_])%s([^A-Za-z0-9_]|$)`, [escaped(name)]), text)

escaped(name) := strings.replace_n({c: concat("", ["\\", c]) | some c in [".", "+", "*", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$"]}, name)

# A SOUP list cut at its cap: the items past it are not looked for in the architecture.
not_evaluated contains r if some r in truncated.soup

deny contains f if {
	class_b_or_c
	count(architectures) == 0
	f := documents.missing_ko("software_architecture", "no software architecture document found (looked for docs/architecture/**, docs/adr/**, ARCHITECTURE.md or a title like \"Software architecture\" / \"소프트웨어 아키텍처\")", "소프트웨어 아키텍처 문서가 없습니다(docs/architecture/**, docs/adr/**, ARCHITECTURE.md나 \"소프트웨어 아키텍처\" / \"Software architecture\" 같은 제목을 확인함)")
}

unnamed_modules := sort([m.path | some m in modules; not named_in(m.name, architecture_text)])

deny contains f if {
	count(architectures) > 0
	count(unnamed_modules) > 0
	f := {
		"msg": sprintf("the software architecture (%s) does not name the source modules %s", [architectures[0].path, concat(", ", unnamed_modules)]),
		"msg_ko": sprintf("소프트웨어 아키텍처(%s)에 소스 모듈 %s이(가) 나오지 않습니다", [architectures[0].path, concat(", ", unnamed_modules)]),
		"path": architectures[0].path,
		"key": "modules",
	}
}

unnamed_soup := sort([n | some n in soup_items; not named_in(n, architecture_text)])

deny contains f if {
	count(architectures) > 0
	count(unnamed_soup) > 0
	f := {
		"msg": sprintf("the software architecture (%s) does not say where the SOUP items %s sit (IEC 62304 §5.3.3)", [architectures[0].path, concat(", ", unnamed_soup)]),
		"msg_ko": sprintf("소프트웨어 아키텍처(%s)에 SOUP 항목 %s의 위치가 없습니다(IEC 62304 §5.3.3)", [architectures[0].path, concat(", ", unnamed_soup)]),
		"path": architectures[0].path,
		"key": "soup",
	}
}

deny contains f if {
	class_c
	count(architectures) > 0
	not documents.covers(architectures, ["segregation", "partitioning", "isolation", "분리", "격리"])
	f := {
		"msg": sprintf("the software architecture (%s) of a class C system has no segregation section (IEC 62304 §5.3.5)", [architectures[0].path]),
		"msg_ko": sprintf("등급 C 시스템의 소프트웨어 아키텍처(%s)에 분리(segregation) 절이 없습니다(IEC 62304 §5.3.5)", [architectures[0].path]),
		"path": architectures[0].path,
		"key": "segregation",
	}
}

design_text := text_of(designs)

undesigned := sort([m.path | some m in modules; m.safety_critical; not named_in(m.name, design_text)])

deny contains f if {
	class_c
	count(undesigned) > 0
	f := object.union(documents.missing_near_ko("detailed_design", sprintf("no detailed design names the safety-critical modules %s of a class C system (IEC 62304 §5.4; looked for docs/design/** or a title like \"Detailed design\" / \"상세 설계\")", [concat(", ", undesigned)]), sprintf("등급 C 시스템의 안전 필수 모듈 %s을(를) 다루는 상세 설계가 없습니다(IEC 62304 §5.4; docs/design/**나 \"상세 설계\" / \"Detailed design\" 같은 제목을 확인함)", [concat(", ", undesigned)]), design_anchor), {"key": "detailed-design", "level": "warning"})
}

design_anchor := {"path": designs[0].path} if count(designs) > 0

else := {"path": architectures[0].path} if count(architectures) > 0

else := documents.config_anchor("product.safety_critical_paths")
