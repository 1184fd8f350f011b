# METADATA
# title: IEC 62304 safety class declared for every software system
# description: |
#   IEC 62304 assigns each software system a safety class (A, B or C) by the harm its failure could
#   contribute to. The class decides which of more than thirty IEC 62304 clauses apply, so it must be
#   declared for every software system. There is no normative mapping from the Korean grade to the
#   class; samdscan flags combinations that usually need a written rationale (grade 4 or an AI
#   device of grade 3 or more with a class A system).
# custom:
#   ko:
#     title: "모든 소프트웨어 시스템의 소프트웨어 안전성 등급(IEC 62304) 선언"
#     description: |
#       IEC 62304는 각 소프트웨어 시스템에 고장이 초래할 수 있는 위해에 따라 소프트웨어 안전성 등급(A, B,
#       C)을 부여합니다. 등급은 30개가 넘는 IEC 62304 조항 중 무엇이 적용되는지 정하므로 모든 소프트웨어
#       시스템에 선언되어야 합니다. 식약처 등급과 안전성 등급 사이에 규범적 대응 관계는 없으며, samdscan은 대개
#       서면 근거가 필요한 조합(4등급이거나 3등급 이상 AI 의료기기에 등급 A 시스템)을 알립니다.
#     recommended_action: |
#       `product.software_systems`의 모든 항목에 A, B, C 중 하나의 `safety_class`를
#       부여하고, 그 근거를 위험관리 파일에 기록하십시오(`safety_class_rationale_ref`).
#     applies: "제품 프로필에 소프트웨어 시스템을 선언한 모든 제품."
#     escalation: "안전성 등급이 없거나 잘못되면 오류, 근거 없이 등급과 소프트웨어 안전성 등급이 맞지 않으면 경고입니다."
#   id: MFDS-GEN-003
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: all
#   status: established
#   evidence: [profile]
#   presence: true
#   applies: Any product whose profile declares software systems.
#   escalation: A missing or invalid class is an error; a grade/class inconsistency without a rationale is a warning.
#   recommended_action: |
#     Give every entry of `product.software_systems` a `safety_class` of A, B or C, recorded with its
#     rationale in the risk management file (`safety_class_rationale_ref`).
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "4.3", title: "Software safety classification"}
#     - {source: "MFDS medical device software approval/review guideline (안내서-0612-04, 2023-07-05)"}
package samdscan.mfds.gen.safety_class_declared

import data.samdscan.lib.profile
import rego.v1

not_evaluated contains {"msg": "no product profile or no software systems declared (see MFDS-GEN-001)", "msg_ko": "제품 프로필이 없거나 소프트웨어 시스템이 선언되지 않았습니다(MFDS-GEN-001 참조)"} if {
	count(profile.systems) == 0
}

# A rule of its own, so that a system without `safety_class` is reported under OPA as well.
valid_class(s) if s.safety_class in {"A", "B", "C"}

at(i) := {"path": input.config.path, "line": profile.config_line(sprintf("product.software_systems[%d]", [i]))}

name(i, s) := object.get(s, "name", sprintf("#%d", [i + 1]))

deny contains f if {
	some i, s in profile.systems
	not valid_class(s)
	f := object.union(at(i), {
		"msg": sprintf("software system %v declares no valid IEC 62304 safety class (A, B or C); found %v", [name(i, s), found_class(s)]),
		"msg_ko": sprintf("소프트웨어 시스템 %v에 유효한 IEC 62304 소프트웨어 안전성 등급(A, B, C)이 없습니다; 현재 값 %v", [name(i, s), found_class_ko(s)]),
		"key": sprintf("class|%v", [name(i, s)]),
	})
}

deny contains f if {
	some i, s in profile.systems
	s.safety_class == "A"
	needs_rationale
	not s.safety_class_rationale_ref
	f := object.union(at(i), {
		"msg": sprintf("software system %v is class A in a %v product; record why (safety_class_rationale_ref) or reconsider the class", [name(i, s), context]),
		"msg_ko": sprintf("소프트웨어 시스템 %v이(가) %v 제품에서 등급 A입니다; 근거를 기록하거나(safety_class_rationale_ref) 등급을 재검토하십시오", [name(i, s), context_ko]),
		"key": sprintf("class-rationale|%v", [name(i, s)]),
		"level": "warning",
	})
}

needs_rationale if profile.grade == 4

needs_rationale if {
	profile.ai_enabled
	profile.grade >= 3
}

context := "grade 4" if profile.grade == 4 else := sprintf("grade %v AI", [profile.grade])

found_class(s) := sprintf("`%v`", [s.safety_class]) if {
	s.safety_class != null
} else := "none"

found_class_ko(s) := found_class(s) if s.safety_class != null else := "없음"

context_ko := "4등급" if profile.grade == 4 else := sprintf("%v등급 AI", [profile.grade])
