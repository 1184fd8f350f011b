package samdscan.mfds.cyb.no_committed_secrets_test

import data.samdscan.mfds.cyb.no_committed_secrets as p
import rego.v1

tree_hit := {"kind": "aws_access_key", "path": "config/prod.env", "line": 3, "at_head": true}

history_hit := {"kind": "private_key", "path": "deploy/id_rsa", "line": 1, "commit": "abcdef1234567890", "short_id": "abcdef1", "at_head": false}

scan(hits) := {"secrets": {"evaluated": true, "hits": hits, "truncated": false}}

test_a_secret_in_the_tree_is_reported_without_its_value if {
	d := p.deny with input as scan([tree_hit])
	[f.msg | some f in d] == ["AWS access key committed in config/prod.env line 3 (the value is not shown): rotate it and load it from a secret store"]
	[f.line | some f in d] == [3]
	# Its line is never quoted (SARIF snippets).
	[f.sensitive | some f in d] == [true]
}

test_a_secret_only_in_history_names_the_commit if {
	d := p.deny with input as scan([history_hit])
	[f.msg | some f in d] == ["private key was added in commit abcdef1 (deploy/id_rsa line 1) and removed since, but stays in the history (the value is not shown): rotate it"]
}

test_a_history_hit_still_at_head_is_reported_once if {
	again := object.union(history_hit, {"kind": "aws_access_key", "path": "config/prod.env", "at_head": true})
	count(p.deny) == 1 with input as scan([tree_hit, again])
}

test_no_hits_pass if {
	count(p.deny) == 0 with input as scan([])
}

test_a_truncated_search_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"secrets": {"evaluated": true, "hits": [tree_hit], "truncated": true}}
}

test_a_history_search_cut_at_its_commit_cap_is_not_evaluated if {
	capped := {"secrets": {"evaluated": true, "hits": [], "truncated": false, "commits_searched": 1000, "history_capped": true}}
	count(p.deny) == 0 with input as capped
	[r.msg | some r in p.not_evaluated] == ["only the newest 1000 commits of the history in scope were searched; the lines older commits added are unjudged"] with input as capped
	count(p.not_evaluated) == 0 with input as {"secrets": {"evaluated": true, "hits": [], "truncated": false, "commits_searched": 999, "history_capped": false}}
}
