# METADATA
# title: No subject overlap between training and test splits
# description: |
#   MFDS's Korean edition of the GMLP principles stresses that test data must be independent of
#   training data. When the same patient appears in both, reported performance is inflated. The
#   split manifests (lists of subject or patient ids per split, committed as hashes, not PHI) must
#   exist for training and test, parse, and share no subject.
# custom:
#   ko:
#     title: "학습·시험 데이터 분할 간 대상자 중복 없음"
#     description: |
#       식약처가 발간한 GMLP 원칙 한글판은 시험 데이터가 학습 데이터와 독립적이어야 함을 강조합니다. 같은 환자가
#       양쪽에 있으면 보고된 성능이 부풀려집니다. 학습용과 시험용 분할 목록(분할별 대상자 또는 환자 ID 목록,
#       개인건강정보가 아닌 해시로 커밋)이 있어야 하고, 읽을 수 있어야 하며, 대상자를 공유하지 않아야 합니다.
#     recommended_action: |
#       `splits/train.csv`, `splits/test.csv` 같은 분할 목록을 가명화된
#       `subject_id`(또는 `patient_id`) 열과 함께 커밋하고, 어떤 대상자도 시험 분할과 학습·튜닝
#       분할에 동시에 있지 않도록 대상자 단위로 다시 분할하십시오.
#     applies: "product.ai.enabled인 인공지능 제품."
#   id: MFDS-AI-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.split_manifests, ai.split_overlaps?, profile.ai]
#   presence: true
#   applies: Products with product.ai.enabled.
#   recommended_action: |
#     Commit split manifests such as `splits/train.csv` and `splits/test.csv` with a `subject_id` (or
#     `patient_id`) column of pseudonymised ids, and re-split by subject so that no subject is in
#     both the test split and a training or tuning split.
#   references:
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", title: "Independence of training and test data"}
#     - {source: "IMDRF/AIML WG/N88 FINAL:2025 (MFDS Korean edition 2025-03-26)", clause: "Principle 4"}
package samdscan.mfds.ai.split_independence

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.ai_enabled

not_applicable_because contains ai.not_ai_reason if not profile.ai_enabled

manifests := ai.list("split_manifests")

deny contains f if {
	some role in ["training", "test"]
	not has_split(role)
	f := object.union(ai.missing_ko("split_manifest", sprintf("no %s split manifest found (e.g. splits/%s.csv with a subject_id column); independence cannot be shown", [role, trim_suffix(role, "ing")]), sprintf("%s 분할 목록이 없습니다(예: subject_id 열이 있는 splits/%s.csv); 독립성을 보일 수 없습니다", [role, trim_suffix(role, "ing")])), {"key": sprintf("missing|%s", [role])})
}

has_split(role) if {
	some m in manifests
	m.split == role
	m.parsed
}

deny contains f if {
	some m in manifests
	not m.parsed
	f := {
		"msg": sprintf("split manifest %s cannot be read: %s", [m.path, object.get(m, "error", "unknown error")]),
		"msg_ko": sprintf("분할 목록 %s을(를) 읽을 수 없습니다: %s", [m.path, object.get(m, "error", "unknown error")]),
		"path": m.path,
		"key": sprintf("unreadable|%s", [m.path]),
	}
}

deny contains f if {
	some o in ai.list("split_overlaps")
	f := {
		"msg": sprintf("%d subject(s) of test split %s also appear in %s split %s (e.g. %s)", [o.count, o.test, o.other_split, o.other, concat(", ", o.examples)]),
		"msg_ko": sprintf("시험 분할 %s의 대상자 %d명이 %s 분할 %s에도 있습니다(예: %s)", [o.test, o.count, object.get(split_ko, o.other_split, o.other_split), o.other, concat(", ", o.examples)]),
		"path": o.test,
		"line": 1,
		"key": sprintf("overlap|%s|%s", [o.test, o.other]),
	}
}

split_ko := {"training": "학습", "tuning": "튜닝", "test": "시험"}
