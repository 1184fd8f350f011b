# METADATA
# title: Threat model present and current
# description: |
#   Life-cycle security risk management needs a threat model (DMPA security guideline, draft Arts.
#   13-16; IEC 81001-5-1 §7.2): trust boundaries, interfaces and data flows, external dependencies,
#   and the threats against them. IEC 81001-5-1 expects it reviewed at least yearly for released
#   products; a stale threat model is a frequent review deficiency. The review date is the
#   document's `reviewed:` (or `date:`) front matter, else the last commit that changed it;
#   `evidence.max_document_age_days` sets the limit (365 by default). The model must also be
#   newer than the last commit that touched interface or communication code (the
#   `interface_code` evidence kind: sockets, HTTP, Bluetooth, MQTT, gRPC, API definitions by
#   default; set `evidence.interface_code` to name yours).
# custom:
#   ko:
#     title: "위협 모델의 존재와 최신성"
#     description: |
#       수명주기 보안 위험관리에는 위협 모델이 필요합니다(디지털의료기기 전자적 침해행위 보안지침 초안 제13~16조;
#       IEC 81001-5-1 §7.2): 신뢰 경계, 인터페이스와 데이터 흐름, 외부 의존성, 그에 대한 위협. IEC
#       81001-5-1은 출시 제품의 위협 모델을 최소 1년에 한 번 검토하도록 기대하며, 오래된 위협 모델은 흔한 심사
#       지적사항입니다. 검토일은 문서의 `reviewed:`(또는 `date:`) front matter, 없으면 그
#       문서를 바꾼 마지막 커밋이며, `evidence.max_document_age_days`가 한도를 정합니다(기본
#       365일). 위협 모델은 인터페이스·통신 코드(`interface_code` 증거 종류: 기본적으로 소켓,
#       HTTP, 블루투스, MQTT, gRPC, API 정의)를 건드린 마지막 커밋보다 새로워야 합니다.
#     recommended_action: |
#       `docs/security/threat-model.md`(또는 `위협 모델`)에 신뢰 경계, 인터페이스 / 데이터
#       흐름, 외부 의존성, 위협 절을 두고, 최소 1년에 한 번 검토하십시오(front matter에 `reviewed:
#       YYYY-MM-DD` 기록).
#     applies: "네트워크 연결 제품."
#   id: MFDS-CYB-007
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P2
#   status: established
#   evidence: [documents.threat_model, interface_changes?, evidence_index.entries, config.max_document_age_days]
#   presence: true
#   applies: Connected products.
#   security_severity: 7.0
#   recommended_action: |
#     Keep `docs/security/threat-model.md` (or `위협 모델`) with sections for trust boundaries,
#     interfaces / data flows, external dependencies and threats, and review it at least yearly
#     (record `reviewed: YYYY-MM-DD` in its front matter).
#   references:
#     - {source: "IEC 81001-5-1:2021", clause: "7.2", title: "Identification of vulnerabilities, threats and associated adverse impacts"}
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (draft 2024-12-13)", clause: "Arts. 13-16", title: "Life-cycle risk management"}
package samdscan.mfds.cyb.threat_model_current

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare the product connected", "msg_ko": "제품 프로필에 네트워크 연결 제품(connected)으로 선언되지 않았습니다"} if not profile.connected

models := documents.for_rule("threat_model", "MFDS-CYB-007")

text_models := [m | some m in models; m.format in {"markdown", "asciidoc", "rst", "text"}]

parts := {
	"trust boundaries": ["trust boundar", "신뢰 경계", "신뢰경계"],
	"interfaces and data flows": ["interface", "data flow", "entry point", "인터페이스 및 데이터 흐름", "인터페이스", "데이터 흐름"],
	"external dependencies": ["dependenc", "external", "third-party", "soup", "외부 의존성", "외부", "의존"],
	"threats": ["threat", "stride", "attack", "위협", "공격"],
}

deny contains f if {
	count(models) == 0
	f := documents.missing_ko("threat_model", "no threat model found (looked for names such as docs/security/threat-model.md, *.tm7, or a title like \"Threat Model\" / \"위협 모델\")", "위협 모델이 없습니다(docs/security/threat-model.md, *.tm7 같은 이름이나 \"위협 모델\" / \"Threat Model\" 같은 제목을 확인함)")
}

deny contains f if {
	count(text_models) > 0
	missing := documents.missing_parts(text_models, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("위협 모델에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the threat model has no section on %s", [concat(", ", missing)]), "path": text_models[0].path, "key": "parts"}
}

deny contains documents.stale_finding(doc) if {
	some doc in models
	documents.stale(doc)
}

deny contains f if {
	some doc in models
	documents.undated(doc)
	f := {"msg_ko": sprintf("%s의 날짜를 알 수 없습니다: front matter에 `reviewed: YYYY-MM-DD`를 추가하십시오(날짜를 알려줄 git 이력이 없음)", [doc.path]), "msg": sprintf("nothing dates %s: add `reviewed: YYYY-MM-DD` front matter (there is no git history to date it)", [doc.path]), "path": doc.path, "key": sprintf("undated|%s", [doc.path]), "level": "warning"}
}

# The threat model must be newer than the last change to interface code (evidence.interface_code).
deny contains f if {
	change := input.interface_changes.last_change
	some doc in models
	doc.reviewed.date < change.date
	f := {
		"msg": sprintf("%s (reviewed %s) predates the last change to interface code: %s on %s (%s, commit %s)", [doc.path, doc.reviewed.date, change.path, change.date, change.summary, substring(change.id, 0, 12)]),
		"msg_ko": sprintf("%s(검토일 %s)이(가) 인터페이스 코드의 마지막 변경보다 오래되었습니다: %s, %s (%s, 커밋 %s)", [doc.path, doc.reviewed.date, change.path, change.date, change.summary, substring(change.id, 0, 12)]),
		"path": doc.path,
		"key": sprintf("interface-change|%s", [doc.path]),
	}
}
