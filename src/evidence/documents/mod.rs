//! Regulatory documents (plans, reports, policies, change logs): found by name or by title, read
//! as text, and summarised as title, headings, YAML front matter, a bounded copy of the text, the
//! last commit that changed each one, and the date it was last reviewed.
//!
//! Policies judge what a document says through these fields; binary formats (PDF, DOCX) are
//! recorded by name only. The kinds and how each is recognised live in `kinds`.

mod index_pages;
pub mod kinds;
pub mod records;
pub mod stated;
mod template;

use super::context::decode_text;
use super::extractor::{FileKind, extension};
pub use super::read::headings::Heading;
use super::read::headings::{headings_of, sections_of, split_front_matter, title_of};
use super::read::path_history::{CommitRef, last_changes};
use super::{Context, Extractor};
use crate::date::Date;
use kinds::{DOCUMENT_KIND_TABLE, DOCUMENT_KINDS, kinds_titled};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// At most this much of a document's text is put in the evidence; a longer one is flagged
/// (`text_truncated`) and named in a diagnostic. Headings, front matter and the unfilled-template
/// judgement are read from the whole text.
pub const MAX_DOCUMENT_TEXT: usize = 64 * 1024;

pub use template::TEMPLATE_MARKER;
pub use template::unfilled_reason;

/// How much of a file is read to find its title when its name did not make it a document.
pub(crate) const TITLE_SNIFF_BYTES: usize = 8192;

/// Text formats whose title is read to recognise documents not named by a kind's globs.
const TITLED_FORMATS: &[&str] = &["markdown", "asciidoc", "rst", "text"];

/// Front matter fields that date a document's last review, most specific first.
const REVIEW_DATE_FIELDS: &[&str] = &["reviewed", "review_date", "date", "approved"];

pub struct DocumentExtractor;

#[derive(Debug, Default, Serialize)]
pub struct Document {
    pub path: String,
    pub format: &'static str,
    pub title: Option<String>,
    pub headings: Vec<Heading>,
    pub front_matter: Value,
    pub text: String,
    pub text_truncated: bool,
    /// Still an unfilled template (samdscan's skeleton or anyone's): it counts as missing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unfilled: bool,
    /// Why it is an unfilled template (placeholders, headings with no body, the samdscan marker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unfilled_reason: Option<String>,
    /// Pages an index page links to whose headings and text were added to this document's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub linked_pages: Vec<String>,
    /// How the document was recognised: `name` (a kind's globs), `title`, `profile` (a ref), or
    /// `record` (front matter records of that kind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<&'static str>,
    /// The last commit that changed the file (null without history, or beyond the walk's bound).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_commit: Option<Option<CommitRef>>,
    /// When the document was last reviewed, and by what evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Option<Reviewed>>,
}

/// The date a document was last reviewed: a front matter date, else its last commit's date.
#[derive(Debug, Serialize, PartialEq)]
pub struct Reviewed {
    pub date: String,
    /// `front_matter.<field>` or `last_commit`.
    pub source: String,
    /// Days from that date to the scan's as-of date.
    pub age_days: i64,
}

impl Extractor for DocumentExtractor {
    fn key(&self) -> &'static str {
        "documents"
    }

    fn kinds(&self) -> &'static [FileKind] {
        DOCUMENT_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let found = recognise(ctx);
        let paths: BTreeSet<&str> = found.values().flatten().map(|(p, _)| p.as_str()).collect();
        let history = ctx.git.map(|_| last_changes(ctx, paths.iter().copied()));
        let mut out = Map::new();
        for kind in DOCUMENT_KIND_TABLE {
            let name = kind.file.name;
            let docs: Vec<Value> = found
                .get(name)
                .into_iter()
                .flatten()
                .filter_map(|(path, how)| {
                    let mut doc = read_regulatory_document(ctx, path)?;
                    doc.matched_by = Some(how);
                    if *how == "record" {
                        // A record's front matter is its content (and was checked for placeholders).
                        doc.unfilled = false;
                        doc.unfilled_reason = None;
                    }
                    if let Some(history) = &history {
                        doc.last_commit = Some(history.get(path.as_str()).cloned());
                    }
                    doc.reviewed = Some(reviewed(&doc, ctx.as_of));
                    Some(serde_json::to_value(doc).unwrap_or_default())
                })
                .collect();
            out.insert(name.into(), Value::Array(docs));
        }
        Value::Object(out)
    }
}

/// The files of each document kind, however recognised (name, title, profile ref, record):
/// what other extractors read so that a document found by its title is read like one found by
/// its name.
pub fn files_by_kind(ctx: &Context) -> BTreeMap<&'static str, Vec<String>> {
    recognise(ctx)
        .into_iter()
        .map(|(kind, found)| (kind, found.into_iter().map(|(path, _)| path).collect()))
        .collect()
}

/// The files of one document kind found by its name globs or by its title (not through records
/// or the profile): how an extractor outside this module reads one kind's documents without
/// recognising every kind.
pub fn files_named_or_titled(ctx: &Context, kind: &str) -> Vec<String> {
    let phrases = DOCUMENT_KIND_TABLE
        .iter()
        .find(|k| k.file.name == kind)
        .map_or(&[][..], |k| k.titles);
    let titled = files_titled(ctx, phrases)
        .into_iter()
        .filter(|p| !ctx.is_not_evidence(p));
    let mut paths: Vec<String> = ctx.files(kind).iter().cloned().chain(titled).collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Every document kind's files with how each was recognised: by name, by title, by profile ref.
fn recognise(ctx: &Context) -> BTreeMap<&'static str, Vec<(String, &'static str)>> {
    let mut found: BTreeMap<&'static str, Vec<(String, &'static str)>> = BTreeMap::new();
    for kind in DOCUMENT_KINDS {
        let list = found.entry(kind.name).or_default();
        list.extend(ctx.files(kind.name).iter().map(|p| (p.clone(), "name")));
    }
    if let Some(path) = intended_use_ref(ctx) {
        found
            .entry("intended_use")
            .or_default()
            .push((path, "profile"));
    }
    for (path, title) in titles(ctx) {
        if ctx.is_not_evidence(path) {
            continue;
        }
        for name in kinds_titled(title) {
            found.entry(name).or_default().push((path.clone(), "title"));
        }
    }
    for record in records::records(ctx) {
        let kind = match record.kind {
            "risk" => "risk_table",
            "release_note" => "changelog",
            _ => continue,
        };
        found.entry(kind).or_default().push((record.path, "record"));
    }
    for list in found.values_mut() {
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
    }
    found
}

/// The profile's `intended_use_ref` (without `#anchor`), when it names a file of the repository.
fn intended_use_ref(ctx: &Context) -> Option<String> {
    let reference = ctx
        .config
        .config
        .product
        .as_ref()?
        .intended_use_ref
        .as_deref()?;
    let path = reference.split('#').next().unwrap_or(reference);
    ctx.source
        .inventory()
        .is_file(path)
        .then(|| path.to_string())
}

/// The title of a text file from its first bytes only.
fn sniff_title(ctx: &Context, path: &str) -> Option<String> {
    let head = ctx.source.read_head(path, TITLE_SNIFF_BYTES).ok()?;
    if head.contains(&0) {
        return None;
    }
    let text = String::from_utf8_lossy(&head);
    let (front, body_start) = split_front_matter(&text);
    let front_title = front
        .and_then(|y| crate::evidence::read::yaml::from_str::<Value>(y).ok())
        .and_then(|v| v.get("title").and_then(Value::as_str).map(str::to_string));
    front_title.or_else(|| title_of(&headings_of(format_of(path), &text, body_start)))
}

/// Markdown, AsciiDoc, reStructuredText and text files whose title holds one of `phrases`
/// (lower case): how extractors of their own kinds (requirements, test reports) find a file
/// by its title as the document kinds do.
pub fn files_titled(ctx: &Context, phrases: &[&str]) -> Vec<String> {
    files_titled_unless(ctx, phrases, &[])
}

/// [`files_titled`], leaving out files whose title also holds one of `unless`: a title such as
/// `임상적 성능시험 결과보고서` has a test report's words but names a clinical document.
fn files_titled_unless(ctx: &Context, phrases: &[&str], unless: &[&str]) -> Vec<String> {
    let (phrases, unless) = (kinds::Phrases::new(phrases), kinds::Phrases::new(unless));
    titles(ctx)
        .iter()
        .filter(|(_, t)| phrases.in_title(t) && !unless.in_title(t))
        .map(|(path, _)| path.clone())
        .collect()
}

/// The Markdown files among [`files_titled_unless`]'s: what readers of Markdown tables (SOUP
/// lists, test reports) take by title.
pub fn markdown_files_titled(ctx: &Context, phrases: &[&str], unless: &[&str]) -> Vec<String> {
    let mut paths = files_titled_unless(ctx, phrases, unless);
    paths.retain(|p| format_of(p) == "markdown");
    paths
}

/// The title of every Markdown, AsciiDoc, reStructuredText and text file that has one, read
/// from its first bytes once per scan, [folded](kinds::fold) as titles are compared.
fn titles<'c>(ctx: &'c Context) -> &'c [(String, String)] {
    ctx.titles(|| {
        ctx.source
            .inventory()
            .files()
            .filter(|e| TITLED_FORMATS.contains(&format_of(&e.path)))
            .filter_map(|e| Some((e.path.clone(), kinds::fold(&sniff_title(ctx, &e.path)?))))
            .collect()
    })
}

/// When `doc` was last reviewed: a date in its front matter, else its last commit's date.
fn reviewed(doc: &Document, as_of: Date) -> Option<Reviewed> {
    let from_front = REVIEW_DATE_FIELDS.iter().find_map(|field| {
        let text = doc.front_matter.get(*field)?.as_str()?;
        Some((Date::find_in(text)?, format!("front_matter.{field}")))
    });
    let from_commit = || {
        let commit = doc.last_commit.as_ref()?.as_ref()?;
        Some((Date::parse(&commit.date)?, "last_commit".to_string()))
    };
    let (date, source) = from_front.or_else(from_commit)?;
    Some(Reviewed {
        date: date.to_string(),
        source,
        age_days: date.days_until(as_of),
    })
}

pub(crate) fn format_of(path: &str) -> &'static str {
    match extension(path).as_str() {
        "md" | "markdown" => "markdown",
        "adoc" | "asciidoc" => "asciidoc",
        "rst" => "rst",
        "txt" | "" => "text",
        "csv" => "csv",
        "yaml" | "yml" => "yaml",
        "json" => "json",
        "pdf" => "pdf",
        "docx" | "doc" => "docx",
        "xlsx" | "xls" => "xlsx",
        _ => "other",
    }
}

/// Reads a regulatory document: [`read_document`], and for an index page the pages it links to,
/// whose headings and text become its own (judged for being a template together).
pub(super) fn read_regulatory_document(ctx: &Context, path: &str) -> Option<Document> {
    let mut doc = read_document(ctx, path)?;
    if doc.format != "markdown" || !index_pages::is_index_page(path) {
        return Some(doc);
    }
    let mut text = doc.text.clone();
    for (page, headings, page_text) in index_pages::linked_pages(ctx, path, &doc.text) {
        doc.headings.extend(headings);
        text.push_str("\n\n");
        text.push_str(&page_text);
        doc.linked_pages.push(page);
    }
    doc.unfilled_reason = unfilled_reason(&text);
    doc.unfilled = doc.unfilled_reason.is_some();
    if !doc.text_truncated && text.len() > MAX_DOCUMENT_TEXT {
        doc.text_truncated = true;
        ctx.diagnose(
            path,
            format!("with its linked pages, {}", text_cut(text.len())),
        );
    }
    doc.text = truncate_at_char(&text, MAX_DOCUMENT_TEXT).to_string();
    Some(doc)
}

/// Reads one document; other extractors reuse this for their own document kinds.
pub fn read_document(ctx: &Context, path: &str) -> Option<Document> {
    let format = format_of(path);
    let mut doc = Document {
        path: path.to_string(),
        format,
        ..Document::default()
    };
    if matches!(format, "pdf" | "docx" | "xlsx" | "other") {
        return Some(doc);
    }
    let bytes = ctx.read(path)?;
    let text = match decode_text(bytes) {
        Ok(t) => t,
        Err(why) => {
            ctx.diagnose(path, why);
            return Some(doc);
        }
    };
    if let Err(e) = parse_document(&mut doc, &text) {
        ctx.diagnose(path, e);
    }
    if doc.text_truncated {
        ctx.diagnose(path, text_cut(text.len()));
    }
    Some(doc)
}

/// The diagnostic for a document whose text is longer than the evidence keeps.
fn text_cut(len: usize) -> String {
    format!(
        "{len} bytes of text; only the first {MAX_DOCUMENT_TEXT} are kept in the evidence \
         (`text_truncated`), so the rules that search its text judge only that part"
    )
}

/// Fills `doc` (of a text format) from its text: front matter, headings, title, whether it is an
/// unfilled template, and the text itself up to [`MAX_DOCUMENT_TEXT`]. Front matter that is not
/// valid YAML is the error, and the rest is filled all the same. The extractors and the fuzz
/// targets enter here.
pub(crate) fn parse_document(doc: &mut Document, text: &str) -> Result<(), String> {
    let mut problem = Ok(());
    let (front, body_start) = split_front_matter(text);
    if let Some(yaml) = front {
        match crate::evidence::read::yaml::from_str::<Value>(yaml) {
            Ok(v) => doc.front_matter = v,
            Err(e) => problem = Err(format!("front matter is not valid YAML: {e}")),
        }
    }
    doc.headings = sections_of(doc.format, text, body_start);
    doc.title = doc
        .front_matter
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| title_of(&doc.headings));
    doc.unfilled_reason = unfilled_reason(text);
    doc.unfilled = doc.unfilled_reason.is_some();
    doc.text_truncated = text.len() > MAX_DOCUMENT_TEXT;
    doc.text = truncate_at_char(text, MAX_DOCUMENT_TEXT).to_string();
    problem
}

fn truncate_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_char_boundaries() {
        assert_eq!(truncate_at_char("가나다", 4), "가");
    }
}
