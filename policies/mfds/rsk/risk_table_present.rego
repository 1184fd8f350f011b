# METADATA
# title: Hazard analysis / risk table present
# description: |
#   The hazard analysis or risk table (ISO 14971 §5-7, IEC 62304 §7.1) lists hazards, hazardous situations, harms, severity and probability, risk controls and residual risk, including software and SOUP causes. It is the core of the risk management file that MFDS and KGMP audits review.
# custom:
#   id: MFDS-RSK-002
#   severity: error
#   pillar: P1
#   status: established
#   evidence: [documents.risk_table]
#   applies: Always.
#   recommended_action: |
#     Add a risk table, e.g. `docs/risk/risk-table.csv` or `.yaml`, with columns id, hazard, hazardous situation, harm, severity, probability, risk control ids, residual risk and verification reference.
#   references:
#     - {source: ISO 14971:2019, clause: "5.4-5.5 Hazard identification and risk estimation; 7 Risk control"}
package samdscan.mfds.rsk.risk_table_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("risk_table")
	f := object.union(documents.missing_anchor("risk_table"), {
		"msg": "no risk table or hazard analysis found (looked for names such as docs/risk/risk-table.csv; set evidence.risk_table to point at yours)",
		"key": "missing",
	})
}
