package samdscan.mfds.gen.evidence_index_valid_test

import data.samdscan.mfds.gen.evidence_index_valid as p
import rego.v1

scan(index) := {"evidence_index": object.union({"path": "regulatory/evidence-index.yaml", "found": true, "parsed": true}, index)}

good := {
	"MFDS-PMS-001": {"known": true, "line": 2, "problems": [], "external": {"document_id": "PMS-1", "valid": true, "problems": []}},
	"MFDS-GEN-002": {"known": true, "line": 4, "problems": [], "path": "docs/intended-use.md", "exists": true},
}

test_valid_index_passes if {
	count(p.deny) == 0 with input as scan({"entries": good})
}

test_absent_index_passes if {
	count(p.deny) == 0 with input as {"evidence_index": {"path": "regulatory/evidence-index.yaml", "found": false, "parsed": false, "entries": {}}}
}

test_bad_entries_fail_at_their_lines if {
	bad := {
		"MFDS-XYZ-001": {"known": false, "line": 3, "problems": [], "path": "a.md", "exists": true},
		"MFDS-GEN-002": {"known": true, "line": 5, "problems": [], "path": "gone.md", "exists": false},
		"MFDS-PMS-001": {"known": true, "line": 7, "problems": [], "external": {"valid": false, "problems": ["`approved` is `soon`, not a date (YYYY-MM-DD)"]}},
		"MFDS-CLN-001": {"known": true, "line": 9, "problems": ["needs `path: <file in the repository>` or `external: {...}`"]},
	}
	d := p.deny with input as scan({"entries": bad})
	{f.line | some f in d} == {3, 5, 7, 9}
	every f in d {
		f.path == "regulatory/evidence-index.yaml"
	}
}

test_unparsable_index_fails if {
	d := p.deny with input as scan({"parsed": false, "entries": {}})
	some f in d
	f.key == "unreadable"
}

test_korean_message_takes_the_korean_problem_and_older_evidence_the_english if {
	entries := {
		"MFDS-PMS-001": {"known": true, "line": 7, "problems": [], "external": {"valid": false, "problems": ["`approved` is `soon`, not a date (YYYY-MM-DD)"], "problems_ko": ["`approved`가 날짜(YYYY-MM-DD)가 아닌 `soon`입니다"]}},
		"MFDS-CLN-001": {"known": true, "line": 9, "problems": ["has both `path` and `external`; give one"]},
	}
	d := p.deny with input as scan({"entries": entries})
	some f in d
	f.line == 7
	endswith(f.msg_ko, ": `approved`가 날짜(YYYY-MM-DD)가 아닌 `soon`입니다")
	some g in d
	g.line == 9
	endswith(g.msg_ko, ": has both `path` and `external`; give one")
}
