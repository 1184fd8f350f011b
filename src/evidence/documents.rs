//! Regulatory documents (plans, reports, policies, change logs): found by name, read as text,
//! and summarised as title, headings, YAML front matter and a bounded copy of the text.
//!
//! Policies judge what a document says through these fields; binary formats (PDF, DOCX) are
//! recorded by name only.

use super::context::decode_text;
use super::kinds::{FileKind, extension};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Map, Value};

/// At most this much of a document's text is put in the evidence.
pub const MAX_DOCUMENT_TEXT: usize = 64 * 1024;

pub struct DocumentExtractor;

/// The document kinds and their default name globs (regulatory catalogue §5.2).
pub const DOCUMENT_KINDS: &[FileKind] = &[
    doc_kind(
        "software_development_plan",
        &[
            "*software-development-plan*",
            "*software_development_plan*",
            "SDP.md",
            "SDP-*",
            "*소프트웨어*개발*계획*",
        ],
    ),
    doc_kind(
        "risk_management_plan",
        &[
            "*risk-management-plan*",
            "*risk_management_plan*",
            "*위험관리*계획*",
        ],
    ),
    doc_kind(
        "risk_table",
        &[
            "*risk-table*",
            "*risk_table*",
            "*fmea*",
            "*hazard-analysis*",
            "*hazard_analysis*",
            "*hazard-log*",
            "*위험*분석*",
        ],
    ),
    doc_kind(
        "risk_management_report",
        &[
            "*risk-management-report*",
            "*risk_management_report*",
            "*위험관리*보고서*",
        ],
    ),
    doc_kind(
        "security_policy",
        &[
            "SECURITY.md",
            "SECURITY.rst",
            "SECURITY.txt",
            "security.txt",
        ],
    ),
    doc_kind(
        "changelog",
        &[
            "CHANGELOG*",
            "CHANGES.md",
            "CHANGES.rst",
            "HISTORY.md",
            "NEWS.md",
            "RELEASE_NOTES*",
            "RELEASE-NOTES*",
            "docs/release-notes/**",
        ],
    ),
];

const fn doc_kind(name: &'static str, globs: &'static [&'static str]) -> FileKind {
    FileKind {
        name,
        globs,
        sniffer: None,
    }
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Heading {
    pub level: usize,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct Document {
    pub path: String,
    pub format: &'static str,
    pub title: Option<String>,
    pub headings: Vec<Heading>,
    pub front_matter: Value,
    pub text: String,
    pub text_truncated: bool,
}

impl Extractor for DocumentExtractor {
    fn key(&self) -> &'static str {
        "documents"
    }

    fn kinds(&self) -> &'static [FileKind] {
        DOCUMENT_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut out = Map::new();
        for kind in DOCUMENT_KINDS {
            let docs: Vec<Value> = ctx
                .files(kind.name)
                .iter()
                .filter_map(|p| read_document(ctx, p))
                .map(|d| serde_json::to_value(d).unwrap_or_default())
                .collect();
            out.insert(kind.name.into(), Value::Array(docs));
        }
        Value::Object(out)
    }
}

fn format_of(path: &str) -> &'static str {
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

/// Reads one document; other extractors reuse this for their own document kinds.
pub fn read_document(ctx: &Context, path: &str) -> Option<Document> {
    let format = format_of(path);
    let mut doc = Document {
        path: path.to_string(),
        format,
        title: None,
        headings: vec![],
        front_matter: Value::Null,
        text: String::new(),
        text_truncated: false,
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
    let (front, body_start) = split_front_matter(&text);
    if let Some(yaml) = front {
        match yaml_serde::from_str::<Value>(yaml) {
            Ok(v) => doc.front_matter = v,
            Err(e) => ctx.diagnose(path, format!("front matter is not valid YAML: {e}")),
        }
    }
    doc.headings = match format {
        "markdown" | "text" => markdown_headings(&text, body_start),
        "asciidoc" => prefixed_headings(&text, body_start, '='),
        "rst" => rst_headings(&text),
        _ => vec![],
    };
    doc.title = doc
        .front_matter
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            doc.headings
                .iter()
                .min_by_key(|h| (h.level, h.line))
                .map(|h| h.text.clone())
        });
    doc.text_truncated = text.len() > MAX_DOCUMENT_TEXT;
    doc.text = truncate_at_char(&text, MAX_DOCUMENT_TEXT).to_string();
    Some(doc)
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

/// YAML front matter between `---` lines at the very top; returns it and the body's first line.
fn split_front_matter(text: &str) -> (Option<&str>, usize) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, 0);
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), i + 2);
        }
        offset += line.len();
    }
    (None, 0)
}

fn markdown_headings(text: &str, skip_lines: usize) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut in_fence = false;
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate().skip(skip_lines) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || line.starts_with("    ") {
            continue;
        }
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let text = t[hashes..].trim().trim_end_matches('#').trim().to_string();
            out.push(Heading {
                level: hashes,
                text,
                line: i + 1,
            });
        } else if i > skip_lines
            && !t.is_empty()
            && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
        {
            let prev = lines[i - 1].trim();
            if !prev.is_empty() && t.len() >= 3 && !prev.starts_with('#') && !prev.starts_with('|')
            {
                out.push(Heading {
                    level: if t.starts_with('=') { 1 } else { 2 },
                    text: prev.to_string(),
                    line: i,
                });
            }
        }
    }
    out
}

fn prefixed_headings(text: &str, skip_lines: usize, marker: char) -> Vec<Heading> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(skip_lines) {
        let n = line.chars().take_while(|c| *c == marker).count();
        if (1..=6).contains(&n) && line[n..].starts_with(' ') {
            out.push(Heading {
                level: n,
                text: line[n..].trim().to_string(),
                line: i + 1,
            });
        }
    }
    out
}

fn rst_headings(text: &str) -> Vec<Heading> {
    let lines: Vec<&str> = text.lines().collect();
    let mut styles: Vec<char> = Vec::new();
    let mut out = Vec::new();
    for i in 1..lines.len() {
        let under = lines[i].trim_end();
        let title = lines[i - 1].trim();
        let Some(c) = under.chars().next() else {
            continue;
        };
        if title.is_empty() || !"=-~^\"'`#*+".contains(c) || !under.chars().all(|x| x == c) {
            continue;
        }
        if under.chars().count() < title.chars().count().min(3) {
            continue;
        }
        let level = match styles.iter().position(|s| *s == c) {
            Some(p) => p + 1,
            None => {
                styles.push(c);
                styles.len()
            }
        };
        out.push(Heading {
            level,
            text: title.to_string(),
            line: i,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_skip_code_and_front_matter() {
        let text = "---\ntitle: Plan\nversion: 2\n---\n# Risk plan\n\n```\n# not a heading\n```\n## Scope ##\nSetext\n------\n";
        let (front, start) = split_front_matter(text);
        assert_eq!(front, Some("title: Plan\nversion: 2\n"));
        let h = markdown_headings(text, start);
        let texts: Vec<&str> = h.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Risk plan", "Scope", "Setext"]);
        assert_eq!(h[0].line, 5);
    }

    #[test]
    fn korean_headings_are_kept() {
        let h = markdown_headings("# 위험관리 계획\n## 허용 기준\n", 0);
        assert_eq!(h[1].text, "허용 기준");
    }

    #[test]
    fn rst_and_asciidoc_headings() {
        let r = rst_headings("Title\n=====\n\nSection\n-------\n");
        assert_eq!(r.iter().map(|h| h.level).collect::<Vec<_>>(), [1, 2]);
        let a = prefixed_headings("= Doc\n== Part\n", 0, '=');
        assert_eq!(a[1].text, "Part");
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        assert_eq!(truncate_at_char("가나다", 4), "가");
    }
}
