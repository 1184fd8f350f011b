# Helpers over `input.documents`: which documents of a kind exist, and where a finding about a
# missing one points (the `evidence.<kind>` setting if the user set one, else the profile).
package samdscan.lib.documents

import data.samdscan.lib.profile
import rego.v1

# Documents of `kind`, leaving out unfilled templates (samdscan's skeletons and anyone's:
# placeholders, headings with no body; the extractor sets `unfilled` and `unfilled_reason`).
of_kind(kind) := [d | some d in all_of_kind(kind); not d.unfilled == true]

all_of_kind(kind) := d if {
	d := input.documents[kind]
	is_array(d)
} else := []

# Paths of the unfilled templates of `kind`.
unfilled(kind) := [d.path | some d in all_of_kind(kind); d.unfilled == true]

# "PATH is an unfilled template (WHY)" for each unfilled template of `kind`.
unfilled_notes(kind) := [note |
	some d in all_of_kind(kind)
	d.unfilled == true
	note := unfilled_note(d)
]

unfilled_note(d) := sprintf("%s is an unfilled template (%s)", [d.path, d.unfilled_reason]) if {
	is_string(d.unfilled_reason)
} else := sprintf("%s is an unfilled template", [d.path])

# `unfilled_notes` in Korean.
unfilled_notes_ko(kind) := [note |
	some d in all_of_kind(kind)
	d.unfilled == true
	note := unfilled_note_ko(d)
]

unfilled_note_ko(d) := sprintf("%s은(는) 작성되지 않은 템플릿입니다(%s)", [d.path, d.unfilled_reason]) if {
	is_string(d.unfilled_reason)
} else := sprintf("%s은(는) 작성되지 않은 템플릿입니다", [d.path])

present(kind) if count(of_kind(kind)) > 0

# Where a finding about a missing document of `kind` points: the `evidence.<kind>` setting if the
# user set one, else `fallback` (an object with `path` and, optionally, `line`).
anchor_or(kind, fallback) := {"path": input.config.path, "line": line} if {
	line := input.config.lines[sprintf("evidence.%s", [kind])]
} else := fallback

# The line of config key `key` (e.g. "product.ai") as an anchor.
config_anchor(key) := {"path": input.config.path, "line": profile.config_line(key)}

missing_anchor(kind) := anchor_or(kind, config_anchor("product"))

# True when some heading of `doc` contains one of `words`. Case, spacing and punctuation do not
# matter: `위험 통제` finds a heading `위험통제:` and `변경관리` one written `변경 관리`.
has_heading(doc, words) if {
	keys := {squeezed(w) | some w in words}
	some h in doc.headings
	text := squeezed(h.text)
	some k in keys
	contains(text, k)
}

# Lower case, without whitespace or punctuation.
squeezed(text) := strings.replace_n(squeeze_table, lower(text))

# What `squeezed` drops: whitespace (ASCII, no-break and ideographic spaces), ASCII punctuation
# and the CJK and typographic punctuation Korean documents use. A table, not a regex: regorus
# compiles a regex pattern on every call, and this runs on every heading a rule reads.
squeeze_table := {c: "" |
	some c in [
		" ", "\t", "\n", "\r", "\u000b", "\u000c", "\u0085", "\u00a0", "\u1680", "\u2000",
		"\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
		"\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
		"!", "\"", "#", "%", "&", "'", "(", ")", "*", ",", "-", ".", "/", ":", ";", "?", "@",
		"[", "\\", "]", "_", "{", "}",
		"\u00a1", "\u00a7", "\u00ab", "\u00b6", "\u00b7", "\u00bb", "\u00bf",
		"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2018", "\u2019",
		"\u201a", "\u201c", "\u201d", "\u201e", "\u2020", "\u2021", "\u2022", "\u2026",
		"\u2030", "\u2032", "\u2033", "\u2039", "\u203a", "\u203b",
		"\u3001", "\u3002", "\u3003", "\u3008", "\u3009", "\u300a", "\u300b", "\u300c",
		"\u300d", "\u300e", "\u300f", "\u3010", "\u3011", "\u3014", "\u3015", "\u3016",
		"\u3017", "\u301c", "\u301d", "\u301e", "\u301f", "\u30fb",
		"\uff01", "\uff02", "\uff03", "\uff05", "\uff06", "\uff07", "\uff08", "\uff09",
		"\uff0a", "\uff0c", "\uff0d", "\uff0e", "\uff0f", "\uff1a", "\uff1b", "\uff1f",
		"\uff20", "\uff3b", "\uff3c", "\uff3d", "\uff3f", "\uff5b", "\uff5d", "\uff61",
		"\uff62", "\uff63", "\uff64", "\uff65",
	]
}

# Documents of `kind`, plus the document the evidence index points to for `rule_id`.
for_rule(kind, rule_id) := array.concat(of_kind(kind), [d]) if {
	d := input.evidence_index.entries[rule_id].document
} else := of_kind(kind)

# True when a document of `docs` has one of `words` in its title or a heading (case, spacing and
# punctuation aside).
covers(docs, words) if {
	some doc in docs
	has_heading(doc, words)
}

covers(docs, words) if {
	some doc in docs
	title := doc.title
	is_string(title)
	text := squeezed(title)
	some w in words
	contains(text, squeezed(w))
}

# The names of `parts` (name -> lower-case words) that no document of `docs` covers, sorted.
missing_parts(docs, parts) := sort([name | some name, words in parts; not covers(docs, words)])

# `names` of `parts` as a Korean message says them: each part by its first Korean word (the
# words list the English ones first), else by its name.
part_names_ko(names, parts) := [part_name_ko(name, parts) | some name in names]

part_name_ko(name, parts) := korean[0] if {
	korean := [w | some w in parts[name]; regex.match(`[가-힣]`, w)]
	count(korean) > 0
} else := name

# The one way to report a missing document or evidence file of `kind`: anchored where the user
# can act on it (see `missing_anchor`), key "missing", and naming the unfilled
# `samdscan init --templates` skeletons of the kind, which do not count. Add "level" or another
# "key" with object.union.
missing(kind, msg) := missing_near(kind, msg, config_anchor("product"))

# `missing`, anchored at `fallback` when the user set no `evidence.<kind>`.
missing_near(kind, msg, fallback) := object.union(anchor_or(kind, fallback), {"msg": naming_templates(kind, msg), "key": "missing"})

naming_templates(kind, msg) := sprintf("%s; %s", [msg, concat("; ", notes)]) if {
	notes := unfilled_notes(kind)
	count(notes) > 0
} else := msg

# `missing` with the message in English and Korean (`msg` and `msg_ko`), as built-in rules
# report; user policies may too.
missing_ko(kind, msg, msg_ko) := missing_near_ko(kind, msg, msg_ko, config_anchor("product"))

# `missing_near` with the message in English and Korean.
missing_near_ko(kind, msg, msg_ko, fallback) := object.union(missing_near(kind, msg, fallback), {"msg_ko": naming_templates_ko(kind, msg_ko)})

naming_templates_ko(kind, msg) := sprintf("%s; %s", [msg, concat("; ", notes)]) if {
	notes := unfilled_notes_ko(kind)
	count(notes) > 0
} else := msg

# How many days a document may go unreviewed (evidence.max_document_age_days; default a year).
max_age_days := n if {
	n := input.config.max_document_age_days
	is_number(n)
} else := 365

# True when `doc` was last reviewed longer ago than allowed.
stale(doc) if doc.reviewed.age_days > max_age_days

# True when nothing dates `doc`: no review date in its front matter and no git history.
undated(doc) if {
	doc.format != "pdf"
	doc.format != "docx"
	doc.reviewed == null
}

# The documents of `docs` whose text samdscan read (a PDF or an evidence-index record has none).
# A rule that judges what a text says judges these, and is "not evaluated" when there are none.
with_text(docs) := [d | some d in docs; is_string(d.text)]

# True when the text of a document of `docs` was cut at the extractor's size limit: what was not
# found in it may come later, so a rule says "not evaluated" rather than failing.
text_cut(docs) if {
	some d in docs
	d.text_truncated == true
}

# The reason a rule gives when it read no text of `docs` for its check of `what`.
no_text_read(docs, what, what_ko) := {
	"msg": sprintf("%s not checked: samdscan read no text of %s", [what, concat(", ", [d.path | some d in docs])]),
	"msg_ko": sprintf("%s을(를) 확인하지 못했습니다: %s의 본문을 읽지 못했습니다", [what_ko, concat(", ", [d.path | some d in docs])]),
}

# The reason a rule gives when its check of `what` found nothing in a text that was cut.
text_cut_short(what, what_ko) := {
	"msg": sprintf("%s not checked to the end: the document's text was cut at samdscan's size limit before it was found", [what]),
	"msg_ko": sprintf("%s을(를) 끝까지 확인하지 못했습니다: 문서 본문이 samdscan의 크기 한도에서 잘려 찾지 못했습니다", [what_ko]),
}

# The finding about `doc` reviewed longer ago than allowed (see `stale`), raised by time alone.
stale_finding(doc) := {
	"msg": sprintf("%s was last reviewed %s, %d days before the scan date (at most %d allowed)", [doc.path, doc.reviewed.date, doc.reviewed.age_days, max_age_days]),
	"msg_ko": sprintf("%s의 마지막 검토일은 %s로 스캔 기준일보다 %d일 전입니다(최대 %d일)", [doc.path, doc.reviewed.date, doc.reviewed.age_days, max_age_days]),
	"path": doc.path,
	"key": sprintf("stale|%s", [doc.path]),
	"dated": true,
}

# The lines of `d` from heading `h` to the next heading of the same or a higher level.
section(d, h) := concat("\n", array.slice(lines, h.line - 1, section_end(d, h, count(lines)))) if {
	lines := split(object.get(d, "text", ""), "\n")
	is_number(h.line)
} else := h.text

section_end(d, h, total) := min(ends) if {
	ends := {e |
		some n in d.headings
		is_number(n.line)
		n.line > h.line
		object.get(n, "level", 1) <= object.get(h, "level", 1)
		e := n.line - 1
	}
	count(ends) > 0
} else := total
