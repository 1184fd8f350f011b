package samdscan.mfds.int.crosswalk_test

import data.samdscan.mfds.int.crosswalk as p
import rego.v1

outcomes := {
	"MFDS-CYB-001": {"state": "passed", "findings": 0},
	"MFDS-SWL-001": {"state": "failed", "findings": 1},
	"MFDS-AI-001": {"state": "not_applicable", "findings": 0},
	"USER-001": {"state": "passed", "findings": 0},
}

crosswalk_file(ids) := {"path": "regulatory/crosswalk.yaml", "parsed": true, "ids": ids}

scan(markets, files) := {
	"profile": {"markets": markets},
	"config": {"path": ".samdscan.yaml", "lines": {"product.markets": 14}},
	"crosswalk": {"files": files},
}

full := crosswalk_file({
	"MFDS-CYB-001": {"line": 1, "markets": {"US": ["§VI.A"], "EU": ["Annex I §17.4"]}, "problems": []},
	"MFDS-SWL-001": {"line": 4, "markets": {"US": ["§IV"], "EU": ["IEC 62304 §5.1"]}, "problems": []},
})

test_every_applicable_expectation_mapped_for_every_other_market_passes if {
	count(p.deny) == 0 with input as scan(["KR", "US", "EU"], [full]) with data.samdscan.outcomes as outcomes
}

test_a_missing_market_is_named_at_the_entry if {
	partial := crosswalk_file({
		"MFDS-CYB-001": {"line": 1, "markets": {"US": ["§VI.A"]}, "problems": []},
		"MFDS-SWL-001": {"line": 4, "markets": {"US": ["§IV"], "EU": ["IEC 62304 §5.1"]}, "problems": []},
	})
	d := p.deny with input as scan(["KR", "US", "EU"], [partial]) with data.samdscan.outcomes as outcomes
	count(d) == 1
	some f in d
	f.msg == "the crosswalk does not map MFDS-CYB-001 for EU"
	f.line == 1
}

test_an_unmapped_expectation_is_named_and_not_applicable_or_user_rules_are_not if {
	only := crosswalk_file({"MFDS-CYB-001": {"line": 1, "markets": {"US": ["§VI.A"]}, "problems": []}})
	d := p.deny with input as scan(["KR", "US"], [only]) with data.samdscan.outcomes as outcomes
	count(d) == 1
	some f in d
	f.msg == "the crosswalk does not map MFDS-SWL-001 for US"
	f.path == "regulatory/crosswalk.yaml"
}

test_no_crosswalk_is_one_finding if {
	d := p.deny with input as scan(["KR", "US"], []) with data.samdscan.outcomes as outcomes
	count(d) == 1
	some f in d
	f.key == "missing"
	f.line == 14
}

test_a_malformed_entry_is_a_finding if {
	bad := crosswalk_file({
		"MFDS-CYB-001": {"line": 1, "markets": {"US": ["§VI.A"]}, "problems": ["JP: expected a clause or a list of clauses"]},
		"MFDS-SWL-001": {"line": 4, "markets": {"US": ["§IV"]}, "problems": []},
	})
	d := p.deny with input as scan(["KR", "US"], [bad]) with data.samdscan.outcomes as outcomes
	count(d) == 1
	some f in d
	contains(f.msg, "JP: expected")
}

test_one_market_is_not_applicable if {
	p.applicable == false with input as scan(["KR"], []) with data.samdscan.outcomes as outcomes
	p.applicable == false with input as scan(null, []) with data.samdscan.outcomes as outcomes
}
