# METADATA
# title: Risk management plan present
# description: |
#   ISO 14971 requires a risk management plan with the scope, responsibilities, criteria for risk acceptability, verification activities and the collection of production and post-production information. Without acceptability criteria no risk decision in the file can be checked.
# custom:
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
#     - {source: ISO 14971:2019, clause: "4.4 Risk management plan"}
package samdscan.mfds.rsk.risk_plan_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("risk_management_plan")
	f := documents.missing("risk_management_plan", "no risk management plan found (looked for names such as docs/risk/risk-management-plan.md; set evidence.risk_management_plan to point at yours)")
}
