# METADATA
# title: FDA §524B cyber-device package
# description: |
#   A connected device marketed in the US is a "cyber device" under section 524B of the FD&C Act:
#   its premarket submission carries a plan to monitor and address postmarket vulnerabilities
#   (with coordinated disclosure), evidence of a secure product development framework, and an
#   SBOM. Most of that package is what the MFDS cybersecurity rules already check, so this rule
#   reads their outcomes in this scan: the SBOM and its elements (MFDS-CYB-001, CYB-002), the
#   release vulnerability assessment (CYB-004), the monitoring and patch plan (CYB-005), the
#   disclosure policy (CYB-006), the threat model (CYB-007) and the security architecture views
#   (CYB-008) must all pass. It also asks for the FDA documentation level the submission follows
#   (`product.documentation_level`: basic or enhanced), which must be enhanced when a software
#   system is of safety class C. The outcomes are those before waivers: a waived finding of one
#   of those rules still leaves the package incomplete.
# custom:
#   ko:
#     title: "FDA §524B 사이버 기기 제출 자료"
#     description: |
#       미국에 판매하는 네트워크 연결 기기는 FD&C법 제524B조의 "사이버 기기"이며, 시판 전 제출 자료에 시판 후
#       취약점을 모니터링하고 처리하는 계획(조정된 공개 포함), 안전한 제품 개발 체계의 증거, SBOM이 들어갑니다.
#       이 자료의 대부분은 식약처 사이버보안 규칙이 이미 확인하는 것이므로, 이 규칙은 이번 스캔에서 그 규칙들의
#       결과를 읽습니다: SBOM과 그 최소 요소(MFDS-CYB-001, CYB-002), 출시 취약점 평가(CYB-004), 모니터링·패치
#       계획(CYB-005), 취약점 공개 정책(CYB-006), 위협 모델(CYB-007), 보안 아키텍처 관점(CYB-008)이 모두
#       통과해야 합니다. 또한 제출이 따르는 FDA 문서화 수준(`product.documentation_level`: basic 또는
#       enhanced)을 요구하며, 안전 등급 C인 소프트웨어 시스템이 있으면 enhanced여야 합니다. 결과는 예외 처리
#       전의 것입니다: 예외 처리된 발견 사항도 제출 자료가 불완전함을 뜻합니다.
#     recommended_action: |
#       실패한 사이버보안 규칙의 발견 사항을 해결하고, `.samdscan.yaml`의 `product.documentation_level`에
#       FDA 문서화 수준(basic 또는 enhanced; 안전 등급 C 시스템이 있으면 enhanced)을 적으십시오.
#     applies: "미국에 판매하며(markets에 US 포함) 네트워크에 연결되는 제품."
#     escalation: "미국에 판매하는 연결 제품에서 경고입니다: 미국 제출을 위한 항목입니다."
#   id: MFDS-INT-003
#   severity: warning
#   escalation: "Warning for connected products marketed in the US: it serves the US submission."
#   precision: high
#   since: 0.1.0
#   pillar: P4
#   status: anticipated
#   evidence: [profile]
#   outcomes: [MFDS-CYB-001, MFDS-CYB-002, MFDS-CYB-004, MFDS-CYB-005, MFDS-CYB-006, MFDS-CYB-007, MFDS-CYB-008]
#   applies: Connected products marketed in the US (markets contains US).
#   recommended_action: |
#     Fix the findings of the failing cybersecurity rules, and declare the FDA documentation level in
#     `.samdscan.yaml` as `product.documentation_level` (basic or enhanced; enhanced when a software
#     system is of safety class C).
#   references:
#     - {source: "FD&C Act (21 U.S.C. 360n-2 for §524B), as amended by the Consolidated Appropriations Act, 2023", clause: "§524B(b)", title: "Cyber device requirements"}
#     - {source: "FDA Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2026-02-03)", clause: "VI", title: "SBOM"}
#     - {source: "FDA Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2026-02-03)", clause: "VII", title: "Cybersecurity transparency"}
#     - {source: "FDA Content of Premarket Submissions for Device Software Functions (2023-06-14)", clause: "IV", title: "Documentation level"}
package samdscan.mfds.int.fda_cyber_device

import data.samdscan.lib.profile
import rego.v1

# The rules whose outcomes make up the package, with their subject.
package_rules := {
	"MFDS-CYB-001": {"en": "an SBOM", "ko": "SBOM"},
	"MFDS-CYB-002": {"en": "the SBOM's minimum elements", "ko": "SBOM 최소 요소"},
	"MFDS-CYB-004": {"en": "the release vulnerability assessment", "ko": "출시 취약점 평가"},
	"MFDS-CYB-005": {"en": "the vulnerability monitoring and patch plan", "ko": "취약점 모니터링·패치 계획"},
	"MFDS-CYB-006": {"en": "the coordinated disclosure policy", "ko": "취약점 공개 정책"},
	"MFDS-CYB-007": {"en": "the threat model", "ko": "위협 모델"},
	"MFDS-CYB-008": {"en": "the security architecture views", "ko": "보안 아키텍처 관점"},
}

us if {
	markets := input.profile.markets
	is_array(markets)
	"US" in markets
}

in_scope if {
	us
	profile.connected
}

applicable := false if not in_scope

not_applicable_because contains {"msg": "the profile does not declare the US among the markets", "msg_ko": "제품 프로필의 시장(markets)에 US가 없습니다"} if not us

not_applicable_because contains {"msg": "the product is not declared connected", "msg_ko": "제품이 네트워크 연결 제품으로 선언되지 않았습니다"} if {
	us
	not profile.connected
}

# Read once: indexing `data` itself by a variable makes regorus look through every module.
outcomes := data.samdscan.outcomes

outcome(id) := outcomes[id]

not_evaluated contains r if {
	in_scope
	some id, _ in package_rules
	not outcome(id)
	r := {
		"msg": sprintf("%s was not evaluated in this scan (disabled?), so the §524B package cannot be judged", [id]),
		"msg_ko": sprintf("이번 스캔에서 %s이(가) 평가되지 않아(비활성화?) §524B 제출 자료를 판단할 수 없습니다", [id]),
	}
}

not_evaluated contains r if {
	in_scope
	some id, _ in package_rules
	outcome(id).state == "not_evaluated"
	r := {
		"msg": sprintf("%s could not be evaluated (see its reasons), so the §524B package is not judged", [id]),
		"msg_ko": sprintf("%s을(를) 평가할 수 없어(그 규칙의 사유 참조) §524B 제출 자료를 판단하지 않았습니다", [id]),
	}
}

failing := sort([id | some id, _ in package_rules; outcome(id).state == "failed"])

deny contains f if {
	in_scope
	some id in failing
	what := package_rules[id]
	f := {
		"msg": sprintf("the §524B cyber-device package needs %s: %s failed with %d finding(s)", [what.en, id, outcome(id).findings]),
		"msg_ko": sprintf("§524B 사이버 기기 제출 자료에 %s이(가) 필요합니다: %s이(가) 발견 사항 %d건으로 실패했습니다", [what.ko, id, outcome(id).findings]),
		"path": object.get(input.config, "path", null),
		"line": profile.config_line("product.markets"),
		"key": id,
	}
}

level := input.profile.documentation_level

deny contains f if {
	in_scope
	not level in {"basic", "enhanced"}
	f := {
		"msg": "the FDA documentation level of the premarket submission is not declared: set product.documentation_level to basic or enhanced",
		"msg_ko": "시판 전 제출의 FDA 문서화 수준이 선언되지 않았습니다: product.documentation_level을 basic 또는 enhanced로 적으십시오",
		"path": object.get(input.config, "path", null),
		"line": profile.config_line("product.markets"),
		"key": "documentation_level",
	}
}

deny contains f if {
	in_scope
	level == "basic"
	"C" in profile.classes
	f := {
		"msg": "product.documentation_level is basic, but a software system is of safety class C: the FDA expects enhanced documentation",
		"msg_ko": "product.documentation_level이 basic이지만 안전 등급 C인 소프트웨어 시스템이 있습니다: FDA는 enhanced 문서화를 요구합니다",
		"path": object.get(input.config, "path", null),
		"line": profile.config_line("product.documentation_level"),
		"key": "documentation_level",
	}
}
