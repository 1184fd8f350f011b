# METADATA
# title: Cross-jurisdiction evidence mapping
# description: |
#   A product sold in more than one market is reviewed against each market's regulation, and the
#   same repository evidence answers all of them. A crosswalk (`regulatory/crosswalk.yaml`) maps
#   each MFDS expectation to the clauses of the other markets' regulations that ask for the same
#   evidence (FDA, EU MDR / AI Act, IMDRF, ...), so that a reviewer in any market finds it. The
#   rule reads which expectations apply to this product from the other rules' outcomes in this
#   scan (every rule that is not "not applicable"), and asks the crosswalk to map each of them
#   for every market the profile declares besides Korea.
# custom:
#   ko:
#     title: "국가 간 증거 대응표"
#     description: |
#       여러 시장에 판매하는 제품은 시장마다 그 나라 규정으로 심사를 받으며, 같은 저장소 증거가 모든 심사에
#       답합니다. 대응표(`regulatory/crosswalk.yaml`)는 식약처 기대사항마다 같은 증거를 요구하는 다른 시장
#       규정의 조항(FDA, EU MDR / AI법, IMDRF 등)을 연결하여, 어느 시장의 심사자든 증거를 찾을 수 있게 합니다.
#       이 규칙은 이번 스캔의 다른 규칙 결과에서 이 제품에 적용되는 기대사항("적용 대상 아님"이 아닌 모든 규칙)을
#       읽고, 프로필이 선언한 한국 외의 모든 시장에 대해 대응표가 각 기대사항을 연결하는지 확인합니다.
#     recommended_action: |
#       `regulatory/crosswalk.yaml`에 적용되는 기대사항 id마다 선언한 각 시장(US, EU 등)의 해당 조항 목록을
#       적으십시오(예: `MFDS-CYB-001: {US: ["FDA 시판 전 사이버보안 지침 §VI.A"], EU: ["MDR 부속서 I §17.4"]}`).
#     applies: "둘 이상의 시장에 판매하는 제품(markets에 둘 이상)."
#     escalation: "등급과 무관하게 참고입니다: 국제 조화를 돕는 자료이며 이런 대응표를 둘 의무는 없습니다."
#   id: MFDS-INT-001
#   severity: note
#   escalation: "A note at every grade and class: a harmonisation aid; there is no obligation to keep such a matrix."
#   precision: high
#   since: 0.1.0
#   pillar: P4
#   status: anticipated
#   evidence: [crosswalk.files, profile]
#   outcomes: ["*"]
#   presence: true
#   applies: Products marketed in more than one market (markets lists two or more).
#   recommended_action: |
#     In `regulatory/crosswalk.yaml`, map each applicable expectation id to the clauses of each
#     declared market besides Korea, e.g. `MFDS-CYB-001: {US: ["FDA premarket cybersecurity guidance
#     §VI.A"], EU: ["MDR Annex I §17.4"]}`.
#   references:
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", clause: "Pillar 4", title: "International regulatory cooperation and standardisation"}
#     - {source: "IMDRF/CYBER WG/N60FINAL:2020 (MFDS Korean edition 2023-11)", title: "Principles and practices for medical device cybersecurity"}
package samdscan.mfds.int.crosswalk

import data.samdscan.lib.profile
import rego.v1

markets := m if {
	m := input.profile.markets
	is_array(m)
} else := []

# The markets the crosswalk must cover: every declared one but Korea, whose expectations these are.
others := sort([upper(m) | some m in markets; is_string(m); upper(m) != "KR"])

applicable := false if count(markets) < 2

not_applicable_because contains {"msg": "the profile declares fewer than two markets", "msg_ko": "제품 프로필이 선언한 시장이 둘 미만입니다"} if count(markets) < 2

files := [f | some f in input.crosswalk.files; f.parsed]

# Expectation ids that apply to this product: the MFDS rules of this scan that are not ruled out.
expected contains id if {
	some id, o in data.samdscan.outcomes
	startswith(id, "MFDS-")
	o.state != "not_applicable"
}

entry(id) := e if {
	some f in files
	e := f.ids[id]
}

entry_or_empty(id) := entry(id) if entry(id) else := {}

# The declared markets an expectation has no clause for (all of them without an entry).
unmapped(id) := sort([m | some m in others; count(object.get(object.get(entry_or_empty(id), "markets", {}), m, [])) == 0])

deny contains f if {
	count(markets) >= 2
	count(files) == 0
	f := {
		"msg": sprintf("no crosswalk maps the expectations to the clauses of the other markets (%s): add regulatory/crosswalk.yaml", [concat(", ", others)]),
		"msg_ko": sprintf("기대사항을 다른 시장(%s)의 조항에 연결하는 대응표가 없습니다: regulatory/crosswalk.yaml을 추가하십시오", [concat(", ", others)]),
		"path": object.get(input.config, "path", null),
		"line": profile.config_line("product.markets"),
		"key": "missing",
	}
}

deny contains f if {
	count(markets) >= 2
	count(files) > 0
	some id in expected
	gaps := unmapped(id)
	count(gaps) > 0
	f := {
		"msg": sprintf("the crosswalk does not map %s for %s", [id, concat(", ", gaps)]),
		"msg_ko": sprintf("대응표가 %s을(를) %s에 대해 연결하지 않습니다", [id, concat(", ", gaps)]),
		"path": files[0].path,
		"line": object.get(entry_or_empty(id), "line", 1),
		"key": id,
	}
}


deny contains f if {
	count(markets) >= 2
	some file in files
	some id, e in file.ids
	some problem in e.problems
	f := {
		"msg": sprintf("%s: %s: %s", [file.path, id, problem]),
		"msg_ko": sprintf("%s: %s의 대응 형식이 잘못되었습니다: %s", [file.path, id, problem]),
		"path": file.path,
		"line": e.line,
		"key": sprintf("%s/%s", [id, problem]),
	}
}
