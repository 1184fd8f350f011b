# METADATA
# title: Software development plan present
# description: |
#   A software development plan (IEC 62304 §5.1) describes the life-cycle model, deliverables, verification, risk management, configuration management and maintenance planning for the software. MFDS software submissions expect an SDP outline.
# custom:
#   id: MFDS-SWL-001
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.software_development_plan]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add a software development plan, e.g. `docs/sdlc/software-development-plan.md`, covering the life-cycle model, deliverables, verification planning, risk management planning, configuration management, and maintenance planning (IEC 62304 §5.1, §6.1).
#   references:
#     - {source: IEC 62304:2006+A1:2015, clause: "5.1 Software development planning; 6.1 Software maintenance plan"}
package samdscan.mfds.swl.development_plan_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("software_development_plan")
	f := documents.missing("software_development_plan", "no software development plan found (looked for names such as docs/sdlc/software-development-plan.md; set evidence.software_development_plan to point at yours)")
}
