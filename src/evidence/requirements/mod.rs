//! Software requirements (IEC 62304 §5.2): ids and titles read from Markdown (headings, list
//! items, tables), YAML, CSV, doorstop items, StrictDoc `.sdoc` files and sphinx-needs
//! `needs.json` exports.
//!
//! Requirements kept one per file as front matter records (`id: SRS-001`, `type: requirement`,
//! or any `id` in a `requirements/` folder; see `documents::records`) count whatever their id
//! looks like, and the records that link to one (a risk control `implemented_by: SRS-001`) are
//! named in its text. Unfilled templates are listed with `unfilled: true` and yield nothing.
//!
//! Files are found by the `requirements` kind's globs (`docs/requirements/**`, `requirements/**`,
//! `**/*requirements*.md`, `**/SRS*`, `*.sdoc`; never pip's `requirements*.txt`), by a
//! specification title in Markdown ("Software Requirements Specification", "요구사항 명세"),
//! and in doorstop document folders (beside a `.doorstop.yml`). Ids are what `verification.requirement_id`
//! matches (default `\b(REQ|SRS|SWR)-\d+\b`), except doorstop ids, which are the item file names.
//! Each requirement keeps a bounded copy of its text so that policies can see which risk controls
//! it implements. Duplicates are kept: MFDS-SWL-002 reports them.

mod doorstop;
mod front_matter;
mod markdown;
mod needs_json;
mod sdoc;
mod structured;

use super::documents::{files_titled, records::records as dhf_records, unfilled_reason};
use super::extractor::{FileKind, extension};
use super::{Context, Extractor};
use crate::config::LoadedConfig;
use regex::Regex;
use serde::Serialize;
use serde_json::{Value, json};

pub struct RequirementsExtractor;

/// Title phrases (lower case) of requirement specifications found by title, whatever their name.
const SPECIFICATION_TITLES: &[&str] = &[
    "software requirements",
    "requirements specification",
    "system requirements",
    "요구사항 명세",
    "소프트웨어 요구사항",
];

/// The default requirement id pattern (`verification.requirement_id`).
pub const DEFAULT_REQUIREMENT_ID: &str = r"\b(REQ|SRS|SWR)-\d+\b";

/// At most this many characters of a requirement's text are kept. Never makes a rule pass: the
/// rules search a requirement's text only for what it names (risk controls, logging), so text
/// past the bound can hide a link (a finding), never a fault.
const MAX_REQUIREMENT_TEXT: usize = 2000;

const REQUIREMENT_KINDS: &[FileKind] = &[FileKind {
    name: "requirements",
    globs: &[
        "docs/requirements/**",
        "requirements/**",
        "*requirements*.md",
        "SRS*",
        "*.sdoc",
        "needs.json",
    ],
    sniffer: None,
}];

/// The configured requirement id pattern (the config loader has already checked it compiles).
pub fn requirement_id_pattern(config: &LoadedConfig) -> Regex {
    let configured = config.config.verification.requirement_id.as_deref();
    configured
        .and_then(|p| Regex::new(p).ok())
        .unwrap_or_else(|| {
            Regex::new(DEFAULT_REQUIREMENT_ID).expect("the default pattern compiles")
        })
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub title: String,
    pub path: String,
    pub line: usize,
    /// How it was written: `heading`, `list`, `table`, `yaml`, `csv`, `doorstop`, `sdoc`,
    /// `front_matter`, `needs`.
    pub form: &'static str,
    /// The requirement's own text (its row, or its section up to the next heading), bounded.
    pub text: String,
}

impl Requirement {
    pub fn new(id: &str, title: &str, line: usize, form: &'static str, text: &str) -> Requirement {
        Requirement {
            id: id.to_string(),
            title: title.trim().to_string(),
            path: String::new(),
            line,
            form,
            text: bounded(text),
        }
    }
}

fn bounded(text: &str) -> String {
    text.chars()
        .take(MAX_REQUIREMENT_TEXT)
        .collect::<String>()
        .trim()
        .to_string()
}

#[derive(Debug, Serialize)]
struct RequirementFile {
    path: String,
    format: &'static str,
    parsed: bool,
    error: Option<String>,
    count: usize,
    /// An unfilled template: read, but its ids (if any) are not requirements.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unfilled: bool,
}

impl Extractor for RequirementsExtractor {
    fn key(&self) -> &'static str {
        "requirements"
    }

    fn kinds(&self) -> &'static [FileKind] {
        REQUIREMENT_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let pattern = requirement_id_pattern(ctx.config);
        let doorstop = doorstop::Documents::find(ctx);
        // A document with front matter that defines requirements in its body is not a record.
        let mut records = dhf_records(ctx);
        records
            .retain(|r| r.kind != "requirement" || markdown::parse(&r.body, &pattern).is_empty());
        let (mut files, mut items) = front_matter::requirements(&records);
        let mut paths: Vec<String> = ctx.files("requirements").to_vec();
        paths.extend(doorstop.items(ctx).0);
        paths.extend(
            files_titled(ctx, SPECIFICATION_TITLES)
                .into_iter()
                .filter(|p| format_of(p, false) == "markdown"),
        );
        paths.sort();
        paths.dedup();
        paths.retain(|p| !files.iter().any(|f: &RequirementFile| f.path == *p));
        for path in paths.iter().filter(|p| !is_pip_requirements(p)) {
            let item = doorstop.is_requirement_item(path);
            let (file, found) = read_file(ctx, path, &pattern, item);
            items.extend(found);
            files.push(file);
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        json!({"id_pattern": pattern.as_str(), "files": files, "items": items})
    }
}

/// The links of test records kept with the requirements (doorstop test items, sphinx-needs
/// test needs) to what they verify: (path, line, linked id).
pub fn test_item_links(ctx: &Context) -> Vec<(String, usize, String)> {
    let documents = doorstop::Documents::find(ctx);
    let (_, tests) = documents.items(ctx);
    let mut out: Vec<(String, usize, String)> = tests
        .iter()
        .filter_map(|path| Some(doorstop::test_links(path, &ctx.read_text(path)?)))
        .flatten()
        .collect();
    for path in ctx
        .files("requirements")
        .iter()
        .filter(|p| p.ends_with("needs.json"))
    {
        let Some((_, links)) = ctx.read_text(path).and_then(|t| needs_json::parse(&t).ok()) else {
            continue;
        };
        out.extend(links.into_iter().map(|(line, id)| (path.clone(), line, id)));
    }
    out
}

/// pip's requirement files are not software requirements.
fn is_pip_requirements(path: &str) -> bool {
    matches!(extension(path).as_str(), "txt" | "in" | "pip")
}

fn format_of(path: &str, doorstop: bool) -> &'static str {
    match extension(path).as_str() {
        "yml" | "yaml" if doorstop => "doorstop",
        "json" if path.ends_with("needs.json") => "needs",
        "md" | "markdown" => "markdown",
        "yml" | "yaml" => "yaml",
        "csv" => "csv",
        "sdoc" => "sdoc",
        _ => "other",
    }
}

fn read_file(
    ctx: &Context,
    path: &str,
    pattern: &Regex,
    doorstop: bool,
) -> (RequirementFile, Vec<Requirement>) {
    let format = format_of(path, doorstop);
    let mut file = RequirementFile {
        path: path.to_string(),
        format,
        parsed: false,
        error: None,
        count: 0,
        unfilled: false,
    };
    if format == "other" {
        file.error = Some(
            "not a format samdscan reads requirements from (Markdown, YAML, CSV, doorstop, .sdoc, needs.json)"
                .into(),
        );
        return (file, vec![]);
    }
    let Some(text) = ctx.read_text(path) else {
        file.error = Some("could not be read (see diagnostics)".into());
        return (file, vec![]);
    };
    if format != "doorstop" && unfilled_reason(&text).is_some() {
        file.parsed = true;
        file.unfilled = true;
        return (file, vec![]);
    }
    let result = match format {
        "markdown" => Ok(markdown::parse(&text, pattern)),
        "sdoc" => Ok(sdoc::parse(&text)),
        "csv" => structured::parse_csv(&text, pattern),
        "doorstop" => doorstop::parse_item(path, &text),
        "needs" => needs_json::parse(&text).map(|(requirements, _)| requirements),
        _ => structured::parse_yaml(&text, pattern),
    };
    match result {
        Ok(mut found) => {
            for r in &mut found {
                r.path = path.to_string();
            }
            file.parsed = true;
            file.count = found.len();
            (file, found)
        }
        Err(e) => {
            ctx.diagnose(path, format!("requirements file does not parse: {e}"));
            file.error = Some(e);
            (file, vec![])
        }
    }
}
