# METADATA
# title: Clinical evaluation evidence
# description: |
#   DMPA Arts. 9-10 govern clinical study and clinical performance study protocols, and MFDS
#   accepts data-based clinical studies for software. A product of grade 2 or above, or any
#   AI-enabled product, keeps a clinical evaluation plan and report, in the repository or as
#   records of the eQMS listed in the evidence index (protocol approval numbers, study reports).
# custom:
#   ko:
#     title: "임상적 성능시험·임상 평가 근거"
#     description: |
#       디지털의료제품법 제9조·제10조는 임상시험계획과 임상적 성능시험계획을 규율하며, 식약처는 소프트웨어에 대해 데이터
#       기반 임상시험을 인정합니다. 2등급 이상이거나 AI를 사용하는 제품은 임상 평가 계획서와 보고서를 저장소에, 또는
#       증거 색인에 등록된 전자 품질관리시스템(eQMS) 기록(계획 승인 번호, 시험 보고서)으로 보유해야 합니다.
#     recommended_action: |
#       `docs/clinical/` 아래에 임상 평가 계획서와 보고서를 추가하거나(제목 예: "임상 평가 계획서",
#       "임상 평가 보고서" / "Clinical Evaluation Plan", "Clinical Evaluation
#       Report"), 증거 색인에서 `MFDS-CLN-001`을 eQMS 기록에 연결하십시오.
#     applies: "2등급 이상이거나 인공지능을 사용하는 모든 제품."
#   id: MFDS-CLN-001
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.clinical_evaluation, evidence_index.entries]
#   presence: true
#   applies: Grade 2 and above, or any AI-enabled product.
#   recommended_action: |
#     Add a clinical evaluation plan and report under `docs/clinical/` (titles such as "Clinical
#     Evaluation Plan" / "임상 평가 계획서" and "Clinical Evaluation Report" / "임상 평가 보고서"),
#     or point `MFDS-CLN-001` at the eQMS records in the evidence index.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Arts. 9-10", title: "Clinical study and clinical performance study protocols"}
#     - {source: "MFDS AI clinical-effectiveness evaluation guideline (edition not verified)"}
package samdscan.mfds.cln.clinical_evaluation

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if profile.grade >= 2

in_scope if profile.ai_enabled

applicable := false if not in_scope

not_applicable_because contains {"msg": "grade 1 product without AI", "msg_ko": "AI를 쓰지 않는 1등급 제품입니다"} if not in_scope

docs := documents.for_rule("clinical_evaluation", "MFDS-CLN-001")

deny contains f if {
	count(docs) == 0
	f := documents.missing_ko("clinical_evaluation", "no clinical evaluation evidence found (looked under docs/clinical/ and for titles like \"Clinical Evaluation\" / \"임상 평가\")", "임상 평가 근거가 없습니다(docs/clinical/ 아래와 \"임상 평가\" / \"Clinical Evaluation\" 같은 제목을 확인함)")
}

deny contains f if {
	count(docs) > 0
	some part, words in {"plan": ["plan", "protocol", "계획"], "report": ["report", "보고서"]}
	not titled(words)
	f := {"msg_ko": sprintf("임상 평가 근거에 %s이(가) 없습니다(그렇게 제목 붙은 문서가 없음)", [part_ko[part]]), "msg": sprintf("clinical evaluation evidence has no %s (no document titled as one)", [part]), "path": docs[0].path, "key": sprintf("no-%s", [part])}
}

titled(words) if {
	some doc in docs
	title := doc.title
	is_string(title)
	some w in words
	contains(lower(title), w)
}

titled(words) if {
	some doc in docs
	some w in words
	contains(lower(doc.path), w)
}

part_ko := {"plan": "계획서", "report": "보고서"}
