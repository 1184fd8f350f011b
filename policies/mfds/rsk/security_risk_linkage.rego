# METADATA
# title: Security risks linked into the safety risk file (보안 위험과 위험관리 파일 연계)
# description: |
#   The MFDS cybersecurity guideline puts cyber risk inside the KGMP risk process, and IEC 81001-5-1
#   §7 asks that security risks be managed with the safety risks. So every threat of the threat
#   model rated medium or above, and every vulnerability that a VEX statement marks as affecting
#   the product and a scan rates critical or high, must point to a row of the risk table (or, for a
#   threat, state "no safety impact"); and every risk row about security must name the threat or
#   vulnerability it comes from. Threats are the rows of the threat model's tables whose first cell
#   is an id (T-1, TM-12); ratings and rationale are recognised in English and Korean (중간, 높음,
#   심각, 안전 영향 없음).
# custom:
#   ko:
#     title: "보안 위험과 위험관리 파일의 연계"
#     description: |
#       식약처 사이버보안 가이드라인은 사이버 위험을 KGMP 위험관리 절차 안에서 다루도록 하고, IEC 81001-5-1 §7은
#       보안 위험을 안전 위험과 함께 관리하도록 요구합니다. 따라서 위협 모델에서 중간 이상으로 평가된 모든 위협과,
#       VEX가 제품에 영향(affected)이 있다고 하고 스캔이 치명(critical)/높음(high)으로 평가한 모든 취약점은 위험
#       분석표의 행을 가리켜야 하며(위협은 "안전 영향 없음" 근거로 대신할 수 있음), 보안에 관한 모든 위험 행은 그
#       출처인 위협 또는 취약점 ID를 적어야 합니다. 위협은 첫 칸이 ID(T-1, TM-12)인 위협 모델 표의 행입니다.
#     recommended_action: |
#       위협 모델의 중간 이상 위협마다 위험 분석표 행 ID(RSK-12 등) 또는 "안전 영향 없음" 근거를 적고, 영향이 있는
#       치명/높음 취약점의 CVE ID를 위험 분석표에 기록하며, 보안 위험 행에는 위협 ID나 CVE ID를 적으십시오.
#     applies: "네트워크 연결 제품."
#   id: MFDS-RSK-005
#   severity: warning
#   precision: medium
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [documents.threat_model, risks.tables, documents.risk_table?, vex?, vulnerability_scans?]
#   applies: Connected products.
#   security_severity: 6.0
#   recommended_action: |
#     Give every threat rated medium or above a risk-table row id (e.g. RSK-12) or a "no safety
#     impact" rationale, record the CVE id of every affected critical/high vulnerability in the risk
#     table, and name the threat or CVE id in every security risk row.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "Risk management within KGMP"}
#     - {source: "MFDS Guidelines on Security against Electronic Infringements of Digital Medical Devices (draft 2024-12-13)", clause: "Arts. 13-16", title: "Life-cycle risk management"}
#     - {source: "IEC 81001-5-1:2021", clause: "7", title: "Security risk management process"}
#     - {source: "ISO 14971:2019", clause: "4.1", title: "Risk management process"}
#     - {source: "ISO 14971:2019", clause: "5.4", title: "Identification of hazards and hazardous situations"}
package samdscan.mfds.rsk.security_risk_linkage

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import data.samdscan.lib.truncated
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare the product connected", "msg_ko": "제품 프로필에 네트워크 연결 제품(connected)으로 선언되지 않았습니다"} if not profile.connected

models := [m | some m in documents.of_kind("threat_model"); is_string(m.text)]

# Threat rows: table lines whose first cell is an id.
threats contains {"id": id, "path": m.path, "line": row} if {
	some m in models
	some row in split(m.text, "\n")
	cells := regex.find_all_string_submatch_n(`^[ \t]*\|[ \t]*([A-Za-z][A-Za-z0-9]*-[0-9]+)[ \t]*\|`, row, 1)
	count(cells) == 1
	id := cells[0][1]
}

rated_medium_or_above(row) if regex.match(`(?i)(^|[^a-z])(medium|moderate|high|critical|severe)([^a-z]|$)`, row)

rated_medium_or_above(row) if {
	some w in ["중간", "보통", "높음", "심각", "치명"]
	contains(row, w)
}

no_safety_impact(row) if {
	text := documents.squeezed(row)
	some w in ["nosafetyimpact", "notsafetyrelated", "안전영향없음", "안전영향없다"]
	contains(text, w)
}

risk_rows := [r | some t in input.risks.tables; some r in object.get(t, "rows", [])]

risk_ids := {r.id | some r in risk_rows; is_string(r.id)}

names_risk_row(row) if {
	some id in risk_ids
	regex.match(sprintf(`(^|[^A-Za-z0-9-])%s([^0-9]|$)`, [id]), row)
}

deny contains f if {
	some t in threats
	rated_medium_or_above(t.line)
	not names_risk_row(t.line)
	not no_safety_impact(t.line)
	f := {
		"msg": sprintf("threat %s in %s is rated medium or above but names no risk-table row and no \"no safety impact\" rationale", [t.id, t.path]),
		"msg_ko": sprintf("%s의 위협 %s은(는) 중간 이상으로 평가되었으나 위험 분석표 행도 \"안전 영향 없음\" 근거도 적혀 있지 않습니다", [t.path, t.id]),
		"path": t.path,
		"key": sprintf("threat|%s", [t.id]),
	}
}

# A scan report or VEX document cut at its cap: what is past the cap is not judged, never passed.
not_evaluated contains r if some r in truncated.serious

not_evaluated contains r if some r in truncated.vex(object.get(input, ["vex", "documents"], []))

# Vulnerabilities rated critical or high by a scan.
serious_ids contains v.id if {
	some r in input.vulnerability_scans.reports
	some v in object.get(r, "serious", [])
	lower(v.severity) in {"critical", "high"}
}

risk_text := concat("\n", [d.text | some d in documents.of_kind("risk_table"); is_string(d.text)])

deny contains f if {
	some doc in input.vex.documents
	some s in object.get(object.get(doc, "vex", {}), "statements", [])
	s.state == "affected"
	s.id in serious_ids
	not contains(risk_text, s.id)
	f := {
		"msg": sprintf("%s is affected by %s (rated critical or high) but no risk-table row names it", [doc.path, s.id]),
		"msg_ko": sprintf("%s에서 %s(치명/높음)의 영향이 있다고 하나 이를 적은 위험 분석표 행이 없습니다", [doc.path, s.id]),
		"path": doc.path,
		"key": sprintf("vulnerability|%s", [s.id]),
	}
}

security_words := ["security", "cyber", "attack", "intrusion", "malicious", "tamper", "spoof", "보안", "침해", "공격", "해킹", "위변조"]

security_row(r) if {
	text := lower(concat(" ", [v | some k, v in r; k != "line"; is_string(v)]))
	some w in security_words
	contains(text, w)
}

threat_ids := {t.id | some t in threats}

names_source(r) if {
	some id in threat_ids
	regex.match(sprintf(`(^|[^A-Za-z0-9-])%s([^0-9]|$)`, [id]), json.marshal(r))
}

names_source(r) if regex.match(`(CVE-[0-9]{4}-[0-9]+|GHSA(-[a-z0-9]{4}){3})`, json.marshal(r))

deny contains f if {
	some t in input.risks.tables
	some r in object.get(t, "rows", [])
	security_row(r)
	not names_source(r)
	f := {
		"msg": sprintf("security risk row %s of %s names no threat-model id or vulnerability id", [r.id, t.path]),
		"msg_ko": sprintf("%s의 보안 위험 행 %s에 위협 모델 ID나 취약점 ID가 없습니다", [t.path, r.id]),
		"path": t.path,
		"line": r.line,
		"key": sprintf("risk-row|%s", [r.id]),
	}
}
