# Helpers over change logs (`input.documents.changelog`): which heading documents a version, and
# the newest version a change log documents (its first versioned heading).
package samdscan.lib.changelog

import data.samdscan.lib.documents
import rego.v1

version_pattern := `[0-9]+\.[0-9]+(\.[0-9]+)?(-[0-9A-Za-z.]+)?`

docs := documents.of_kind("changelog")

# The regex matching `version` as a whole token (`1.2.0` is not found in `1.2.10`).
token(version) := sprintf(`(^|[^0-9A-Za-z.])v?%s([^0-9A-Za-z.+-]|[.][^0-9]|[.]?$)`, [escaped]) if {
	escaped := replace(replace(version, ".", `\.`), "+", `\+`)
}

# The heading of some change log that documents `version`, as {path, line}.
section(version) := {"path": doc.path, "line": h.line} if {
	some doc in docs
	some h in doc.headings
	regex.match(token(version), h.text)
}

documents_version(version) if section(version)

# The versions named by a change log's headings, in file order.
versions(doc) := [m[0] |
	some h in doc.headings
	m := regex.find_n(version_pattern, h.text, 1)
	count(m) > 0
]

# The newest version the (first) change log documents, with where it is.
newest := {"version": vs[0], "path": doc.path} if {
	doc := docs[0]
	vs := versions(doc)
	count(vs) > 0
}
