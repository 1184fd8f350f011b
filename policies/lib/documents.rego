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
	contains_any(squeezed(h.text), keys)
}

# The headings of `doc` that contain one of `words`, matched as `has_heading` matches them
# (each word and each heading squeezed once).
headings_with(doc, words) := hs if {
	keys := {squeezed(w) | some w in words}
	hs := [h | some h in doc.headings; contains_any(squeezed(h.text), keys)]
}

contains_any(text, keys) if {
	some k in keys
	contains(text, k)
}

# Lower case, without whitespace or punctuation.
squeezed(text) := regex.replace(lower(text), squeeze_class, "")

# What `squeezed` drops, one code point each (documents_test.rego lists them as characters):
# whitespace (the 25 Unicode White_Space characters: ASCII, no-break and ideographic spaces),
# the ASCII punctuation ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }, and the Latin-1,
# typographic, CJK and full-width punctuation Korean documents use. One regex character class,
# not a table of replacements: regorus compiles a pattern once per run (it caches them) and
# drops every character in one pass, where a table walks the text once per entry, and this
# runs on every heading a rule reads.
squeeze_class := `[\x{20}\x{9}\x{a}\x{d}\x{b}\x{c}\x{85}\x{a0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{21}\x{22}\x{23}\x{25}\x{26}\x{27}\x{28}\x{29}\x{2a}\x{2c}\x{2d}\x{2e}\x{2f}\x{3a}\x{3b}\x{3f}\x{40}\x{5b}\x{5c}\x{5d}\x{5f}\x{7b}\x{7d}\x{a1}\x{a7}\x{ab}\x{b6}\x{b7}\x{bb}\x{bf}\x{2010}\x{2011}\x{2012}\x{2013}\x{2014}\x{2015}\x{2018}\x{2019}\x{201a}\x{201c}\x{201d}\x{201e}\x{2020}\x{2021}\x{2022}\x{2026}\x{2030}\x{2032}\x{2033}\x{2039}\x{203a}\x{203b}\x{3001}\x{3002}\x{3003}\x{3008}\x{3009}\x{300a}\x{300b}\x{300c}\x{300d}\x{300e}\x{300f}\x{3010}\x{3011}\x{3014}\x{3015}\x{3016}\x{3017}\x{301c}\x{301d}\x{301e}\x{301f}\x{30fb}\x{ff01}\x{ff02}\x{ff03}\x{ff05}\x{ff06}\x{ff07}\x{ff08}\x{ff09}\x{ff0a}\x{ff0c}\x{ff0d}\x{ff0e}\x{ff0f}\x{ff1a}\x{ff1b}\x{ff1f}\x{ff20}\x{ff3b}\x{ff3c}\x{ff3d}\x{ff3f}\x{ff5b}\x{ff5d}\x{ff61}\x{ff62}\x{ff63}\x{ff64}\x{ff65}]`

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
# The same test as `covers`, with each heading and title squeezed once, not once per part.
missing_parts(docs, parts) := sort([name | some name, words in parts; not mentions(texts, words)]) if {
	texts := squeezed_texts(docs)
}

# The headings and titles of `docs`, squeezed.
squeezed_texts(docs) := array.concat(
	[squeezed(h.text) | some doc in docs; some h in doc.headings],
	[squeezed(doc.title) | some doc in docs; is_string(doc.title)],
)

# True when one of `texts` (squeezed) contains one of `words` (case, spacing and punctuation
# aside).
mentions(texts, words) if {
	some w in words
	key := squeezed(w)
	some text in texts
	contains(text, key)
}

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

# True when the text of a document of `docs` (read ones: see `with_text`) holds one of `words`
# (lower case), whatever the case of the text.
text_says(docs, words) if {
	some d in docs
	text := lower(d.text)
	some w in words
	contains(text, w)
}

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
