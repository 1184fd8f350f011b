# Helpers over `input.documents`: which documents of a kind exist, and where a finding about a
# missing one points (the `evidence.<kind>` setting if the user set one, else the profile).
package samdscan.lib.documents

import data.samdscan.lib.profile
import rego.v1

of_kind(kind) := d if {
	d := input.documents[kind]
	is_array(d)
} else := []

present(kind) if count(of_kind(kind)) > 0

missing_anchor(kind) := {"path": input.config.path, "line": line} if {
	line := input.config.lines[sprintf("evidence.%s", [kind])]
} else := {"path": input.config.path, "line": profile.config_line("product")}

# Lower-cased heading texts of a document.
headings(doc) := {lower(h.text) | some h in doc.headings}

# True when some heading of `doc` contains one of `words` (lower case).
has_heading(doc, words) if {
	some h in headings(doc)
	some w in words
	contains(h, w)
}
