# METADATA
# title: Regulatory product profile declared and valid
# description: |
#   The product profile (`product:` in .samdscan.yaml) states the facts every other rule depends on:
#   the regulatory regime (DMPA, MDA or WELLNESS), the MFDS grade (1-4), the market-entry route,
#   the digital medical device type, and the software systems with the paths they cover. Without a
#   valid profile, samdscan cannot tell which MFDS expectations apply or how strictly.
# custom:
#   ko:
#     title: "규제 제품 정보(프로파일) 선언 및 유효성"
#     description: |
#       제품 정보(.samdscan.yaml의 `product:`)는 다른 모든 규칙이 의존하는 사실을 적습니다: 규제
#       체계(DMPA 디지털의료기기, MDA 의료기기, WELLNESS 디지털의료·건강지원기기), 식약처 등급(1~4),
#       시장 진입 경로(허가·인증·신고), 디지털의료기기 유형, 소프트웨어 시스템과 그 경로. 유효한 프로파일이 없으면
#       samdscan은 어떤 식약처 기대사항이 어떤 엄격도로 적용되는지 알 수 없습니다.
#     recommended_action: |
#       .samdscan.yaml에 `regime`, `grade`, `route`, `dmd_type`,
#       `software_systems`(각각 `name`, `paths`, `safety_class`)를 가진
#       `product:` 절을 추가하고, 디지털의료제품법 제품은 7자리 `product_code`도 적으십시오.
#     applies: "항상."
#   id: MFDS-GEN-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: all
#   status: established
#   evidence: [profile, config]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a `product:` section to .samdscan.yaml with `regime`, `grade`, `route`, `dmd_type` and
#     `software_systems` (each with `name`, `paths` and `safety_class`); for DMPA products also the
#     7-character `product_code`.
#   references:
#     - {source: "Digital Medical Products Act (Act No. 20139, 2024-01-23)", clause: "Art. 3", title: "Classification and grades"}
#     - {source: "Enforcement Rule of the Digital Medical Products Act (2025-01-24)", clause: "Art. 3 and Annex 1", title: "Classification and grades"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "4.3", title: "Software safety classification"}
package samdscan.mfds.gen.profile_declared

import data.samdscan.lib.profile
import rego.v1

regimes := {"DMPA", "MDA", "WELLNESS"}

routes := {"notification", "certification", "approval"}

dmd_types := {"standalone", "embedded", "hardware"}

at(key) := {"path": input.config.path, "line": profile.config_line(key)}

deny contains f if {
	not profile.declared
	f := object.union(at("product"), {
		"msg": "no product profile: add a `product:` section (regime, grade, route, software systems) to .samdscan.yaml",
		"msg_ko": "제품 정보가 없습니다: .samdscan.yaml에 `product:` 절(`regime`, `grade`, `route`, `software_systems`)을 추가하십시오",
		"key": "profile-missing",
	})
}

deny contains f if {
	profile.declared
	not known_regime
	f := object.union(at("product.regime"), {
		"msg": sprintf("product.regime is %v; expected one of DMPA, MDA, WELLNESS", [describe(input.profile, "regime")]),
		"msg_ko": sprintf("product.regime이 %v입니다; DMPA, MDA, WELLNESS 중 하나여야 합니다", [describe(input.profile, "regime")]),
		"key": "regime",
	})
}

deny contains f if {
	profile.declared
	not valid_grade
	f := object.union(at("product.grade"), {
		"msg": sprintf("product.grade is %v; expected an MFDS grade from 1 to 4", [describe(input.profile, "grade")]),
		"msg_ko": sprintf("product.grade가 %v입니다; 식약처 등급 1~4여야 합니다", [describe(input.profile, "grade")]),
		"key": "grade",
	})
}

valid_grade if profile.grade in {1, 2, 3, 4}

deny contains f if {
	profile.declared
	some field, allowed in {"route": routes, "dmd_type": dmd_types}
	value := input.profile[field]
	not value in allowed
	f := object.union(at(sprintf("product.%s", [field])), {
		"msg": sprintf("product.%s is %v; expected one of %v", [field, value, sort([x | some x in allowed])]),
		"msg_ko": sprintf("product.%s이(가) %v입니다; %v 중 하나여야 합니다", [field, value, sort([x | some x in allowed])]),
		"key": field,
	})
}

deny contains f if {
	profile.declared
	count(profile.systems) == 0
	f := object.union(at("product"), {
		"msg": "the profile declares no software_systems: name each software system with the paths it covers",
		"msg_ko": "프로파일에 software_systems가 없습니다: 각 소프트웨어 시스템의 이름과 경로를 적으십시오",
		"key": "software-systems",
	})
}

deny contains f if {
	some i, s in profile.systems
	s.matched_files == 0
	f := object.union(at(sprintf("product.software_systems[%d]", [i])), {
		"msg": sprintf("software system %v: its paths %v match no file in the repository", [object.get(s, "name", i), object.get(s, "paths", [])]),
		"msg_ko": sprintf("소프트웨어 시스템 %v: 경로 %v에 맞는 파일이 저장소에 없습니다", [object.get(s, "name", i), object.get(s, "paths", [])]),
		"key": sprintf("system-paths|%v", [object.get(s, "name", i)]),
	})
}

deny contains f if {
	profile.dmpa
	not valid_product_code
	f := object.union(at("product.product_code"), {
		"msg": sprintf("product.product_code is %v; DMPA products need the 7-character MFDS product code", [describe(input.profile, "product_code")]),
		"msg_ko": sprintf("product.product_code가 %v입니다; 디지털의료제품법 제품은 7자리 식약처 제품코드가 필요합니다", [describe(input.profile, "product_code")]),
		"key": "product-code",
	})
}

valid_product_code if {
	code := input.profile.product_code
	is_string(code)
	regex.match(`^[A-Z0-9]{7}$`, code)
}

describe(obj, field) := sprintf("`%v`", [obj[field]]) if {
	obj[field] != null
} else := "missing"

# A missing regime is reported under OPA too (`not input.profile.regime in regimes` is undefined there).
known_regime if input.profile.regime in regimes
