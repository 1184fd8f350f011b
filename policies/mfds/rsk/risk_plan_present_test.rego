package samdscan.mfds.rsk.risk_plan_present_test

import data.samdscan.mfds.rsk.risk_plan_present as p
import rego.v1

headings(texts) := [{"level": 2, "line": i + 1, "text": t} | some i, t in texts]

matrix := "| Severity \\ Probability | Improbable | Remote | Occasional |\n|---|---|---|---|\n| Catastrophic | ALARP | U | U |\n| Serious | A | ALARP | U |\n| Minor | A | A | ALARP |\n"

plan(text, hs) := {"path": "docs/risk/risk-management-plan.md", "text": text, "headings": headings(hs)}

english_parts := ["Scope", "Responsibilities", "Risk acceptability criteria", "Verification of risk controls", "Production and post-production information"]

with_plan(d) := {"documents": {"risk_management_plan": [d], "intended_use": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}

test_a_full_plan_passes if {
	count(p.deny) == 0 with input as with_plan(plan(concat("", ["For the intended use in docs/intended-use.md.\n", matrix]), english_parts))
	count(p.not_evaluated) == 0 with input as with_plan(plan(concat("", ["For the intended use.\n", matrix]), english_parts))
}

test_a_korean_plan_with_written_criteria_passes if {
	ko := ["적용 범위", "책임과 권한", "위험 수용 기준", "위험 통제 검증", "생산 및 생산 후 정보"]
	text := "사용목적 문서(docs/사용목적.md)의 제품에 적용한다.\n점수 12 이상은 허용 불가, 4 이하는 허용 가능으로 판단한다.\n"
	count(p.deny) == 0 with input as with_plan(plan(text, ko))
}

test_missing_fails if {
	d := p.deny with input as {"documents": {"risk_management_plan": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}
	count(d) == 1
	some f in d
	f.path == ".samdscan.yaml"
	f.line == 3
}

test_missing_sections_are_named if {
	d := p.deny with input as with_plan(plan(concat("", ["intended use\n", matrix]), ["Scope", "Risk acceptability criteria"]))
	[f.msg | some f in d] == ["the risk management plan has no section on production and post-production information, responsibilities, verification activities"]
}

test_a_plan_without_criteria_fails if {
	d := p.deny with input as with_plan(plan("Risks are judged by the team for the intended use.\n| a | b |\n|---|---|\n| c | d |\n", english_parts))
	[f.key | some f in d] == ["criteria"]
}

test_a_two_by_two_matrix_is_not_criteria if {
	small := "intended use\n| S \\ P | Low | High |\n|---|---|---|\n| High | x | y |\n| Low | x | y |\n"
	d := p.deny with input as with_plan(plan(small, english_parts))
	[f.key | some f in d] == ["criteria"]
}

test_a_plan_without_intended_use_is_a_warning if {
	d := p.deny with input as with_plan(plan(matrix, english_parts))
	[[f.key, f.level] | some f in d] == [["intended-use", "warning"]]
}

test_the_intended_use_document_path_counts if {
	i := object.union(with_plan(plan(concat("", ["See docs/iu.md.\n", matrix]), english_parts)), {"documents": {"intended_use": [{"path": "docs/iu.md"}]}})
	count(p.deny) == 0 with input as i
}

test_a_plan_without_text_is_not_evaluated_not_failed if {
	i := with_plan({"path": "docs/risk/rmp.pdf", "headings": headings(english_parts)})
	count(p.deny) == 0 with input as i
	count(p.not_evaluated) == 1 with input as i
}

test_a_cut_text_is_not_evaluated_not_failed if {
	d := object.union(plan("Scope only", english_parts), {"text_truncated": true})
	count(p.deny) == 0 with input as with_plan(d)
	count(p.not_evaluated) == 2 with input as with_plan(d)
}
