# METADATA
# title: Generative-AI red-teaming evidence
# description: |
#   The 2026 MFDS plan promises stricter review of generative-AI devices, and an MFDS-funded
#   programme is building a red-team framework for them; the cybersecurity guideline already asks
#   for AI-security verification. Until criteria are published, samdscan notes a missing red-team
#   record: a report with its scope, the attacks tried (prompt injection, jailbreak, harmful
#   output) and the findings, for the pinned foundation-model version.
# custom:
#   id: MFDS-GAI-004
#   severity: note
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: anticipated
#   evidence: [ai.genai.red_team, ai.genai.foundation_models?, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Record each red-team exercise in `docs/security/red-team/<version>.md` with Scope, Attacks and
#     Findings (each with a status), naming the pinned model revision it tested.
#   references:
#     - {source: MFDS 2026 digital medical product safety management plan, clause: "stricter generative-AI review (anticipated)"}
#     - {source: IEC 81001-5-1:2021, clause: "5.7 Security testing"}
package samdscan.mfds.gai.red_teaming

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

reports := ai.genai("red_team")

deny contains f if {
	count(reports) == 0
	f := ai.missing("red_team_report", "no generative-AI red-team record found (e.g. docs/security/red-team/<version>.md)")
}

deny contains f if {
	count(reports) > 0
	missing := ai.missing_everywhere(reports)
	count(missing) > 0
	f := {
		"msg": sprintf("the red-team records lack: %s", [concat(", ", sort(missing))]),
		"path": reports[0].path,
		"line": 1,
		"key": "parts",
	}
}

pins := [m.revision | some m in ai.genai("foundation_models"); m.pinned; is_string(m.revision)]

deny contains f if {
	count(reports) > 0
	count(pins) > 0
	every r in reports {
		not r.names_pinned_model
	}
	f := {
		"msg": sprintf("no red-team record names the pinned foundation-model revision (%s)", [concat(", ", pins)]),
		"path": reports[0].path,
		"line": 1,
		"key": "version",
	}
}
