package samdscan.mfds.chg.upgrade_classification_test

import data.samdscan.mfds.chg.upgrade_classification as p
import rego.v1

commit := {"id": "abcdef1234", "short_id": "abcdef1", "subject": "Tune QRS detector", "categories": ["safety_critical"]}

range(assessment) := {
	"tag": "v1.1.0", "version": "1.1.0", "previous": "v1.0.0", "commit": "c1", "date": "2026-03-01T00:00:00Z",
	"changes": {
		"safety_critical": [{"path": "src/alarm/qrs.py"}],
		"toolchain": [{"path": "Dockerfile", "detail": "FROM python:3.11 -> python:3.12"}],
		"risk": [{"path": "docs/risk/risk-table.csv"}],
	},
	"upgrade_categories": ["safety_critical", "toolchain"],
	"commits": [commit], "commits_truncated": false,
	"assessment": assessment,
}

quiet := object.union(range(null), {"changes": {"risk": [{"path": "docs/risk/risk-table.csv"}]}, "upgrade_categories": [], "commits": []})

assessment(fields) := object.union(
	{"path": "docs/release/1.1.0/change-assessment.md", "line": 3, "classification": "upgrade", "stated": "upgrade", "rationale": true, "record": "제허 26-123호", "post_report": null},
	fields,
)

scan(ranges) := {
	"profile": {"marketed": true, "route": "approval", "grade": 2},
	"history": {"available": true, "truncated": false, "release_ranges": ranges},
}

keys(d) := {f.key | some f in d}

test_unclassified_possible_upgrade_names_release_changes_and_commits if {
	d := p.deny with input as scan([range(null)])
	[f.msg | some f in d] == ["release v1.1.0 may be a software upgrade: since v1.0.0 it changes safety-critical code (src/alarm/qrs.py); language/runtime/OS targets (Dockerfile: FROM python:3.11 -> python:3.12) in commits abcdef1 \"Tune QRS detector\", but it declares no regulatory change classification (classification: upgrade | minor | none in docs/release/1.1.0/change-assessment.md or its CHANGELOG section)"]
	[f.path | some f in d] == ["src/alarm/qrs.py"]
	every f in d {
		contains(f.msg_ko, "소프트웨어 업그레이드")
	}
}

test_a_range_with_only_risk_changes_needs_no_classification if {
	count(p.deny) == 0 with input as scan([quiet])
}

test_upgrade_with_filing_passes if {
	count(p.deny) == 0 with input as scan([range(assessment({}))])
}

test_upgrade_without_filing_fails if {
	d := p.deny with input as scan([range(assessment({"record": null}))])
	keys(d) == {"no-filing|v1.1.0"}
	[f.line | some f in d] == [3]
}

test_minor_needs_a_rationale_when_detectors_fire if {
	minor := assessment({"classification": "minor", "stated": "minor", "rationale": false, "record": null, "post_report": "within_30_days"})
	keys(p.deny) == {"unjustified-minor|v1.1.0"} with input as scan([range(minor)])
	justified := object.union(minor, {"rationale": true})
	count(p.deny) == 0 with input as scan([range(justified)])
}

test_minor_post_report_must_be_due_within_30_days_or_annual if {
	minor := assessment({"classification": "minor", "stated": "변경신고", "record": null})
	keys(p.deny) == {"post-report|v1.1.0"} with input as scan([range(object.union(minor, {"post_report": "late"}))])
	keys(p.deny) == {"post-report|v1.1.0"} with input as scan([range(object.union(minor, {"post_report": "missing"}))])
	count(p.deny) == 0 with input as scan([range(object.union(minor, {"post_report": "annual"}))])
}

test_unknown_classification_is_reported if {
	odd := assessment({"classification": "unknown", "stated": "maybe"})
	keys(p.deny) == {"unknown-classification|v1.1.0"} with input as scan([range(odd)])
}

test_truncated_commit_list_says_so if {
	r := object.union(range(null), {"commits_truncated": true})
	d := p.deny with input as scan([r])
	every f in d {
		contains(f.msg, "\"Tune QRS detector\" and more")
	}
}

test_not_applicable_without_route_or_marketed if {
	p.applicable == false with input as {"profile": {"grade": 2}, "history": {"available": true, "release_ranges": [range(null)]}}
	not p.applicable == false with input as scan([range(null)])
}

test_unavailable_history_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"profile": {"marketed": true}, "history": {"available": false, "reason": "no git"}}
}

test_ranges_a_narrowed_scope_left_out_make_it_not_evaluated_keeping_findings if {
	i := object.union(scan([range(null)]), {"history": {"release_ranges_unchecked": 21, "scope": {"description": "the last 50 commits"}}})
	count(p.deny) == 1 with input as i
	some r in p.not_evaluated with input as i
	r.msg == "21 older release ranges were not checked in this history scope (the last 50 commits): the default scope or history.scope: all checks them"
	contains(r.msg_ko, "릴리스 범위 21개")
	count(p.not_evaluated) == 0 with input as object.union(i, {"history": {"release_ranges_unchecked": 0}})
}
