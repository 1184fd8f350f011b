# METADATA
# title: Electronic labeling present and matching the release version
# description: |
#   DMPA Art. 22 (in force for DMD software from 2026-01-24) sets what digital medical device
#   software must state, and the MFDS labeling guideline (2025-11-06) lets it be delivered
#   electronically (about screen, website, QR) but requires the labeling to be updated whenever the
#   software version changes. samdscan finds the labeling (instructions for use / product
#   information / 사용설명서 / 표시기재), reads the software version it states (front matter
#   `software_version`, or a "Software version:" / "소프트웨어 버전:" line) and compares it with
#   the release version declared as `product.version`.
# custom:
#   ko:
#     title: "전자 표시기재의 존재와 릴리스 버전 일치"
#     description: |
#       디지털의료제품법 제22조(디지털의료기기소프트웨어에는 2026-01-24부터 시행)는 디지털의료기기소프트웨어에 기재할
#       사항을 정하며, 식약처 표시기재 가이드라인(2025-11-06)은 전자적 제공(정보 화면, 웹사이트, QR)을
#       허용하되 소프트웨어 버전이 바뀔 때마다 표시기재를 갱신하도록 요구합니다. samdscan은 표시기재(사용설명서 /
#       제품 정보 / 표시기재 / instructions for use)를 찾아 적힌 소프트웨어 버전(front
#       matter `software_version` 또는 "소프트웨어 버전:" / "Software version:"
#       줄)을 `product.version`으로 선언된 릴리스 버전과 비교합니다.
#     recommended_action: |
#       표시기재 원본을 저장소에 두고(예: `labeling/instructions-for-use.md`) front
#       matter의 `software_version:`을 `product.version`과 같게 하며, 릴리스마다 둘 다
#       갱신하십시오.
#     applies: "디지털의료제품법 적용 제품(오류)과 의료기기법 적용 소프트웨어(경고)."
#   id: MFDS-LBL-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.labeling, profile.version, evidence_index.entries]
#   presence: true
#   applies: DMPA products (error) and MDA software (warning).
#   recommended_action: |
#     Keep the labeling source in the repository (e.g. `labeling/instructions-for-use.md`) with
#     `software_version:` in its front matter equal to `product.version`, and update both in every
#     release.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Arts. 21-22"}
#     - {source: "MFDS digital medical device labeling guideline (2025-11-06)"}
package samdscan.mfds.lbl.labeling_version

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if profile.dmpa

in_scope if input.profile.regime == "MDA"

applicable := false if not in_scope

not_applicable_because contains {"msg": "the profile declares neither regime DMPA nor MDA", "msg_ko": "제품 프로필에 규제 체계 DMPA와 MDA(의료기기법) 모두 선언되지 않았습니다"} if not in_scope

level := "error" if profile.dmpa else := "warning"

labels := [d | some d in documents.for_rule("labeling", "MFDS-LBL-001"); not object.get(d, "format", "") in {"pdf", "docx"}]

all_labels := documents.for_rule("labeling", "MFDS-LBL-001")

release := trim_prefix(sprintf("%v", [input.profile.version]), "v") if input.profile.version != null

deny contains f if {
	count(all_labels) == 0
	f := object.union(documents.missing_ko("labeling", "no electronic labeling / instructions for use found (looked under labeling/ and for titles like \"Instructions for Use\" / \"사용설명서\" / \"표시기재\")", "전자 표시기재 / 사용설명서가 없습니다(labeling/ 아래와 \"사용설명서\" / \"표시기재\" / \"Instructions for Use\" 같은 제목을 확인함)"), {"level": level})
}

deny contains f if {
	count(all_labels) > 0
	not release
	f := {"path": input.config.path, "line": profile.config_line("product"), "msg_ko": "product.version이 선언되지 않아 표시기재의 소프트웨어 버전을 릴리스와 비교할 수 없습니다", "msg": "product.version is not declared, so the labeling's software version cannot be checked against the release", "key": "no-release-version", "level": level}
}

# At least one labeling document states the version; every one that does must match.
deny contains f if {
	count(labels) > 0
	count([v | some doc in labels; v := stated_version(doc)]) == 0
	paths := concat(", ", [d.path | some d in labels])
	f := {"msg_ko": sprintf("소프트웨어 버전을 적은 표시기재 문서가 없습니다(%s; front matter `software_version:` 또는 \"소프트웨어 버전:\" 줄을 추가하십시오)", [paths]), "msg": sprintf("no labeling document states the software version (%s; add `software_version:` front matter or a \"Software version:\" line)", [paths]), "path": labels[0].path, "key": "no-version", "level": level}
}

deny contains f if {
	some doc in labels
	v := stated_version(doc)
	release
	v != release
	f := {"msg_ko": sprintf("%s에 적힌 소프트웨어 버전은 %s이지만 릴리스는 %s입니다(product.version)", [doc.path, v, release]), "msg": sprintf("%s states software version %s but the release is %s (product.version)", [doc.path, v, release]), "path": doc.path, "key": sprintf("version-mismatch|%s", [doc.path]), "level": level}
}

stated_version(doc) := trim_prefix(sprintf("%v", [doc.front_matter.software_version]), "v") if {
	doc.front_matter.software_version != null
} else := v if {
	m := regex.find_all_string_submatch_n(`(?i)(?:software version|소프트웨어 버전)\s*[:：|]\s*v?([0-9][0-9A-Za-z.+-]*)`, doc.text, 1)
	v := m[0][1]
}
