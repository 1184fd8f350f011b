package samdscan.mfds.cyb.sbom_matches_lockfiles_test

import data.samdscan.mfds.cyb.sbom_matches_lockfiles as p
import rego.v1

clean := {"lockfile": "requirements.txt", "compared": 2, "missing_count": 0, "missing": [], "stale_count": 0, "stale": []}

test_matching_sbom_passes if {
	count(p.deny) == 0 with input as {"dependencies": {"drift": [clean], "freshness": [{"lockfile": "requirements.txt", "stale": false}]}}
}

test_drift_is_one_finding_per_lockfile_with_counts if {
	d := object.union(clean, {
		"lockfile": "Cargo.lock", "compared": 69, "missing_count": 66, "missing": ["a@1", "b@2"],
		"stale_count": 1, "stale": [{"name": "hyper", "locked": "0.14.20", "sbom": ["0.14"]}],
	})
	found := p.deny with input as {"dependencies": {"drift": [d], "freshness": null}}
	[f.msg | some f in found] == ["the SBOMs do not match Cargo.lock: of 69 third-party packages locked, 66 missing (a@1, b@2, and 64 more); 1 at another version (hyper 0.14.20 locked, SBOM has 0.14)"]
	[f.key | some f in found] == ["drift|Cargo.lock"]
}

test_lockfile_changed_after_sbom_is_reported if {
	r := {"lockfile": "poetry.lock", "changed": "2026-10-02T12:00:00Z", "sbom": "sbom/a.cdx.json", "sbom_changed": "2026-10-01T12:00:00Z", "stale": true}
	found := p.deny with input as {"dependencies": {"drift": [], "freshness": [r]}}
	[f.key | some f in found] == ["stale|poetry.lock"]
}
