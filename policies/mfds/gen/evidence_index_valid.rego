# METADATA
# title: Evidence index valid
# description: |
#   The evidence index (`evidence.index`, default `regulatory/evidence-index.yaml`) says where the
#   evidence for each expectation lives, in the repository or as a controlled record of the eQMS,
#   the way MFDS's software conformity verification report lists document-control numbers. An
#   index is only useful if it is right: every key is an expectation id of the regulatory catalogue
#   (optionally with a `/part`), every path exists, and every external record names its system,
#   document id, version and an approval date that is a real date no later than the scan date.
#   Only valid external records turn a rule's findings into "attested externally" notes.
# custom:
#   ko:
#     title: "증거 색인의 유효성"
#     description: |
#       증거 색인(`evidence.index`, 기본 `regulatory/evidence-index.yaml`)은 각
#       기대사항의 증거가 저장소에 있는지 eQMS의 관리 기록으로 있는지를, 식약처 소프트웨어 적합성 확인 보고서가 문서
#       관리 번호를 나열하듯 알려줍니다. 색인은 정확해야만 쓸모가 있습니다: 모든 키는 규제 카탈로그의 기대사항
#       ID(선택적으로 `/part`)이고, 모든 경로는 존재하며, 모든 외부 기록은 시스템, 문서 ID, 버전, 스캔
#       기준일 이전의 실제 승인일을 적어야 합니다. 유효한 외부 기록만 규칙의 발견사항을 "외부 기록으로 입증됨" 참고로
#       바꿉니다.
#     recommended_action: |
#       발견사항에 적힌 항목을 바로잡으십시오: 카탈로그 ID를 쓰거나(`samdscan policy list
#       --catalogue`), `path`를 존재하는 파일로 지정하거나, 외부 기록에 `system`,
#       `document_id`, `version`, `approved: YYYY-MM-DD`를 채우십시오.
#     applies: "항상(증거 색인이 있을 때)."
#     escalation: "경고입니다: 증거 색인은 보조 수단이며, 빠진 증거는 해당 규칙이 보고합니다."
#   id: MFDS-GEN-004
#   severity: warning
#   escalation: "Warning: the index is an enabler; missing evidence is reported by the specific rules."
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [evidence_index]
#   applies: Always (when an evidence index exists).
#   recommended_action: |
#     Correct the entry named in the finding: use a catalogue id (`samdscan policy list
#     --catalogue`), point `path` at a file that exists, or complete the external record with
#     `system`, `document_id`, `version` and `approved: YYYY-MM-DD`.
#   references:
#     - {source: "MFDS medical device software approval/review guideline (안내서-0612-04, 2023-07-05)", title: "Software conformity verification report (document-control numbers)"}
#     - {source: "ISO 13485:2016", clause: "4.2.4", title: "Control of documents"}
package samdscan.mfds.gen.evidence_index_valid

import rego.v1

index := input.evidence_index

at(entry) := {"path": index.path, "line": entry.line}

deny contains f if {
	index.found
	not index.parsed
	f := {"msg_ko": sprintf("%s을(를) 증거 색인으로 읽을 수 없습니다(그 파일에 대해 보고된 입력 문제 참조)", [index.path]), "msg": sprintf("%s cannot be read as an evidence index (see the input problem reported for it)", [index.path]), "path": index.path, "key": "unreadable"}
}

deny contains f if {
	some id, entry in index.entries
	not entry.known
	f := object.union(at(entry), {"msg_ko": sprintf("%s: `%s`은(는) 규제 카탈로그의 기대사항 ID가 아닙니다(`samdscan policy list --catalogue` 참조)", [index.path, id]), "msg": sprintf("%s: `%s` is not an expectation id of the regulatory catalogue (see samdscan policy list --catalogue)", [index.path, id]), "key": sprintf("unknown|%s", [id])})
}

deny contains f if {
	some id, entry in index.entries
	entry.exists == false
	f := object.union(at(entry), {"msg_ko": sprintf("%s: %s이(가) 가리키는 %s은(는) 저장소의 파일이 아닙니다", [index.path, id, entry.path]), "msg": sprintf("%s: %s points to %s, which is not a file of the repository", [index.path, id, entry.path]), "key": sprintf("path|%s", [id])})
}

deny contains f if {
	some id, entry in index.entries
	some i, problem in entry.problems
	f := object.union(at(entry), {"msg_ko": sprintf("%s: %s: %s", [index.path, id, korean(entry, i, problem)]), "msg": sprintf("%s: %s %s", [index.path, id, problem]), "key": sprintf("entry|%s|%s", [id, problem])})
}

deny contains f if {
	some id, entry in index.entries
	some i, problem in entry.external.problems
	f := object.union(at(entry), {"msg_ko": sprintf("%s: %s의 외부 기록이 유효하지 않아 아무것도 입증하지 않습니다: %s", [index.path, id, korean(entry.external, i, problem)]), "msg": sprintf("%s: the external record for %s is not valid, so it attests nothing: %s", [index.path, id, problem]), "key": sprintf("external|%s|%s", [id, problem])})
}

# Problem `i` of `record` in Korean (`problems_ko`, one for one with `problems`), else as written.
korean(record, i, problem) := record.problems_ko[i] if is_string(record.problems_ko[i]) else := problem
