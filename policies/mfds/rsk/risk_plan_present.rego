# METADATA
# title: Risk management plan present
# description: |
#   ISO 14971 requires a risk management plan with the scope, responsibilities, criteria for risk acceptability, verification activities and the collection of production and post-production information. Without acceptability criteria no risk decision in the file can be checked.
# custom:
#   ko:
#     title: "위험관리계획서 존재"
#     description: |
#       ISO 14971은 범위, 책임, 위험 수용 기준, 검증 활동, 생산 및 생산 후 정보 수집을 담은 위험관리계획서를
#       요구합니다. 수용 기준이 없으면 위험관리 파일의 어떤 위험 판단도 확인할 수 없습니다.
#     recommended_action: |
#       위험관리계획서(예: `docs/risk/risk-management-plan.md` 또는 `위험관리계획서.md`)를
#       추가하여 범위, 수명주기 단계, 책임, 발생 가능성 x 심각도 수용 매트릭스, 검증 활동, 생산 후 정보 수집을
#       적으십시오.
#     applies: "항상."
#   id: MFDS-RSK-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_management_plan]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a risk management plan, e.g. `docs/risk/risk-management-plan.md`, with scope, life-cycle phases, responsibilities, a probability x severity acceptability matrix, verification activities and post-production information collection.
#   references:
#     - {source: "ISO 14971:2019", clause: "4.4", title: "Risk management plan"}
package samdscan.mfds.rsk.risk_plan_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("risk_management_plan")
	f := documents.missing_ko("risk_management_plan", "no risk management plan found (looked for names such as docs/risk/risk-management-plan.md; set evidence.risk_management_plan to point at yours)", "위험관리계획서가 없습니다(docs/risk/risk-management-plan.md 같은 이름을 확인함; 사용하는 문서는 evidence.risk_management_plan으로 지정하십시오)")
}
