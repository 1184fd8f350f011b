# Data, not logic: what the regulatory catalogue (§6.10 (b), §4 and §8.1 item 2) gives of the
# requirement list of the MFDS medical device cybersecurity approval/review guideline, read by
# MFDS-CYB-009 (cybersecurity_checklist.rego). The catalogue does not list the 35 requirement ids
# (it records them as an open question); it gives the revision dates, the number of requirements,
# the six groups with their 62443-style code shape, six ids by name, and the date until which the
# old (15-requirement) list was accepted. When the full list is verified against the guideline,
# put it in `ids`: the policy reports every id of `ids` missing from the checklist.
package samdscan.mfds.cyb.cybersecurity_guideline

import rego.v1

current := {
	# The revision that moved the guideline to IEC 62443-4-2 / IEC TR 60601-4-5, and its re-revision.
	"edition": "2024-11-27",
	"revisions": ["2024-11-27", "2025-01-10"],
	"requirement_count": 35,
	# Requirement ids are a group code, a hyphen and two digits (IA-08, TRE-01).
	"groups": ["IA", "UC", "SI", "DC", "TRE", "RA"],
	# The ids the catalogue names: six of the 35.
	"ids": ["IA-08", "UC-07", "SI-11", "DC-03", "TRE-01", "RA-05"],
	# Checklists against the list before the revision were accepted until this date.
	"previous_accepted_until": "2025-06-30",
}
