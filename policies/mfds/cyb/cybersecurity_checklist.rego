# METADATA
# title: MFDS cybersecurity requirements checklist
# description: |
#   MFDS reviews communicating devices requirement by requirement against its cybersecurity
#   guideline (35 requirements since the 2024-11-27 revision, IEC 62443-4-2 based, grouped IA, UC,
#   SI, DC, TRE, RA). The manufacturer keeps one row per requirement: whether it applies, how
#   conformity is shown, and the evidence, or why it does not apply. samdscan reads the checklist
#   file documented in docs/templates.md and checks every row: a known applicability, evidence for
#   each applicable requirement that resolves to a file of the repository or to a document id of
#   the evidence index, and a justification for each requirement that does not apply. The
#   guideline's requirements are data beside the policy (cybersecurity_guideline.rego): the
#   checklist must list the ids it names (IA-08, UC-07, SI-11, DC-03, TRE-01, RA-05), a row in
#   each of the six groups, and as many ids of the groups' code shape as the edition has (35); a
#   checklist against the list before the 2024-11-27 revision is reported once that list is no
#   longer accepted (after 2025-06-30). The data does not hold all 35 ids (the catalogue does not
#   list them), so an absent requirement other than the six is seen only in the count.
# custom:
#   ko:
#     title: "식약처 사이버보안 요구사항 체크리스트"
#     description: |
#       식약처는 통신 기능이 있는 의료기기를 사이버보안 가이드라인의 요구사항별로 심사합니다(2024-11-27 개정 이후
#       IEC 62443-4-2 기반 35개 요구사항, IA, UC, SI, DC, TRE, RA 그룹). 제조자는
#       요구사항마다 한 행을 유지합니다: 적용 여부, 적합성을 보이는 방법과 증거, 또는 적용하지 않는 이유.
#       samdscan은 docs/templates.md에 설명된 체크리스트 파일을 읽어 모든 행을 확인합니다: 알려진
#       적용 여부 값, 적용되는 각 요구사항에 저장소의 파일 또는 증거 색인의 문서 ID로 연결되는 증거, 적용되지 않는
#       각 요구사항의 사유. 가이드라인의 요구사항은 정책 옆의 데이터(cybersecurity_guideline.rego)입니다:
#       체크리스트는 그 데이터가 이름을 든 ID(IA-08, UC-07, SI-11, DC-03, TRE-01, RA-05)와 여섯 그룹
#       각각의 행, 그리고 그 판의 요구사항 수(35개)만큼의 그룹 코드 형식 ID를 담아야 하며, 2024-11-27 개정 전
#       목록에 따른 체크리스트는 그 목록이 더는 인정되지 않는 날(2025-06-30) 이후 보고됩니다. 데이터에는 35개
#       ID가 모두 있지는 않으므로(카탈로그가 나열하지 않음) 여섯 개 외에 빠진 요구사항은 개수로만 드러납니다.
#     recommended_action: |
#       따르는 가이드라인 판의 요구사항마다 한 행(`id`, `title`, `applicable`, `method`,
#       `evidence` 또는 `justification`)을 가진
#       `docs/security/mfds-cyber-checklist.yaml`을 추가하십시오.
#       docs/templates.md를 참조하십시오.
#     applies: "네트워크 연결 제품(가이드라인의 적용 범위는 업데이트 경로를 포함해 유무선 통신을 하는 기기)."
#   id: MFDS-CYB-009
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [cybersecurity_checklists, evidence_index.entries]
#   presence: true
#   applies: Connected products (the guideline's scope is devices with wired or wireless communication, including update paths).
#   security_severity: 6.5
#   recommended_action: |
#     Add `docs/security/mfds-cyber-checklist.yaml` with one row per requirement of the guideline
#     edition you follow (`id`, `title`, `applicable`, `method`, `evidence` or `justification`); see
#     docs/templates.md.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "The 35 cybersecurity requirements"}
#     - {source: "IEC 62443-4-2:2019"}
package samdscan.mfds.cyb.cybersecurity_checklist

import data.samdscan.lib.documents
import data.samdscan.mfds.cyb.cybersecurity_guideline.current as guideline
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare the product connected", "msg_ko": "제품 프로필에 네트워크 연결 제품(connected)으로 선언되지 않았습니다"} if not profile.connected

checklists := object.get(input, "cybersecurity_checklists", [])

index_document_ids contains id if {
	some entry in input.evidence_index.entries
	id := entry.external.document_id
}

deny contains f if {
	count(checklists) == 0
	f := documents.missing_ko("cybersecurity_checklist", "no MFDS cybersecurity requirements checklist found (looked for names such as docs/security/mfds-cyber-checklist.yaml; see docs/templates.md for the format)", "식약처 사이버보안 요구사항 체크리스트가 없습니다(docs/security/mfds-cyber-checklist.yaml 같은 이름을 확인함; 형식은 docs/templates.md 참조)")
}

deny contains f if {
	some c in checklists
	not c.parsed
	f := {"msg_ko": sprintf("%s을(를) 체크리스트로 읽을 수 없습니다: %s", [c.path, c.error]), "msg": sprintf("%s cannot be read as a checklist: %s", [c.path, c.error]), "path": c.path, "key": sprintf("unreadable|%s", [c.path])}
}

deny contains f if {
	some c in checklists
	c.parsed
	count(c.requirements) == 0
	f := {"msg_ko": sprintf("%s에 요구사항이 하나도 없습니다", [c.path]), "msg": sprintf("%s lists no requirements", [c.path]), "path": c.path, "key": sprintf("empty|%s", [c.path])}
}

deny contains f if {
	some p in row_problems
	f := {"msg_ko": sprintf("%s: 요구사항 %s: %s", [p.path, label(p.row), p.problem_ko]), "msg": sprintf("%s: requirement %s %s", [p.path, label(p.row), p.problem]), "path": p.path, "line": p.row.line, "key": sprintf("row|%s|%s|%s", [p.path, label(p.row), p.problem])}
}

deny contains f if {
	some c in checklists
	some id in duplicate_ids(c)
	f := {"msg_ko": sprintf("%s에 요구사항 %s이(가) 두 번 이상 있습니다", [c.path, id]), "msg": sprintf("%s lists requirement %s more than once", [c.path, id]), "path": c.path, "key": sprintf("duplicate|%s|%s", [c.path, id])}
}

duplicate_ids(c) := {id | some i, a in c.requirements; some j, b in c.requirements; i < j; a.id != null; a.id == b.id; id := a.id}

label(row) := row.id if row.id != null else := "(no id)"

rows contains {"path": c.path, "row": row} if {
	some c in checklists
	some row in c.requirements
}

row_problems contains object.union(r, {"problem": "has no id", "problem_ko": "ID가 없습니다"}) if {
	some r in rows
	r.row.id == null
}

row_problems contains object.union(r, {"problem": "does not say whether it applies (applicable: true/false or Y/N)", "problem_ko": "적용 여부가 없습니다(`applicable: true/false` 또는 `Y/N`)"}) if {
	some r in rows
	r.row.applicable == null
}

row_problems contains object.union(r, {"problem": "applies but names no evidence", "problem_ko": "적용되지만 근거를 적지 않았습니다"}) if {
	some r in rows
	r.row.applicable == true
	r.row.evidence == null
}

row_problems contains object.union(r, {"problem": sprintf("names evidence %s, which is neither a file of the repository nor a document id of the evidence index", [r.row.evidence]), "problem_ko": sprintf("근거 %s은(는) 저장소의 파일도 증거 색인의 문서 ID도 아닙니다", [r.row.evidence])}) if {
	some r in rows
	r.row.applicable == true
	r.row.evidence != null
	not r.row.evidence_exists
	not r.row.evidence in index_document_ids
}

row_problems contains object.union(r, {"problem": "does not apply but gives no justification", "problem_ko": "적용되지 않지만 그 근거(justification)를 적지 않았습니다"}) if {
	some r in rows
	r.row.applicable == false
	r.row.justification == null
}

# The checklists that list requirements, and the ids they list (all checklists together).
listing := [c | some c in checklists; c.parsed; count(c.requirements) > 0]

listed_ids := {row.id | some c in listing; some row in c.requirements; is_string(row.id)}

id_shape := sprintf("^(%s)-[0-9]{2}$", [concat("|", guideline.groups)])

edition_ids := {id | some id in listed_ids; regex.match(id_shape, id)}

group_of(id) := split(id, "-")[0]

absent_ids := {id | some id in guideline.ids; not id in listed_ids}

absent_groups := {g | some g in guideline.groups; not g in {group_of(id) | some id in edition_ids}}

checked_files := concat(", ", [c.path | some c in listing])

deny contains f if {
	count(listing) > 0
	count(absent_ids) > 0
	f := {
		"msg": sprintf("%s does not list the guideline's requirement(s) %s (%s edition)", [checked_files, concat(", ", sort(absent_ids)), guideline.edition]),
		"msg_ko": sprintf("%s에 가이드라인(%s 개정판)의 요구사항 %s이(가) 없습니다", [checked_files, guideline.edition, concat(", ", sort(absent_ids))]),
		"path": listing[0].path,
		"key": "absent-ids",
	}
}

deny contains f if {
	count(listing) > 0
	incomplete
	f := {
		"msg": sprintf("%s lists %d requirement ids of the %s edition's %d (ids are %s-NN)%s%s", [checked_files, count(edition_ids), guideline.edition, guideline.requirement_count, concat("/", guideline.groups), groups_absent_en, foreign_en]),
		"msg_ko": sprintf("%s에 %s 개정판 요구사항 %d개 중 %d개의 ID만 있습니다(ID 형식은 %s-NN)%s%s", [checked_files, guideline.edition, guideline.requirement_count, count(edition_ids), concat("/", guideline.groups), groups_absent_ko, foreign_ko]),
		"path": listing[0].path,
		"key": "count",
	}
}

incomplete if count(edition_ids) < guideline.requirement_count

incomplete if count(absent_groups) > 0

groups_absent_en := sprintf("; no row in group(s) %s", [concat(", ", sort(absent_groups))]) if count(absent_groups) > 0

else := ""

groups_absent_ko := sprintf("; 행이 없는 그룹: %s", [concat(", ", sort(absent_groups))]) if count(absent_groups) > 0

else := ""

foreign_ids := listed_ids - edition_ids

foreign_en := sprintf("; not of that shape: %s", [concat(", ", sort(foreign_ids))]) if count(foreign_ids) > 0

else := ""

foreign_ko := sprintf("; 형식이 다른 ID: %s", [concat(", ", sort(foreign_ids))]) if count(foreign_ids) > 0

else := ""

deny contains f if {
	some c in listing
	is_string(c.edition)
	c.edition < guideline.edition
	input.as_of > guideline.previous_accepted_until
	f := {
		"msg": sprintf("%s follows the guideline edition %s; checklists against the requirements before the %s revision were accepted until %s", [c.path, c.edition, guideline.edition, guideline.previous_accepted_until]),
		"msg_ko": sprintf("%s은(는) 가이드라인 %s판을 따릅니다; %s 개정 전 요구사항에 따른 체크리스트는 %s까지만 인정되었습니다", [c.path, c.edition, guideline.edition, guideline.previous_accepted_until]),
		"path": c.path,
		"key": sprintf("edition|%s", [c.path]),
	}
}
