package samdscan.mfds.swl.problem_resolution_test

import data.samdscan.mfds.swl.problem_resolution as p
import rego.v1

form(asks_safety) := {
	"path": ".github/ISSUE_TEMPLATE/problem-report.yml", "parsed": true, "problem_report": true,
	"asks": {"safety_impact": asks_safety, "affected_versions": true, "classification": false},
}

feature := {
	"path": ".github/ISSUE_TEMPLATE/feature.yml", "parsed": true, "problem_report": false,
	"asks": {"safety_impact": false, "affected_versions": false, "classification": false},
}

broken := {
	"path": ".github/ISSUE_TEMPLATE/bug.yml", "parsed": false, "problem_report": true,
	"asks": {"safety_impact": false, "affected_versions": false, "classification": false},
}

profile := {"software_systems": [{"name": "pump", "safety_class": "C"}, {"name": "app", "safety_class": "B"}]}

commit(id, subject, paths, areas) := {
	"id": id, "short_id": substring(id, 0, 7), "subject": subject, "merge": false, "shallow_boundary": false,
	"merged_by": null, "references": [], "trailers": [], "areas": areas,
	"changes": [{"path": x, "status": "modified", "areas": areas} | some x in paths],
}

dose_fix := commit("f1f1f1f1f1", "fix: clamp dose", ["src/pump/dose.py"], ["system:pump"])

hist(commits) := {"available": true, "truncated": false, "commits": commits}

scan(commits) := {"profile": profile, "issue_templates": [form(true)], "history": hist(commits), "config": {"path": ".samdscan.yaml", "lines": {"product": 3}}}

test_no_template_fails_at_the_product_line if {
	d := p.deny with input as object.union(scan([]), {"issue_templates": [feature]})
	[[f.path, f.line, f.key] | some f in d] == [[".samdscan.yaml", 3, "template|missing"]]
}

test_template_without_safety_field_fails_at_the_template if {
	d := p.deny with input as object.union(scan([]), {"issue_templates": [form(false)]})
	[f.path | some f in d] == [".github/ISSUE_TEMPLATE/problem-report.yml"]
	some f in d
	contains(f.msg, "classification")
}

test_template_with_safety_field_passes if {
	count(p.deny) == 0 with input as scan([])
}

test_unreadable_template_is_not_judged if {
	count(p.deny) == 0 with input as object.union(scan([]), {"issue_templates": [broken]})
	count(p.not_evaluated) == 1 with input as object.union(scan([]), {"issue_templates": [broken]})
}

test_unreferenced_fix_fails_naming_the_commit if {
	d := p.deny with input as scan([object.union(dose_fix, {"areas": ["system:pump", "test"]})])
	[[f.path, f.key] | some f in d] == [["src/pump/dose.py", "unreferenced|f1f1f1f1f1"]]
	some f in d
	contains(f.msg, "f1f1f1f \"fix: clamp dose\"")
}

test_fix_with_problem_trailer_passes if {
	c := object.union(dose_fix, {"areas": ["system:pump", "test"], "trailers": [{"key": "Problem-Report", "value": "PR-12"}]})
	count(p.deny) == 0 with input as scan([c])
}

test_regression_test_change_is_a_fix if {
	c := commit("a2a2a2a2a2", "Add regression test for dose overflow", ["tests/regression/test_dose.py"], ["test"])
	[f.key | some f in p.deny] == ["unreferenced|a2a2a2a2a2"] with input as scan([c])
}

test_class_c_fix_without_test_fails if {
	c := object.union(dose_fix, {"references": ["PR-12"]})
	[f.key | some f in p.deny] == ["untested|f1f1f1f1f1|pump"] with input as scan([c])
}

test_class_b_fix_without_test_passes if {
	c := commit("b3b3b3b3b3", "fix(app): label", ["src/app/ui.py"], ["system:app"])
	count(p.deny) == 0 with input as scan([object.union(c, {"references": ["#4"]})])
}

test_merge_covers_reference_and_test_of_its_branch if {
	merge := object.union(commit("m0m0m0m0m0", "Merge PR-12 fix", [], []), {"merge": true, "references": ["PR-12"]})
	fix := object.union(dose_fix, {"merged_by": "m0m0m0m0m0"})
	test := object.union(commit("t4t4t4t4t4", "Add dose test", ["tests/test_dose.py"], ["test"]), {"merged_by": "m0m0m0m0m0", "references": ["PR-12"]})
	merges := {"m0m0m0m0m0": {"references": ["PR-12"], "areas": ["system:pump", "test"], "commits": 2}}
	count(p.deny) == 0 with input as object.union(scan([merge, fix, test]), {"history": {"merges": merges}})
}

test_merge_subject_is_not_judged if {
	merge := object.union(commit("m0m0m0m0m0", "fix: merge branch", ["src/pump/dose.py"], ["system:pump"]), {"merge": true})
	count(p.deny) == 0 with input as scan([merge])
}

test_no_history_is_not_evaluated if {
	reasons := p.not_evaluated with input as object.union(scan([]), {"history": {"available": false, "reason": "not a git repository"}})
	count(reasons) == 1
}
