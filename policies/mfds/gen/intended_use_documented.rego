# METADATA
# title: Intended use documented
# description: |
#   Risk analysis (ISO 14971 §5.2), the use specification (IEC 62366-1 §5.1), the MFDS grade and
#   the labeling all hang off the intended use: the intended purpose and indications, the patient
#   population, the intended users, the use environment, and contraindications or limitations. A
#   change to it is a "software upgrade" under the MFDS change rules. samdscan finds the document by
#   name, by title, or through `product.intended_use_ref`, and looks for those parts by heading.
# custom:
#   id: MFDS-GEN-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.intended_use, profile.intended_use_ref, evidence_index.entries]
#   presence: true
#   applies: Always.
#   recommended_action: |
#     Add `docs/intended-use.md` (or `사용목적`) with sections for intended purpose / indications,
#     patient population, intended users, use environment and contraindications / limitations, and
#     set `product.intended_use_ref` to it.
#   references:
#     - {source: ISO 14971:2019, clause: "5.2 Intended use and reasonably foreseeable misuse"}
#     - {source: IEC 62366-1:2015, clause: "5.1 Use specification"}
package samdscan.mfds.gen.intended_use_documented

import data.samdscan.lib.documents
import rego.v1

docs := documents.for_rule("intended_use", "MFDS-GEN-002")

parts := {
	"intended purpose / indications": ["intended purpose", "intended use", "indication", "사용목적", "사용 목적", "적응증"],
	"patient population": ["patient", "population", "환자", "대상"],
	"intended users": ["user", "operator", "사용자"],
	"use environment": ["environment", "setting", "환경"],
	"contraindications / limitations": ["contraindication", "limitation", "precaution", "금기", "제한", "한계"],
}

deny contains f if {
	count(docs) == 0
	f := documents.missing("intended_use", "no intended use document found (looked for names such as docs/intended-use.md, titles like \"Intended Use\" / \"사용목적\", and product.intended_use_ref)")
}

deny contains f if {
	count(docs) > 0
	missing := documents.missing_parts(docs, parts)
	count(missing) > 0
	f := {"msg": sprintf("the intended use document has no section on %s", [concat(", ", missing)]), "path": docs[0].path, "key": "parts"}
}
