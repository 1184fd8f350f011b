# METADATA
# title: Personal data inventory, and no identifiable patient data in the repository
# description: |
#   The Enforcement Decree of the Digital Medical Products Act governs the processing of
#   sensitive and personally identifiable information, the MFDS cybersecurity guidance asks for
#   data confidentiality, and the Personal Information Protection Act applies beside them. A
#   product that processes patient data keeps an inventory of the personal data it handles
#   (data elements, purpose, storage, retention, transfer, pseudonymisation), and its repository
#   holds no identifiable patient data, only hashes and synthetic samples. samdscan looks for the
#   inventory (docs/privacy/data-inventory.md or a title such as "Personal Data Inventory" /
#   "개인정보 처리 현황") and searches every tracked data file, test data included: Korean
#   resident registration numbers with a valid date and check digit in text data files, CSV/TSV
#   tables with a name and a birth-date column, and DICOM files whose Patient's Name or Patient
#   ID holds a value. Findings name the file and line, never the value. A missing inventory or
#   section is a note; identifiable data found is an error.
# custom:
#   ko:
#     title: "개인정보 처리 현황(목록) 및 저장소 내 식별 가능한 환자 정보 없음"
#     description: |
#       디지털의료제품법 시행령은 민감정보와 고유식별정보의 처리를 규율하고, 식약처 의료기기 사이버보안
#       가이드라인은 데이터 기밀성을 요구하며, 개인정보 보호법이 함께 적용됩니다. 환자 정보를 처리하는 제품은
#       처리하는 개인정보의 목록(개인정보 항목, 목적, 보관, 보유 기간, 제3자 제공, 가명처리)을 두고, 저장소에는
#       식별 가능한 환자 정보 없이 해시와 합성 표본만 둡니다. samdscan은 목록(docs/privacy/data-inventory.md
#       또는 "개인정보 처리 현황" / "Personal Data Inventory" 같은 제목)을 찾고, 시험 데이터를 포함한 모든
#       추적 데이터 파일을 검사합니다: 텍스트 데이터 파일의 주민등록번호(생년월일과 검증 숫자가 맞는 것),
#       이름 열과 생년월일 열이 있는 CSV/TSV 표, 환자 이름(Patient's Name)이나 환자 ID(Patient ID)에 값이
#       있는 DICOM 파일. 결과에는 파일과 줄만 나오며 값은 나오지 않습니다. 목록이나 절이 없으면 참고,
#       식별 가능한 정보가 발견되면 오류입니다.
#     recommended_action: |
#       `docs/privacy/data-inventory.md`(또는 `개인정보 처리 현황`)에 개인정보 항목, 처리 목적, 보관 위치,
#       보유 기간과 파기, 제3자 제공·위탁, 가명처리 절을 적으십시오. 저장소에서 발견된 환자 정보는 지우고
#       합성 데이터나 가명처리한 데이터로 바꾸며, 이력에서도 제거(git filter-repo 등)하고 개인정보 유출
#       여부를 개인정보 보호 책임자와 평가하십시오.
#     applies: "환자 정보를 처리하는 제품: product.processes_patient_data가 true인 제품, 선언이 없으면 네트워크 연결 제품 또는 AI 제품."
#     escalation: "목록이나 절이 없으면 모든 등급과 안전성 등급에서 참고이고, 저장소에서 식별 가능한 정보가 발견되면 언제나 오류입니다."
#   id: MFDS-CYB-017
#   severity: note
#   precision: medium
#   since: 0.2.0
#   pillar: P2
#   status: established
#   evidence: [documents.data_inventory, personal_data, evidence_index.entries, profile]
#   presence: true
#   applies: "Products processing patient data: product.processes_patient_data true, or, when the profile does not say, connected or AI products."
#   escalation: A missing inventory or section is a note at every grade and class; identifiable data found in the repository is always an error.
#   security_severity: 6.5
#   recommended_action: |
#     Write `docs/privacy/data-inventory.md` (or `개인정보 처리 현황`) with sections on the data
#     elements, the purpose, where the data is stored, retention and deletion, transfer to third
#     parties, and pseudonymisation. Remove any patient data found from the repository, replace
#     it with synthetic or pseudonymised samples, purge it from the history (git filter-repo) and
#     assess the exposure with the privacy officer.
#   references:
#     - {source: "Enforcement Decree of the Digital Medical Products Act (2025-01-23)", title: "Processing of sensitive and personally identifiable information"}
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "Data confidentiality"}
#     - {source: "Personal Information Protection Act (개인정보 보호법; edition not verified)", clause: "Arts. 23-24", title: "Sensitive and unique identifying information"}
#     - {source: "Personal Information Protection Act (개인정보 보호법; edition not verified)", clause: "Art. 28-2", title: "Pseudonymisation"}
package samdscan.mfds.cyb.personal_data

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

# The profile says whether the product processes patient data; when it does not say, a connected
# or AI product is taken to (the catalogue's check). Whether it says is a rule of its own:
# `not is_boolean(input.profile.processes_patient_data)` is undefined under OPA when the field is.
says_whether_patient_data_is_processed if is_boolean(input.profile.processes_patient_data)

processes_patient_data if input.profile.processes_patient_data == true

processes_patient_data if {
	not says_whether_patient_data_is_processed
	profile.connected
}

processes_patient_data if {
	not says_whether_patient_data_is_processed
	profile.ai_enabled
}

applicable := false if not processes_patient_data

not_applicable_because contains {"msg": "the profile declares product.processes_patient_data false", "msg_ko": "제품 프로필에 product.processes_patient_data가 false로 선언되어 있습니다"} if input.profile.processes_patient_data == false

not_applicable_because contains {"msg": "the profile declares neither product.processes_patient_data nor a connected or AI product", "msg_ko": "제품 프로필에 product.processes_patient_data도, 네트워크 연결 제품이나 AI 제품도 선언되지 않았습니다"} if {
	not says_whether_patient_data_is_processed
	not processes_patient_data
}

inventories := documents.for_rule("data_inventory", "MFDS-CYB-017")

parts := {
	"data elements": ["data element", "data item", "data categor", "personal data", "개인정보 항목", "처리 항목", "수집 항목"],
	"purpose": ["purpose", "목적"],
	"storage": ["storage", "stored", "location", "보관", "저장"],
	"retention": ["retention", "deletion", "보유 기간", "보유", "파기"],
	"transfer": ["transfer", "sharing", "third part", "disclosure", "제3자 제공", "위탁", "국외 이전"],
	"pseudonymisation": ["pseudonym", "de-identif", "anonymi", "가명", "비식별", "익명"],
}

deny contains f if {
	count(inventories) == 0
	f := documents.missing_ko("data_inventory", "no personal data inventory found (looked for names such as docs/privacy/data-inventory.md or a title like \"Personal Data Inventory\" / \"개인정보 처리 현황\")", "개인정보 처리 현황(목록)이 없습니다(docs/privacy/data-inventory.md 같은 이름이나 \"개인정보 처리 현황\" / \"Personal Data Inventory\" 같은 제목을 확인함)")
}

deny contains f if {
	count(inventories) > 0
	missing := documents.missing_parts(inventories, parts)
	count(missing) > 0
	f := {
		"msg": sprintf("the personal data inventory has no section on %s", [concat(", ", missing)]),
		"msg_ko": sprintf("개인정보 처리 현황에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]),
		"path": inventories[0].path,
		"key": "parts",
	}
}

hits := h if {
	h := input.personal_data.hits
	is_array(h)
} else := []

# " and 4 more lines" when a hit was on more lines than its first.
more_lines(h) := sprintf(" and %d more lines", [h.lines - 1]) if {
	h.lines > 1
} else := ""

more_lines_ko(h) := sprintf(" 외 %d줄", [h.lines - 1]) if {
	h.lines > 1
} else := ""

deny contains f if {
	some h in hits
	h.kind == "resident_registration_number"
	f := {
		"msg": sprintf("%s holds what looks like a Korean resident registration number on line %d%s (the value is not shown): remove it and use synthetic data", [h.path, h.line, more_lines(h)]),
		"msg_ko": sprintf("%s %d번째 줄%s에 주민등록번호로 보이는 값이 있습니다(값은 표시하지 않음): 지우고 합성 데이터를 사용하십시오", [h.path, h.line, more_lines_ko(h)]),
		"path": h.path,
		"line": h.line,
		"key": sprintf("rrn|%s", [h.path]),
		"sensitive": true,
		"level": "error",
	}
}

deny contains f if {
	some h in hits
	h.kind == "identifying_columns"
	f := {
		"msg": sprintf("%s is a table of people with their names and birth dates (the values are not shown): remove it or pseudonymise it", [h.path]),
		"msg_ko": sprintf("%s은(는) 이름과 생년월일이 있는 사람 목록입니다(값은 표시하지 않음): 지우거나 가명처리하십시오", [h.path]),
		"path": h.path,
		"line": h.line,
		"key": sprintf("columns|%s", [h.path]),
		"sensitive": true,
		"level": "error",
	}
}

deny contains f if {
	some h in hits
	h.kind == "dicom_patient"
	f := {
		"msg": sprintf("DICOM file %s names its patient (%s hold a value, not shown): de-identify it (DICOM PS3.15 Annex E) or replace it", [h.path, concat(", ", h.tags)]),
		"msg_ko": sprintf("DICOM 파일 %s에 환자 식별 정보가 있습니다(%s에 값이 있음, 값은 표시하지 않음): 비식별화(DICOM PS3.15 부속서 E)하거나 바꾸십시오", [h.path, concat(", ", h.tags)]),
		"path": h.path,
		"key": sprintf("dicom|%s", [h.path]),
		"sensitive": true,
		"level": "error",
	}
}

not_evaluated contains {"msg": "the search for patient data was cut short (more than 200 files with hits); the files beyond are unjudged", "msg_ko": "환자 정보 검색이 중간에 끊겼습니다(검출 파일 200개 초과). 그 이후의 파일은 판단되지 않았습니다"} if input.personal_data.truncated == true

not_evaluated contains {"msg": sprintf("%d data files were too large to search for patient data (over 4 MiB); see the diagnostics", [n]), "msg_ko": sprintf("데이터 파일 %d개가 너무 커서(4 MiB 초과) 환자 정보를 검색하지 못했습니다. 진단 메시지를 확인하십시오", [n])} if {
	n := input.personal_data.too_large
	n > 0
}

not_evaluated contains {"msg": sprintf("%d DICOM files could not be read to their patient tags; see the diagnostics", [n]), "msg_ko": sprintf("DICOM 파일 %d개를 환자 태그까지 읽지 못했습니다. 진단 메시지를 확인하십시오", [n])} if {
	n := input.personal_data.unreadable
	n > 0
}
