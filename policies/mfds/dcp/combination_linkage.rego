# METADATA
# title: Digital convergence medicine linkage (디지털융합의약품)
# description: |
#   A drug + digital combination product (디지털융합의약품) ties software functions such as dosing,
#   adherence or titration logic to the drug's labeling. The integrated review pathway is only
#   announced, so samdscan asks for a linkage document that maps those functions to the drug
#   label sections, when the profile declares a combination product.
# custom:
#   id: MFDS-DCP-001
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P3
#   status: anticipated
#   evidence: [documents.combination_product, profile.combination_product, evidence_index.entries]
#   presence: true
#   applies: Combination products (product.combination_product).
#   recommended_action: |
#     Add `docs/combination/` with a document mapping each software function that affects the drug's
#     use (dosing, adherence, titration) to the drug label sections it depends on.
#   references:
#     - {source: Digital Medical Products Act, clause: "digital convergence medicine provisions"}
#     - {source: MFDS First Comprehensive Plan for Digital Medical Product Safety Management (2026), clause: "Pillar 3"}
package samdscan.mfds.dcp.combination_linkage

import data.samdscan.lib.documents
import rego.v1

combination if input.profile.combination_product == true

applicable := false if not combination

not_applicable_because contains "the profile does not declare a combination product" if not combination

deny contains f if {
	count(documents.for_rule("combination_product", "MFDS-DCP-001")) == 0
	f := documents.missing("combination_product", "no drug + digital linkage document found (looked under docs/combination/ and for titles like \"Combination Product\" / \"디지털융합의약품\")")
}
