# Helpers over lockfile-versus-SBOM comparisons (`dependencies.drift`, and the same records per
# release in `history.release_sboms`): the parts of a message that name the missing and stale
# packages, in English and Korean, shared by MFDS-CYB-003 and MFDS-CYB-016.
package samdscan.lib.drift

import rego.v1

# The comparison found packages missing from the SBOMs or at another version.
mismatch(d) if d.missing_count + d.stale_count > 0

# "2 missing (a@1, b@2); 1 at another version (c 1 locked, SBOM has 2)"
parts(d) := concat("; ", array.concat(missing_part(d), stale_part(d)))

parts_ko(d) := concat("; ", array.concat(missing_part_ko(d), stale_part_ko(d)))

missing_part(d) := [] if {
	d.missing_count == 0
} else := [sprintf("%d missing (%s%s)", [d.missing_count, concat(", ", d.missing), more(d.missing_count, count(d.missing))])]

stale_part(d) := [] if {
	d.stale_count == 0
} else := [sprintf("%d at another version (%s%s)", [
	d.stale_count,
	concat(", ", [sprintf("%s %s locked, SBOM has %s", [s.name, s.locked, concat("/", s.sbom)]) | some s in d.stale]),
	more(d.stale_count, count(d.stale)),
])]

more(total, shown) := sprintf(", and %d more", [total - shown]) if total > shown

else := ""

missing_part_ko(d) := [] if {
	d.missing_count == 0
} else := [sprintf("%d개 누락(%s%s)", [d.missing_count, concat(", ", d.missing), more_ko(d.missing_count, count(d.missing))])]

stale_part_ko(d) := [] if {
	d.stale_count == 0
} else := [sprintf("%d개 버전 불일치(%s%s)", [
	d.stale_count,
	concat(", ", [sprintf("%s: 잠금 %s, SBOM %s", [s.name, s.locked, concat("/", s.sbom)]) | some s in d.stale]),
	more_ko(d.stale_count, count(d.stale)),
])]

more_ko(total, shown) := sprintf(" 외 %d개", [total - shown]) if total > shown

else := ""
