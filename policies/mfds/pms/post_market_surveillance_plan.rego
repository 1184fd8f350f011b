# METADATA
# title: Software-specific post-market surveillance plan
# description: |
#   ISO 14971 §10 and IEC 62304 §6.2.1 require collecting and reviewing production and
#   post-production information, and the 2026 MFDS plan announces post-market management specific
#   to digital products. For software that means a plan covering field data (telemetry, crash and
#   error rates, performance indicators), complaint and anomaly trending, and monitoring of the
#   updates in the field.
# custom:
#   ko:
#     title: "소프트웨어 시판 후 관리(시판 후 감시) 계획"
#     description: |
#       ISO 14971 §10과 IEC 62304 §6.2.1은 생산 및 생산 후 정보의 수집과 검토를 요구하며,
#       2026년 식약처 종합계획은 디지털 제품 특성에 맞는 시판 후 관리를 예고합니다. 소프트웨어에서는 현장 데이터(원격
#       측정, 충돌·오류율, 성능 지표), 불만과 이상 추세 분석, 현장 업데이트 모니터링을 다루는 계획을 뜻합니다.
#     recommended_action: |
#       `docs/pms/post-market-surveillance-plan.md`(또는 `시판 후 감시 계획`)를
#       추가하여 현장 데이터, 불만·이상 추세 분석, 업데이트 모니터링 절을 두거나, 증거 색인에서
#       `MFDS-PMS-001`을 eQMS 기록에 연결하십시오.
#     applies: "시판 중인 제품(product.marketed)."
#     escalation: "4등급이거나 소프트웨어 안전성 등급 C인 시스템이 있으면 오류입니다."
#   id: MFDS-PMS-001
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: anticipated
#   evidence: [documents.post_market_surveillance_plan, evidence_index.entries]
#   presence: true
#   applies: Marketed products (product.marketed).
#   escalation: Error for grade 4 or any class C software system.
#   recommended_action: |
#     Add `docs/pms/post-market-surveillance-plan.md` (or `시판 후 감시 계획`) with sections on field
#     data, complaint and anomaly trending, and update monitoring, or point `MFDS-PMS-001` at the
#     eQMS record in the evidence index.
#   references:
#     - {source: "ISO 14971:2019", clause: "10", title: "Production and post-production activities"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "6.2.1.1", title: "Monitor feedback"}
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)"}
package samdscan.mfds.pms.post_market_surveillance_plan

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

marketed if input.profile.marketed == true

applicable := false if not marketed

not_applicable_because contains {"msg": "the profile does not declare the product marketed", "msg_ko": "제품 프로필에 시판 중인 제품(marketed)으로 선언되지 않았습니다"} if not marketed

level := profile.escalate("warning")

plans := documents.for_rule("post_market_surveillance_plan", "MFDS-PMS-001")

parts := {
	"field data": ["field data", "telemetry", "usage data", "real-world data", "현장 자료", "현장", "사용 데이터", "텔레메트리"],
	"complaint and anomaly trending": ["complaint", "trend", "anomal", "불만 및 이상사례 추세", "불만", "추세", "이상"],
	"update monitoring": ["update", "patch", "업데이트 모니터링", "업데이트", "패치"],
}

deny contains f if {
	count(plans) == 0
	f := object.union(documents.missing_ko("post_market_surveillance_plan", "no post-market surveillance plan found (looked for names such as docs/pms/post-market-surveillance-plan.md or a title like \"Post-Market Surveillance Plan\" / \"시판 후 감시 계획\")", "시판 후 감시 계획이 없습니다(docs/pms/post-market-surveillance-plan.md 같은 이름이나 \"시판 후 감시 계획\" / \"Post-Market Surveillance Plan\" 같은 제목을 확인함)"), {"level": level})
}

deny contains f if {
	count(plans) > 0
	missing := documents.missing_parts(plans, parts)
	count(missing) > 0
	f := {"msg_ko": sprintf("시판 후 감시 계획에 다음 절이 없습니다: %s", [concat(", ", documents.part_names_ko(missing, parts))]), "msg": sprintf("the post-market surveillance plan has no section on %s", [concat(", ", missing)]), "path": plans[0].path, "key": "parts", "level": level}
}
