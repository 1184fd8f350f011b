package samdscan.lib.drift_test

import data.samdscan.lib.drift
import rego.v1

d := {"lockfile": "Cargo.lock", "compared": 9, "missing_count": 7, "missing": ["a@1", "b@2"], "stale_count": 1, "stale": [{"name": "c", "locked": "1", "sbom": ["2", "3"]}]}

test_parts_name_missing_and_stale_packages if {
	drift.parts(d) == "7 missing (a@1, b@2, and 5 more); 1 at another version (c 1 locked, SBOM has 2/3)"
	drift.parts_ko(d) == "7개 누락(a@1, b@2 외 5개); 1개 버전 불일치(c: 잠금 1, SBOM 2/3)"
	drift.mismatch(d)
}

test_a_match_is_no_mismatch if {
	not drift.mismatch(object.union(d, {"missing_count": 0, "stale_count": 0}))
}
