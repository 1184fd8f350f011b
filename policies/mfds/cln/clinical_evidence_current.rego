# METADATA
# title: Clinical evaluation report names the current intended use and model version
# description: |
#   Clinical evidence is only evidence for the product it evaluated: when the intended use or the
#   algorithm changes, the clinical evaluation must be re-assessed (ISO 14971 §10, GMLP principle
#   8; MFDS plans clinical-evaluation guidance for changed DMD). samdscan reads the current
#   intended-use document's identity (front matter `document_id` and `version`) and, for an AI
#   product, the current model card versions, and checks that the clinical evaluation report
#   names each of them: the intended use by its document id with its version (`IU-014 v2`,
#   `IU-014 version 2`) or as "intended use version 2" / "사용목적 버전 2", and every model version
#   as a token (`2.1.0`, `v2.1.0`). A report that names older ones is possibly stale evidence.
# custom:
#   ko:
#     title: "임상 평가 보고서에 현재 사용목적과 모델 버전 기재"
#     description: |
#       임상적 근거는 평가한 제품에 대해서만 근거가 됩니다. 사용목적이나 알고리즘이 바뀌면 임상 평가를 다시
#       검토해야 합니다(ISO 14971 §10, GMLP 원칙 8, 식약처의 변경 디지털의료기기 임상 평가 가이드라인 예정).
#       samdscan은 현재 사용목적 문서의 식별 정보(front matter의 `document_id`와 `version`)와, 인공지능
#       제품이면 현재 모델 카드의 버전을 읽고, 임상 평가 보고서가 각각을 기재하는지 확인합니다. 사용목적은
#       문서 ID와 버전(`IU-014 v2`, `IU-014 version 2`) 또는 "사용목적 버전 2"로, 모델 버전은
#       토큰(`2.1.0`, `v2.1.0`)으로 기재해야 합니다. 이전 것을 기재한 보고서는 오래된 근거일 수 있습니다.
#     recommended_action: |
#       사용목적이나 모델이 바뀔 때마다 임상 평가를 재검토하고, 보고서에 평가한 사용목적 문서 ID와 버전,
#       모델 버전을 적으십시오(예: "사용목적 IU-014 v2, 모델 cxr-triage 2.1.0 기준"). 사용목적 문서의
#       front matter에 `document_id`와 `version`을 두십시오.
#     applies: "2등급 이상이거나 인공지능을 사용하는 제품."
#     escalation: "모든 등급과 안전성 등급에서 참고입니다(지침이 예고되었으나 아직 발간되지 않음)."
#   id: MFDS-CLN-002
#   severity: note
#   precision: medium
#   since: 0.2.0
#   pillar: P1
#   status: anticipated
#   evidence: [documents.clinical_evaluation, documents.intended_use, ai.model_cards?, profile]
#   applies: Products of grade 2 or higher, or with AI enabled.
#   escalation: Note at every grade and class (the guidance is announced, not yet published).
#   recommended_action: |
#     Re-assess the clinical evaluation whenever the intended use or the model changes, and name
#     in the report the intended-use document id and version and the model version it evaluated
#     (for example "based on intended use IU-014 v2 and model cxr-triage 2.1.0"). Give the
#     intended-use document a front matter with `document_id` and `version`.
#   references:
#     - {source: "ISO 14971:2019", clause: "10", title: "Production and post-production activities"}
#     - {source: "FDA/Health Canada/MHRA Good Machine Learning Practice guiding principles (2021)", clause: "Principle 8", title: "Testing demonstrates device performance during clinically relevant conditions"}
#     - {source: "MFDS First Comprehensive Plan for Digital Medical Product Safety Management (announced 2026-01-14)", title: "Clinical evaluation guidance (anticipated)"}
package samdscan.mfds.cln.clinical_evidence_current

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

in_scope if profile.grade >= 2

in_scope if profile.ai_enabled

applicable := false if not in_scope

not_applicable_because contains {"msg": "grade 1 product without AI", "msg_ko": "AI를 쓰지 않는 1등급 제품입니다"} if not in_scope

is_report(d) if contains(lower(d.path), "report")

is_report(d) if contains(lower(d.path), "보고서")

is_report(d) if {
	is_string(d.title)
	some w in ["report", "보고서"]
	contains(lower(d.title), w)
}

reports := [d | some d in documents.for_rule("clinical_evaluation", "MFDS-CLN-002"); is_report(d); is_string(d.text)]

not_evaluated contains {"msg": "no clinical evaluation report with readable text (MFDS-CLN-001 reports a missing one)", "msg_ko": "읽을 수 있는 임상평가 보고서가 없습니다(없는 경우 MFDS-CLN-001이 보고합니다)"} if count(reports) == 0

intended_use := documents.for_rule("intended_use", "MFDS-GEN-002")

# `2` and `"2"` alike.
as_text(v) := v if is_string(v)

else := sprintf("%v", [v]) if is_number(v)

iu_version(d) := as_text(d.front_matter.version)

iu_id(d) := as_text(d.front_matter.document_id)

has_version(d) if is_string(iu_version(d))

escaped(s) := regex.replace(s, `([.+*?()\[\]{}|^$\\])`, `\$1`)

# After a version: not another digit or version part (a sentence's full stop is allowed).
version_end := `\.?(?:[^0-9.]|$)`

version_words := `(?:v|ver\.?|version|rev\.?|revision|버전|개정판?|판)?\s*:?\s*`

names_intended_use(text, d) if {
	regex.match(sprintf(`(?i)%s[^\n]{0,30}?[^0-9.]%s%s%s`, [escaped(iu_id(d)), version_words, escaped(iu_version(d)), version_end]), text)
}

names_intended_use(text, d) if {
	regex.match(sprintf(`(?i)(?:intended use|사용목적)[^\n]{0,40}?(?:v|ver\.?|version|rev\.?|revision|버전|개정판?)\s*:?\s*%s%s`, [escaped(iu_version(d)), version_end]), text)
}

names_version(text, v) if regex.match(sprintf(`(?:^|[^0-9.])[vV]?%s%s`, [escaped(v), version_end]), text)

report_names_intended_use(d) if {
	some r in reports
	names_intended_use(r.text, d)
}

deny contains f if {
	count(reports) > 0
	some d in intended_use
	not has_version(d)
	f := {
		"msg": sprintf("intended use %s declares no version (front matter `version:`), so the clinical evaluation report cannot be checked against the current intended use", [d.path]),
		"msg_ko": sprintf("사용목적 문서 %s에 버전(front matter `version:`)이 없어 임상 평가 보고서가 현재 사용목적을 기준으로 하는지 확인할 수 없습니다", [d.path]),
		"path": d.path,
		"key": sprintf("unversioned-intended-use|%s", [d.path]),
	}
}

deny contains f if {
	count(reports) > 0
	some d in intended_use
	v := iu_version(d)
	not report_names_intended_use(d)
	f := {
		"msg": sprintf("the clinical evaluation report (%s) does not name the current intended use %s version %s (%s): it may evaluate an earlier intended use", [concat(", ", [r.path | some r in reports]), id_or_path(d), v, d.path]),
		"msg_ko": sprintf("임상 평가 보고서(%s)에 현재 사용목적 %s 버전 %s(%s)이(가) 기재되어 있지 않습니다: 이전 사용목적을 평가한 것일 수 있습니다", [concat(", ", [r.path | some r in reports]), id_or_path(d), v, d.path]),
		"path": reports[0].path,
		"key": sprintf("intended-use|%s", [d.path]),
	}
}

id_or_path(d) := iu_id(d) if is_string(iu_id(d))

else := d.path

model_cards := [c | some c in input.ai.model_cards; is_string(c.version)] if profile.ai_enabled

else := []

report_names_model(c) if {
	some r in reports
	names_version(r.text, c.version)
}

deny contains f if {
	count(reports) > 0
	some c in model_cards
	not report_names_model(c)
	f := {
		"msg": sprintf("the clinical evaluation report (%s) does not name the current model version %s of %s (%s): the clinical evidence may be for an earlier model", [concat(", ", [r.path | some r in reports]), c.version, object.get(c, "name", "the model"), c.path]),
		"msg_ko": sprintf("임상 평가 보고서(%s)에 %s의 현재 모델 버전 %s(%s)이(가) 기재되어 있지 않습니다: 이전 모델의 임상 근거일 수 있습니다", [concat(", ", [r.path | some r in reports]), object.get(c, "name", "모델"), c.version, c.path]),
		"path": reports[0].path,
		"key": sprintf("model|%s", [c.path]),
	}
}
