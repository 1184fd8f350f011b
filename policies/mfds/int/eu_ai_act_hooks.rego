# METADATA
# title: EU AI Act technical-documentation hooks
# description: |
#   An AI system that is, or is a safety component of, a device needing notified-body assessment is
#   high-risk under the EU AI Act (Art. 6(1)): from 2027-08-02 it needs technical documentation
#   per Annex IV (Art. 11) and automatic event logging (Art. 12), beside the MDR's software
#   requirements (Annex I §17). For a product marketed in the EU that declares AI, samdscan asks for
#   an Annex IV index (docs/eu/ai-act-annex-iv.md, a title such as "Annex IV") that names the AI
#   evidence the repository holds (model card, datasheets, split manifests, performance
#   evaluation, change management plan, performance monitoring plan), and for a software
#   requirement about event logging.
# custom:
#   ko:
#     title: "EU AI법 기술 문서 연결"
#     description: |
#       노티파이드 바디 평가가 필요한 의료기기이거나 그 안전 구성요소인 AI 시스템은 EU AI법상 고위험입니다(제6조제1항):
#       2027-08-02부터 MDR의 소프트웨어 요구사항(부속서 I §17)과 함께 부속서 IV에 따른 기술 문서(제11조)와 자동
#       이벤트 기록(제12조)이 필요합니다. EU에 출시하고 AI를 선언한 제품에 대해 samdscan은 저장소가 가진 AI 증거
#       (모델 카드, 데이터시트, 분할 목록, 성능 평가, 변경관리계획, 성능 모니터링 계획)를 이름으로 다루는 부속서 IV
#       색인(docs/eu/ai-act-annex-iv.md, "Annex IV" 같은 제목)과 이벤트 기록에 관한 소프트웨어 요구사항을
#       확인합니다.
#     recommended_action: |
#       `docs/eu/ai-act-annex-iv.md`를 추가하여 부속서 IV의 각 항목에 해당하는 저장소 문서(모델 카드, 데이터시트,
#       분할 목록, 성능 평가, 변경관리계획, 성능 모니터링 계획)를 경로로 적고, 소프트웨어 요구사항 명세에 이벤트
#       기록(로그) 요구사항을 두십시오.
#     applies: "유럽연합(EU)에 판매하며(markets에 EU 포함) 인공지능을 선언한 제품."
#     escalation: "유럽연합에 판매하는 인공지능 제품에서 경고입니다: 기술문서의 국제 조화를 돕는 항목이며 식약처 요구사항은 아닙니다."
#   id: MFDS-INT-002
#   severity: warning
#   escalation: "Warning for EU-marketed AI products: a harmonisation aid for the technical documentation, not an MFDS requirement."
#   precision: medium
#   since: 0.1.0
#   pillar: P4
#   status: anticipated
#   evidence: [documents.ai_act_technical_documentation, ai.model_cards?, ai.datasheets?, ai.split_manifests?, ai.evaluations?, ai.change_plans?, documents.performance_monitoring_plan?, requirements.items?, evidence_index.entries]
#   presence: true
#   applies: Products marketed in the EU (markets contains EU) that declare AI.
#   recommended_action: |
#     Add `docs/eu/ai-act-annex-iv.md` listing, for each Annex IV item, the repository document that
#     holds it (model card, datasheets, split manifests, performance evaluation, change management
#     plan, performance monitoring plan) by path, and keep an event-logging requirement in the
#     software requirements specification.
#   references:
#     - {source: "Regulation (EU) 2024/1689 (AI Act)", clause: "Art. 11 and Annex IV", title: "Technical documentation"}
#     - {source: "Regulation (EU) 2024/1689 (AI Act)", clause: "Art. 12", title: "Record-keeping"}
#     - {source: "Regulation (EU) 2017/745 (MDR)", clause: "Annex I §17.2, §17.4", title: "Electronic programmable systems and software"}
package samdscan.mfds.int.eu_ai_act_hooks

import data.samdscan.lib.ai
import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

eu if {
	markets := input.profile.markets
	is_array(markets)
	"EU" in markets
}

in_scope if {
	eu
	profile.ai_enabled
}

applicable := false if not in_scope

not_applicable_because contains {"msg": "the profile does not declare the EU among the markets", "msg_ko": "제품 프로필의 시장(markets)에 EU가 없습니다"} if not eu

not_applicable_because contains ai.not_ai_reason if {
	eu
	not profile.ai_enabled
}

indexes := documents.for_rule("ai_act_technical_documentation", "MFDS-INT-002")

deny contains f if {
	in_scope
	count(indexes) == 0
	f := ai.missing_ko("ai_act_technical_documentation", "no EU AI Act Annex IV index found (looked for docs/eu/** or a title like \"Annex IV\")", "EU AI법 부속서 IV 색인이 없습니다(docs/eu/**나 \"Annex IV\" 같은 제목을 확인함)")
}

artefacts := {
	"model card (MFDS-AI-001)": ai.list("model_cards"),
	"datasheet (MFDS-AI-002)": ai.list("datasheets"),
	"split manifest (MFDS-AI-003)": ai.list("split_manifests"),
	"performance evaluation (MFDS-AI-004)": ai.list("evaluations"),
	"change management plan (MFDS-AI-006)": ai.list("change_plans"),
	"performance monitoring plan (MFDS-AI-008)": documents.of_kind("performance_monitoring_plan"),
}

what_ko := {
	"model card (MFDS-AI-001)": "모델 카드(MFDS-AI-001)",
	"datasheet (MFDS-AI-002)": "데이터시트(MFDS-AI-002)",
	"split manifest (MFDS-AI-003)": "분할 목록(MFDS-AI-003)",
	"performance evaluation (MFDS-AI-004)": "성능 평가(MFDS-AI-004)",
	"change management plan (MFDS-AI-006)": "변경관리계획(MFDS-AI-006)",
	"performance monitoring plan (MFDS-AI-008)": "성능 모니터링 계획(MFDS-AI-008)",
}

# What names an artefact in another document: its path, file name, document id or title.
names_of(a) := {n |
	some n in array.concat(
		[a.path, regex.replace(a.path, `^.*/`, "")],
		[x | some x in [object.get(object.get(a, "front_matter", {}), "document_id", null), object.get(a, "title", null)]; is_string(x)],
	)
	n != ""
}

index_text := lower(concat("\n", [object.get(d, "text", "") | some d in indexes]))

named(what) if {
	some a in artefacts[what]
	some n in names_of(a)
	contains(index_text, lower(n))
}

unnamed := sort([w | some w, list in artefacts; count(list) > 0; not named(w)])

deny contains f if {
	in_scope
	count(indexes) > 0
	count(unnamed) > 0
	f := {
		"msg": sprintf("the Annex IV index (%s) does not name the %s of the repository", [indexes[0].path, concat(", ", unnamed)]),
		"msg_ko": sprintf("부속서 IV 색인(%s)에 저장소의 %s이(가) 없습니다", [indexes[0].path, concat(", ", [what_ko[w] | some w in unnamed])]),
		"path": indexes[0].path,
		"key": "artefacts",
	}
}

requirements := r if {
	r := input.requirements.items
	is_array(r)
} else := []

logging := `(?i)(\blog(s|ging|ged)?\b|audit trail|event record|로그|감사 추적|이력 기록)`

deny contains f if {
	in_scope
	count(requirements) > 0
	not some_logging_requirement
	f := {
		"msg": sprintf("no software requirement is about event logging (AI Act Art. 12; read %d requirements from %s)", [count(requirements), concat(", ", sort({r.path | some r in requirements}))]),
		"msg_ko": sprintf("이벤트 기록(로그)에 관한 소프트웨어 요구사항이 없습니다(AI법 제12조; %s에서 요구사항 %d개를 읽음)", [concat(", ", sort({r.path | some r in requirements})), count(requirements)]),
		"path": requirements[0].path,
		"key": "logging",
	}
}

some_logging_requirement if {
	some r in requirements
	regex.match(logging, concat("\n", [object.get(r, "title", ""), object.get(r, "text", "")]))
}
