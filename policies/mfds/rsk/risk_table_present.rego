# METADATA
# title: Hazard analysis / risk table with required fields
# description: |
#   The hazard analysis or risk table (ISO 14971 §5-7, IEC 62304 §7.1) lists hazards, hazardous situations, harms, severity and probability, risk controls and residual risk, including software and SOUP causes. It is the core of the risk management file that MFDS and KGMP audits review. samdscan reads the table (CSV, YAML, Markdown tables, risks written one section each as `key: value` lines, or risk records one per file with front matter; FMEA layouts in English and Korean are matched loosely) and checks that it has the required fields, that severity and probability are on the plan's scales (a severity/probability level table in the risk management plan, else `verification.risk_scales`, else the common five-level scales), and that every risk that is unacceptable before control (severity rank x probability rank at or above `unacceptable_from`, default 10) has a risk control.
# custom:
#   id: MFDS-RSK-002
#   severity: error
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.risk_table, risks.tables]
#   presence: true
#   applies: Always.
#   escalation: Missing tables, missing fields, off-scale values and uncontrolled unacceptable risks are errors; a table in a format samdscan cannot read is a note.
#   recommended_action: |
#     Add a risk table, e.g. `docs/risk/risk-table.csv` or `.yaml`, with columns id, hazard, hazardous situation, harm, severity, probability, risk control ids, residual risk and verification reference (docs/verification.md has a template); use the severity and probability levels of the risk management plan (declare them in `verification.risk_scales`), and give every unacceptable risk a risk control.
#   references:
#     - {source: ISO 14971:2019, clause: "5.4-5.5 Hazard identification and risk estimation; 6 Risk evaluation; 7 Risk control"}
#     - {source: IEC 62304:2006+A1:2015, clause: "7.1 Analysis of software contributing to hazardous situations"}
package samdscan.mfds.rsk.risk_table_present

import data.samdscan.lib.documents
import rego.v1

deny contains f if {
	not documents.present("risk_table")
	f := documents.missing("risk_table", "no risk table or hazard analysis found (looked for names such as docs/risk/risk-table.csv, titles such as `# Hazard Analysis`, and risk records one per file; set evidence.risk_table to point at yours)")
}

tables := t if {
	t := input.risks.tables
	is_array(t)
} else := []

readable := {"csv", "yaml", "markdown"}

deny contains f if {
	some t in tables
	not t.format in readable
	f := {
		"msg": sprintf("risk table %s is in a format samdscan cannot read; its fields, scales and controls are not checked (keep a CSV, YAML or Markdown copy)", [t.path]),
		"path": t.path,
		"key": sprintf("unreadable|%s", [t.path]),
		"level": "note",
	}
}

deny contains f if {
	some t in tables
	t.format in readable
	not t.parsed
	f := {"msg": sprintf("risk table %s does not parse: %s", [t.path, object.get(t, "error", "unknown error")]), "path": t.path, "key": sprintf("unparseable|%s", [t.path])}
}

deny contains f if {
	some t in tables
	t.parsed
	count(t.missing_columns) > 0
	f := {
		"msg": sprintf("risk table %s lacks the required fields: %s", [t.path, concat(", ", [replace(c, "_", " ") | some c in t.missing_columns])]),
		"path": t.path,
		"line": 1,
		"key": sprintf("fields|%s", [t.path]),
	}
}

deny contains f if {
	some t in tables
	t.parsed
	count(t.rows) == 0
	f := {"msg": sprintf("risk table %s lists no risks", [t.path]), "path": t.path, "key": sprintf("empty|%s", [t.path])}
}

scale_names(kind) := concat(", ", [names[0] | some names in input.risks.scales[kind]])

# Where the scales came from, as the message says it: never "the plan's" for the default.
scale_source := sprintf("the %%s scale of %s", [input.risks.scales.plan]) if {
	input.risks.scales.source == "plan"
} else := "the configured %s scale (verification.risk_scales)" if {
	input.risks.scales.source == "config"
} else := "samdscan's default %s scale (the plan defines none and verification.risk_scales is not set)"

# A risk kept one per file is anchored at its own file.
row_path(t, row) := object.get(row, "path", t.path)

deny contains f if {
	some t in tables
	some kind in ["severity", "probability"]
	has_column(t, kind)
	some row in t.rows
	row[sprintf("%s_rank", [kind])] == null
	f := {
		"msg": sprintf("risk %s in %s: %s `%s` is not on %s (%s)", [row.id, row_path(t, row), kind, row[kind], sprintf(scale_source, [kind]), scale_names(kind)]),
		"path": row_path(t, row),
		"line": row.line,
		"key": sprintf("%s|%s|%s", [kind, t.path, row.id]),
	}
}

has_column(t, field) if t.columns[field]

# A table without a risk-control column is reported once, as a missing field.
deny contains f if {
	some t in tables
	has_column(t, "risk_controls")
	some row in t.rows
	is_number(row.score)
	row.score >= input.risks.scales.unacceptable_from
	count(row.risk_controls) == 0
	f := {
		"msg": sprintf("risk %s in %s is unacceptable before control (%s x %s, score %d, unacceptable from %d) but has no risk control", [row.id, row_path(t, row), row.severity, row.probability, row.score, input.risks.scales.unacceptable_from]),
		"path": row_path(t, row),
		"line": row.line,
		"key": sprintf("uncontrolled|%s|%s", [t.path, row.id]),
	}
}
