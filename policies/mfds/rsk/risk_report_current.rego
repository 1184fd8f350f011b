# METADATA
# title: Risk management report current for the latest release
# description: |
#   ISO 14971 §8 and §9 require the overall residual risk to be evaluated and the risk management process to be reviewed before commercial release, and the result recorded in a risk management report. samdscan requires a risk management report and, where git history is available, that the report was updated for the latest release: it states that release's version (or a later one), or it was changed (or dated) on or after the latest release tag. Without git history the comparison is not evaluated.
# custom:
#   ko:
#     title: "최신 릴리스에 대한 위험관리 보고서"
#     description: |
#       ISO 14971 §8·§9는 상업적 출시 전에 전체 잔여 위험을 평가하고 위험관리 프로세스를 검토하여 그 결과를
#       위험관리 보고서에 기록하도록 요구합니다. samdscan은 위험관리 보고서를 요구하며, git 이력이 있으면
#       보고서가 최신 릴리스에 맞게 갱신되었는지 봅니다: 그 릴리스의 버전(또는 이후 버전)을 적었거나, 최신 릴리스 태그
#       이후에 바뀌었거나(또는 날짜가 적혔거나). git 이력이 없으면 비교는 평가되지 않습니다.
#     recommended_action: |
#       위험관리 보고서(예: `docs/risk/risk-management-report.md`)에 `Version:`과
#       `Date:` 필드와 검토 결론(전체 잔여 위험 수용 가능, 계획 이행, 생산 및 생산 후 방법 마련)을 적고,
#       태그를 달기 전에 릴리스마다 갱신하십시오.
#     applies: "항상."
#   id: MFDS-RSK-004
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_management_report, risks.currency]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a risk management report, e.g. `docs/risk/risk-management-report.md`, with `Version:` and `Date:` fields and the review's conclusions (overall residual risk acceptable, plan implemented, production and post-production methods in place), and update it for every release before tagging.
#   references:
#     - {source: "ISO 14971:2019", clause: "8", title: "Evaluation of overall residual risk"}
#     - {source: "ISO 14971:2019", clause: "9", title: "Risk management review"}
package samdscan.mfds.rsk.risk_report_current

import data.samdscan.lib.documents
import rego.v1

currency := object.get(input, ["risks", "currency"], {})

deny contains f if {
	not documents.present("risk_management_report")
	f := documents.missing_ko("risk_management_report", "no risk management report found (looked for names such as docs/risk/risk-management-report.md; set evidence.risk_management_report to point at yours)", "위험관리 보고서가 없습니다(docs/risk/risk-management-report.md 같은 이름을 확인함; 사용하는 문서는 evidence.risk_management_report로 지정하십시오)")
}

not_evaluated contains {"msg": "no git history: whether the risk management report is older than the latest release tag could not be checked", "msg_ko": "git 이력이 없어 위험관리 보고서가 최신 릴리스 태그보다 오래되었는지 확인할 수 없었습니다"} if {
	documents.present("risk_management_report")
	not currency.history
}

# Numeric dotted versions: a at or after b.
version_parts(v) := [to_number(p) | some p in split(v, ".")]

version_at_least(a, b) if {
	is_string(a)
	is_string(b)
	regex.match(`^\d+(\.\d+)*$`, a)
	regex.match(`^\d+(\.\d+)*$`, b)
	pa := version_parts(a)
	pb := version_parts(b)
	count(pa) == count(pb)
	pa >= pb
}

report_date(r) := max({d | some d in [r.last_changed, r.stated_date]; is_string(d)})

current(r, release) if version_at_least(r.stated_version, release.version)

current(r, release) if report_date(r) >= release.date

deny contains f if {
	release := currency.latest_release
	is_object(release)
	some r in currency.reports
	not current(r, release)
	f := {
		"msg": sprintf("risk management report %s was last changed %s and states version %v, but the latest release tag %s is dated %s: review the report for that release", [r.path, object.get(r, "last_changed", "never"), object.get(r, "stated_version", "none"), release.tag, release.date]),
		"msg_ko": sprintf("위험관리 보고서 %s은(는) %s에 마지막으로 바뀌었고 버전 %v을(를) 적지만, 최신 릴리스 태그 %s의 날짜는 %s입니다: 그 릴리스에 대해 보고서를 검토하십시오", [r.path, object.get(r, "last_changed", "없음"), object.get(r, "stated_version", "없음"), release.tag, release.date]),
		"path": r.path,
		"key": sprintf("stale|%s", [r.path]),
	}
}
