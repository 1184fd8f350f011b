# METADATA
# title: Dataset datasheets for training and test data
# description: |
#   Training-data information is an explicit DMPA-era disclosure item, and performance claims cannot
#   be judged without knowing where the data came from. Each dataset used for training or testing
#   needs a datasheet (Markdown `DATASHEET.md`, or an SPDX 3 dataset package) giving provenance,
#   collection, inclusion and exclusion criteria, demographics, annotation and reference standard,
#   de-identification, and the split role it serves; at least one must cover training and one test.
# custom:
#   ko:
#     title: "학습·시험 데이터셋 데이터시트"
#     description: |
#       학습 데이터 정보는 디지털의료제품법 시대의 명시적 공개 항목이며, 데이터의 출처를 모르면 성능 주장을 판단할 수
#       없습니다. 학습이나 시험에 쓰인 각 데이터셋에는 데이터시트(Markdown `DATASHEET.md` 또는 SPDX
#       3 데이터셋 패키지)가 있어야 하며, 출처, 수집 방법, 포함·제외 기준, 인구학적 분포,
#       주석(annotation)과 참조 표준, 비식별화, 해당 분할의 역할을 적어야 합니다. 최소한 하나는 학습용,
#       하나는 시험용이어야 합니다.
#     recommended_action: |
#       각 데이터셋마다 `data/<dataset>/DATASHEET.md`를 작성하고 front matter에
#       `split: [training]`(또는 `test`, `tuning`)을 적으며, 출처, 수집, 포함 기준,
#       인구학적 분포, 주석, 비식별화, 분할 역할 절을 두십시오(docs/ai.md 참조).
#     applies: "product.ai.enabled인 인공지능 제품."
#   id: MFDS-AI-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.datasheets, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Write `data/<dataset>/DATASHEET.md` for each dataset, with front matter `split: [training]` (or
#     `test`, `tuning`) and sections for provenance, collection, inclusion criteria, demographics,
#     annotation, de-identification and split role (see docs/ai.md).
#   references:
#     - {source: "MFDS Guidance on the Review and Approval of AI-based Medical Devices (안내서-0804-01, first edition 2017-11-22)", title: "Training dataset information"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principles 3 and 5"}
package samdscan.mfds.ai.datasheets

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

sheets := ai.list("datasheets")

deny contains f if {
	some role in ["training", "test"]
	not role_covered(role)
	f := object.union(ai.missing_ko("datasheet", sprintf("no datasheet declares the %s split (front matter `split: [%s]`, or a %s folder)", [role, role, role]), sprintf("%s 분할을 선언한 데이터시트가 없습니다(front matter `split: [%s]` 또는 %s 폴더)", [role, role, role])), {"key": sprintf("role|%s", [role])})
}

role_covered(role) if {
	some s in sheets
	role in s.roles
}

deny contains f if {
	some s in sheets
	count(s.missing_parts) > 0
	f := {
		"msg": sprintf("datasheet %s (%s) lacks: %s", [s.path, sheet_name(s), concat(", ", s.missing_parts)]),
		"msg_ko": sprintf("데이터시트 %s(%s)에 다음이 빠져 있습니다: %s", [s.path, sheet_name(s), concat(", ", s.missing_parts)]),
		"path": s.path,
		"line": 1,
		"key": sprintf("parts|%s|%s", [s.path, sheet_name(s)]),
	}
}

sheet_name(s) := s.name if is_string(s.name) else := "unnamed dataset"
