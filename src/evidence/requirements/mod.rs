//! Software requirements (IEC 62304 §5.2): ids and titles read from Markdown (headings, list
//! items, tables), YAML, CSV, doorstop items and StrictDoc `.sdoc` files.
//!
//! Files are found by the `requirements` kind's globs (`docs/requirements/**`, `requirements/**`,
//! `**/*requirements*.md`, `**/SRS*`, `*.sdoc`; never pip's `requirements*.txt`) and in doorstop
//! document folders (beside a `.doorstop.yml`). Ids are what `verification.requirement_id`
//! matches (default `\b(REQ|SRS|SWR)-\d+\b`), except doorstop ids, which are the item file names.
//! Each requirement keeps a bounded copy of its text so that policies can see which risk controls
//! it implements. Duplicates are kept: MFDS-SWL-002 reports them.

mod markdown;
mod sdoc;
mod structured;

use super::extractor::{FileKind, extension};
use super::{Context, Extractor};
use crate::config::LoadedConfig;
use regex::Regex;
use serde::Serialize;
use serde_json::{Value, json};

pub struct RequirementsExtractor;

/// The default requirement id pattern (`verification.requirement_id`).
pub const DEFAULT_REQUIREMENT_ID: &str = r"\b(REQ|SRS|SWR)-\d+\b";

/// At most this much of a requirement's text is kept.
const MAX_REQUIREMENT_TEXT: usize = 2000;

const REQUIREMENT_KINDS: &[FileKind] = &[FileKind {
    name: "requirements",
    globs: &[
        "docs/requirements/**",
        "requirements/**",
        "*requirements*.md",
        "SRS*",
        "*.sdoc",
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
    /// How it was written: `heading`, `list`, `table`, `yaml`, `csv`, `doorstop`, `sdoc`.
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
        let doorstop_dirs = structured::doorstop_folders(ctx);
        let mut paths: Vec<String> = ctx.files("requirements").to_vec();
        paths.extend(structured::doorstop_items(ctx, &doorstop_dirs));
        paths.sort();
        paths.dedup();
        let mut files = Vec::new();
        let mut items = Vec::new();
        for path in paths.iter().filter(|p| !is_pip_requirements(p)) {
            let doorstop = structured::in_doorstop_folder(path, &doorstop_dirs);
            let (file, found) = read_file(ctx, path, &pattern, doorstop);
            items.extend(found);
            files.push(file);
        }
        json!({"id_pattern": pattern.as_str(), "files": files, "items": items})
    }
}

/// pip's requirement files are not software requirements.
fn is_pip_requirements(path: &str) -> bool {
    matches!(extension(path).as_str(), "txt" | "in" | "pip")
}

fn format_of(path: &str, doorstop: bool) -> &'static str {
    match extension(path).as_str() {
        "yml" | "yaml" if doorstop => "doorstop",
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
    };
    if format == "other" {
        file.error = Some(
            "not a format samdscan reads requirements from (Markdown, YAML, CSV, doorstop, .sdoc)"
                .into(),
        );
        return (file, vec![]);
    }
    let Some(text) = ctx.read_text(path) else {
        file.error = Some("could not be read (see diagnostics)".into());
        return (file, vec![]);
    };
    let result = match format {
        "markdown" => Ok(markdown::parse(&text, pattern)),
        "sdoc" => Ok(sdoc::parse(&text)),
        "csv" => structured::parse_csv(&text, pattern),
        "doorstop" => structured::parse_doorstop(path, &text),
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
