# METADATA
# title: Component performance evaluation and performance certification
# description: |
#   DMPA introduces component performance evaluation (구성요소 성능평가) and, for wellness devices,
#   performance certification. Both are granted by MFDS or designated bodies after reviewing
#   reports and test results; a repository cannot show that a certificate was granted. What it
#   can show is that the product still uses what was certified: when the evidence index lists a
#   component certificate under MFDS-QMS-004 (or MFDS-QMS-004/<part>), an external record with
#   the certified `version` and the `component` it covers (a dependency name), samdscan checks
#   that the product's dependency on that component is pinned to the certified version, and that
#   the certificate gives an expiry date that has not passed. Without such a record the
#   expectation is "not observable", never passed.
# custom:
#   ko:
#     title: "구성요소 성능평가 및 성능인증"
#     description: |
#       디지털의료제품법은 구성요소 성능평가와, 디지털의료·건강지원기기에 대한 성능인증을 도입합니다. 둘 다 식약처나 지정
#       기관이 보고서와 시험 결과를 검토한 뒤 부여하며, 저장소는 인증서가 부여되었음을 보여줄 수 없습니다. 저장소가
#       보여줄 수 있는 것은 제품이 인증받은 것을 여전히 쓰는지입니다: 증거 색인의 MFDS-QMS-004(또는
#       MFDS-QMS-004/<부분>)에 인증받은 `version`과 대상 `component`(의존성 이름)를 적은 구성요소 인증서 외부
#       기록이 있으면, samdscan은 그 구성요소에 대한 제품의 의존성이 인증받은 버전으로 고정되어 있는지와
#       인증서에 지나지 않은 만료일이 있는지를 확인합니다. 그런 기록이 없으면 이 기대사항은 통과가 아닌
#       "저장소로 확인 불가"입니다.
#     recommended_action: |
#       인증서와 그 범위는 품질관리시스템에 보관하고, 증거 색인의 MFDS-QMS-004에 외부 기록(system, document_id,
#       인증받은 version, approved, expires, component: 의존성 이름)으로 등록하여, 고정된 버전이 인증받은 버전과
#       같은지 매 스캔마다 확인되게 하십시오.
#     escalation: "등급과 무관하게 참고입니다: 제조자가 선택하는 인증 제도입니다."
#     applies: "인증받은 구성요소를 선언한 제품과 웰니스(WELLNESS) 제품."
#   id: MFDS-QMS-004
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   attestable: false
#   evidence: [evidence_index.entries, dependencies.direct?]
#   applies: Products declaring certified components, and WELLNESS products.
#   escalation: "A note at every grade and class: the manufacturer opts into the certification."
#   recommended_action: |
#     Keep certificates and their scope in the quality system; list each in the evidence index under
#     MFDS-QMS-004 as an external record (system, document_id, the certified version, approved,
#     expires, component: the dependency's name), so that every scan checks the pinned version
#     against the certified one.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", title: "Component performance evaluation"}
#     - {source: "Enforcement Rule of the Digital Medical Products Act, wellness amendment (effective 2026-01-01)"}
package samdscan.mfds.qms.performance_certification

import data.samdscan.lib.certificates
import rego.v1

id := "MFDS-QMS-004"

wellness if input.profile.regime == "WELLNESS"

declared := certificates.records(id)

applicable := false if {
	not wellness
	count(declared) == 0
}

not_applicable_because contains {"msg": "no certified component is declared (evidence index MFDS-QMS-004) and the product is not a WELLNESS product", "msg_ko": "인증받은 구성요소가 선언되지 않았고(증거 색인 MFDS-QMS-004) 웰니스 제품도 아닙니다"} if {
	not wellness
	count(declared) == 0
}

not_observable_because contains {
	"msg": "performance certification is granted outside the repository; list the certificate in the evidence index under MFDS-QMS-004 for samdscan to check the certified version and dates",
	"msg_ko": "성능인증은 저장소 밖에서 부여됩니다; samdscan이 인증받은 버전과 날짜를 확인하도록 인증서를 증거 색인의 MFDS-QMS-004에 등록하십시오",
} if count(declared) == 0

not_evaluated contains r if some r in certificates.invalid_reasons(id)

deny contains f if some f in certificates.date_findings(id)

dependencies := d if {
	d := input.dependencies.direct
	is_array(d)
} else := []

pins(name) := {dep.version |
	some dep in dependencies
	lower(dep.name) == lower(name)
	is_string(dep.version)
}

valid := {key: e.external | some key, e in declared; e.external.valid == true}

not_evaluated contains r if {
	some key, record in valid
	not is_string(object.get(record, "component", null))
	r := {
		"msg": sprintf("the evidence index record %s names no `component` (the dependency it certifies), so the pinned version is not compared", [key]),
		"msg_ko": sprintf("증거 색인 기록 %s에 `component`(인증 대상 의존성)가 없어 고정 버전을 비교하지 않았습니다", [key]),
	}
}

not_evaluated contains r if {
	some key, record in valid
	is_string(record.component)
	count(pins(record.component)) == 0
	r := {
		"msg": sprintf("%s (record %s) is not among the product's locked dependencies, so its pinned version is not compared", [record.component, key]),
		"msg_ko": sprintf("%s(기록 %s)이(가) 제품의 고정된 의존성에 없어 고정 버전을 비교하지 않았습니다", [record.component, key]),
	}
}

deny contains f if {
	some key, record in valid
	is_string(record.component)
	some pinned in pins(record.component)
	pinned != record.version
	f := object.union(certificates.at(key), {
		"msg": sprintf("%s is pinned at %s, but the certificate %s covers version %s", [record.component, pinned, record.document_id, record.version]),
		"msg_ko": sprintf("%s이(가) %s로 고정되어 있지만 인증서 %s은(는) 버전 %s을(를) 인정합니다", [record.component, pinned, record.document_id, record.version]),
		"key": sprintf("%s/version", [key]),
	})
}
