# METADATA
# title: Scan controls changed since the base
# description: |
#   With `--base`, a branch that adds or alters waivers, disables rules, overrides severities or
#   touches policy files changes what samdscan reports, not what the product is. Such changes are
#   legitimate but must be reviewed as quality decisions, so each one is reported, naming the
#   change, where reviewers will see it.
# custom:
#   ko:
#     title: "기준 대비 스캔 통제 설정의 변경"
#     description: |
#       `--base`를 쓸 때, 예외 승인을 추가하거나 바꾸고, 규칙을 비활성화하고, 수준을 재정의하거나 정책 파일을
#       건드리는 브랜치는 제품이 아니라 samdscan이 보고하는 내용을 바꿉니다. 그런 변경은 정당할 수 있지만 품질
#       결정으로 검토되어야 하므로, 각 변경을 검토자가 볼 수 있는 곳에 보고합니다.
#     recommended_action: |
#       품질 또는 인허가 책임자와 변경을 검토하십시오: 예외 승인에는 사유, 승인자, 만료일, 기록이 필요하고, 비활성화한
#       규칙이나 낮춘 수준에는 문서화된 근거가 필요합니다.
#     applies: "--base를 준 검사(풀 리퀘스트 비교)."
#   id: SAMDSCAN-005
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: tool
#   status: established
#   evidence: [history, history.control_changes?]
#   applies: Scans with --base.
#   recommended_action: |
#     Review the change with the quality or regulatory owner: a waiver needs a reason, an approver,
#     an expiry and a record; a disabled rule or lowered severity needs a documented rationale.
#   references:
#     - {source: "ISO 13485:2016", clause: "4.1.6", title: "Validation of computer software used in the quality management system"}
package samdscan.samdscan.control_changes

import rego.v1

applicable := false if not input.repository.base

not_applicable_because contains {"msg": "runs only with --base", "msg_ko": "--base와 함께 실행할 때만 적용됩니다"}

deny contains f if {
	some c in input.history.control_changes
	f := {
		"msg": sprintf("changed since the base: %s", [c.detail]),
		"msg_ko": sprintf("기준 이후 변경됨: %s", [c.detail]),
		"path": c.path,
		"line": c.line,
		"key": sprintf("%s|%s", [c.kind, c.subject]),
	}
}
