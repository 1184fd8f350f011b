# METADATA
# title: Software quality-management procedures present or attested
# description: |
#   DMPA Art. 24 and the KGMP standards for digital medical devices require software-specific
#   quality-management procedures: software development, change control, problem resolution and
#   configuration management. These usually live in an eQMS. samdscan accepts each one as a
#   procedure in the repository (docs/qms/, or a "Standard Operating Procedure" / "절차서" titled
#   document, or a section of the software development plan) or as an entry of the evidence index
#   keyed `MFDS-QMS-001/<procedure>` (development, change-control, problem-resolution,
#   configuration-management) that points to a file or is a valid external record.
# custom:
#   ko:
#     title: "소프트웨어 품질관리 절차의 존재 또는 외부 입증"
#     description: |
#       디지털의료제품법 제24조와 디지털의료기기 제조 및 품질관리 기준은 소프트웨어 고유의 품질관리 절차를 요구합니다:
#       소프트웨어 개발, 변경관리, 문제 해결, 형상관리. 이 절차는 대개 eQMS에 있습니다. samdscan은 각
#       절차를 저장소의 절차서(docs/qms/, "절차서" / "Standard Operating Procedure"
#       제목의 문서, 또는 소프트웨어 개발계획서의 절)로, 또는 파일을 가리키거나 유효한 외부 기록인 증거 색인 항목
#       `MFDS-QMS-001/<procedure>`(development, change-control,
#       problem-resolution, configuration-management)로 인정합니다.
#     recommended_action: |
#       관리되는 절차를 증거 색인에 등록하거나(예: `MFDS-QMS-001/change-control:
#       {external: {system: eQMS, document_id: SOP-CC-003, version: "4",
#       approved: 2026-03-02, owner: QA}}`), `docs/qms/` 아래에 두십시오.
#     applies: "디지털의료제품법 적용 제품."
#   id: MFDS-QMS-001
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: established
#   evidence: [documents.qms_procedure, documents.software_development_plan, evidence_index.entries]
#   presence: true
#   applies: DMPA products.
#   recommended_action: |
#     List the controlled procedures in the evidence index, e.g.
#     `MFDS-QMS-001/change-control: {external: {system: eQMS, document_id: SOP-CC-003, version: "4",
#     approved: 2026-03-02, owner: QA}}`, or keep them under `docs/qms/`.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Art. 24", title: "Certification of compliance with quality management standards"}
#     - {source: "MFDS Standards for Manufacture and Quality Control of Digital Medical Devices (advance publication 2024-12-13)"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.1", title: "Software development planning"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "6", title: "Software maintenance process"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "8", title: "Software configuration management process"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "9", title: "Software problem resolution process"}
package samdscan.mfds.qms.software_qms_evidence

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.dmpa

not_applicable_because contains {"msg": "the profile does not declare regime DMPA", "msg_ko": "제품 프로필에 규제 체계 DMPA(디지털의료제품법)가 선언되지 않았습니다"} if not profile.dmpa

procedures := array.concat(documents.of_kind("qms_procedure"), documents.of_kind("software_development_plan"))

categories := {
	"development": ["development", "개발"],
	"change-control": ["change control", "change management", "변경 관리", "변경관리"],
	"problem-resolution": ["problem resolution", "problem report", "문제 해결", "문제해결"],
	"configuration-management": ["configuration management", "형상 관리", "형상관리"],
}

indexed(category) if {
	entry := input.evidence_index.entries[sprintf("MFDS-QMS-001/%s", [category])]
	entry.exists == true
}

indexed(category) if {
	entry := input.evidence_index.entries[sprintf("MFDS-QMS-001/%s", [category])]
	entry.external.valid == true
}

missing contains category if {
	some category, words in categories
	not indexed(category)
	not documents.covers(procedures, words)
}

deny contains f if {
	count(missing) > 0
	names := sort([c | some c in missing])
	f := object.union(documents.missing_ko("qms_procedure", sprintf("no software QMS procedure for %s, in the repository or in the evidence index (MFDS-QMS-001/<procedure>)", [concat(", ", names)]), sprintf("저장소에도 증거 색인(MFDS-QMS-001/<procedure>)에도 다음 소프트웨어 품질관리 절차가 없습니다: %s", [concat(", ", sort([category_ko[c] | some c in missing]))])), {"key": "procedures"})
}

category_ko := {"development": "소프트웨어 개발", "change-control": "변경관리", "problem-resolution": "문제 해결", "configuration-management": "형상관리"}
