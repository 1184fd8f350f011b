# METADATA
# title: Safety-critical changes come with a risk re-assessment
# description: |
#   A change to safety-critical software is analysed for its effect on risk before release
#   (IEC 62304 §7.4.1-7.4.3, §6.2.3). In the history scope, each commit that changes
#   `product.safety_critical_paths` needs a change to the risk files in the same range
#   (`docs/risk/**`, the risk plan, table or report) or a `Risk-Impact:` trailer saying what the
#   assessment concluded (`Risk-Impact: none`, `Risk-Impact: updated RSK-12`).
# custom:
#   ko:
#     title: "안전 필수 변경의 위험 재평가"
#     description: |
#       안전 필수 소프트웨어의 변경은 출시 전에 위험에 대한 영향이 분석되어야 합니다(IEC 62304
#       §7.4.1~7.4.3, §6.2.3). 이력 범위 안에서
#       `product.safety_critical_paths`를 바꾸는 각 커밋은 같은 범위의 위험관리 파일
#       변경(`docs/risk/**`, 위험관리 계획서, 위해요인 분석표 또는 보고서)이나 평가 결론을 적은
#       `Risk-Impact:` 트레일러(`Risk-Impact: none`, `Risk-Impact: updated
#       RSK-12`)를 필요로 합니다.
#     recommended_action: |
#       같은 릴리스 범위에서 위험 분석(docs/risk/)을 갱신하거나, 영향 평가 결과를 기록하는
#       `Risk-Impact:` 트레일러를 커밋에 추가하십시오.
#     applies: "safety_critical_paths(안전 핵심 경로)를 선언한 제품."
#   id: MFDS-RSK-003
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [history.commits, profile.safety_critical_paths]
#   applies: Products that declare safety_critical_paths.
#   recommended_action: |
#     Update the risk analysis (docs/risk/) in the same release range, or add a `Risk-Impact:`
#     trailer to the commit recording the outcome of the impact assessment.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "7.4", title: "Risk management of software changes"}
#     - {source: "ISO 14971:2019", clause: "10", title: "Production and post-production activities"}
package samdscan.mfds.rsk.change_risk_reassessment

import data.samdscan.lib.history
import data.samdscan.lib.profile
import rego.v1

applicable := false if not safety_paths_declared

safety_paths_declared if {
	paths := input.profile.safety_critical_paths
	is_array(paths)
	count(paths) > 0
}

not_applicable_because contains {"msg": "no product.safety_critical_paths are declared", "msg_ko": "product.safety_critical_paths가 선언되지 않았습니다"}

not_evaluated contains r if some r in history.unusable

deny contains f if {
	not history.range_touches("risk")
	some c in history.commits
	history.own_changes(c)
	history.touches(c, "safety_critical")
	not history.has_trailer(c, "Risk-Impact")
	f := {
		"msg": sprintf("commit %s changes safety-critical code, but the range has no change to the risk files and the commit no Risk-Impact: trailer", [history.label(c)]),
		"msg_ko": sprintf("커밋 %s이(가) 안전 필수 코드를 변경하지만 범위 안에 위험관리 파일의 변경이 없고 커밋에 Risk-Impact: 트레일러도 없습니다", [history.label(c)]),
		"path": history.path_in(c, "safety_critical"),
		"key": sprintf("commit|%s", [c.id]),
	}
}

