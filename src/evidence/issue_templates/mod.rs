//! Issue templates (GitHub issue forms and Markdown templates, GitLab description templates): how
//! the project asks for problem reports. IEC 62304 §9 expects a problem report to record whether
//! the problem affects safety, which versions it affects and how it is classified (MFDS-SWL-010),
//! so for each template the evidence says whether it is a problem (bug) report and whether its
//! fields ask for the safety impact, the affected versions and a classification.
//!
//! A template is a problem report when its file name, `name:`, `about:`, `title:`, `description:`
//! or labels (or a Markdown template's first heading) say bug, problem, defect or anomaly (버그,
//! 문제, 결함, 이상). Its fields are the labels and ids of an issue form's `body`, or a Markdown
//! template's headings and `**Label**:` lines. A file that does not parse is recorded with
//! `parsed: false` and its error, and a diagnostic names it.

mod form;
mod markdown;

use super::extractor::{FileKind, extension};
use super::{Context, Extractor};
use regex::Regex;
use serde::Serialize;
use serde_json::{Value, json};
use std::sync::LazyLock;

pub(super) struct IssueTemplateExtractor;

const KINDS: &[FileKind] = &[FileKind {
    name: "issue_template",
    globs: &[
        ".github/ISSUE_TEMPLATE/*.md",
        ".github/ISSUE_TEMPLATE/*.yml",
        ".github/ISSUE_TEMPLATE/*.yaml",
        ".github/ISSUE_TEMPLATE.md",
        ".gitlab/issue_templates/*.md",
    ],
    sniffer: None,
}];

/// GitHub's template chooser settings, in the same folder as the templates.
const CHOOSER_CONFIG: &[&str] = &["config.yml", "config.yaml"];

static PROBLEM_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(bug|problem|defect|anomal)|버그|문제|결함|이상").expect("valid pattern")
});
static SAFETY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)safety|hazard|\bharm|patient|안전|위해").expect("valid pattern")
});
static VERSION_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)version|버전").expect("valid pattern"));
static CLASSIFICATION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)severity|priority|classif|심각도|등급").expect("valid pattern")
});

/// What a template says about itself: the texts that tell whether it is a problem report.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Header {
    pub name: Option<String>,
    pub about: Option<String>,
    pub title: Option<String>,
    pub labels: Vec<String>,
}

/// One field the reporter fills in.
#[derive(Debug, Serialize, PartialEq)]
pub(crate) struct Field {
    pub label: String,
    pub id: Option<String>,
    pub line: usize,
}

/// A parsed template.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Template {
    pub header: Header,
    pub fields: Vec<Field>,
}

impl Template {
    /// True when the file name or what the template says about itself names a problem report.
    pub(super) fn is_problem_report(&self, path: &str) -> bool {
        let file_name = path.rsplit('/').next().unwrap_or(path);
        let h = &self.header;
        [&h.name, &h.about, &h.title]
            .into_iter()
            .flatten()
            .chain(&h.labels)
            .any(|text| PROBLEM_WORDS.is_match(text))
            || PROBLEM_WORDS.is_match(file_name)
    }

    /// True when some field's label or id matches `words`.
    fn asks(&self, words: &Regex) -> bool {
        self.fields.iter().any(|f| {
            words.is_match(&f.label) || f.id.as_deref().is_some_and(|id| words.is_match(id))
        })
    }

    fn record(&self, path: &str, format: &str) -> Value {
        json!({
            "path": path,
            "format": format,
            "parsed": true,
            "error": null,
            "name": self.header.name,
            "about": self.header.about,
            "title": self.header.title,
            "labels": self.header.labels,
            "problem_report": self.is_problem_report(path),
            "fields": self.fields,
            "asks": {
                "safety_impact": self.asks(&SAFETY_WORDS),
                "affected_versions": self.asks(&VERSION_WORDS),
                "classification": self.asks(&CLASSIFICATION_WORDS),
            },
        })
    }
}

impl Extractor for IssueTemplateExtractor {
    fn key(&self) -> &'static str {
        "issue_templates"
    }

    fn kinds(&self) -> &'static [FileKind] {
        KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let templates: Vec<Value> = ctx
            .files("issue_template")
            .iter()
            .filter(|p| !is_chooser_config(p))
            .filter_map(|p| read_template(ctx, p))
            .collect();
        Value::Array(templates)
    }
}

fn is_chooser_config(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    CHOOSER_CONFIG.contains(&name.as_str())
}

/// Reads an issue template's text as its extension says (`form` for YAML issue forms, else
/// `markdown`): the format's name and the template, or the parse error. The extractor and the
/// fuzz targets enter here.
pub(crate) fn parse_template(path: &str, text: &str) -> (&'static str, Result<Template, String>) {
    match extension(path).as_str() {
        "yml" | "yaml" => ("form", form::parse(text)),
        _ => ("markdown", markdown::parse(text)),
    }
}

fn read_template(ctx: &Context, path: &str) -> Option<Value> {
    let text = ctx.read_text(path)?;
    let (format, parsed) = parse_template(path, &text);
    Some(match parsed {
        Ok(template) => template.record(path, format),
        Err(error) => {
            ctx.diagnose(path, format!("issue template not read: {error}"));
            let mut record = Template::default().record(path, format);
            record["parsed"] = json!(false);
            record["error"] = json!(error);
            record
        }
    })
}

/// Labels as GitHub and GitLab accept them: a list, or one comma-separated string.
pub(super) fn labels_of(value: Option<&Value>) -> Vec<String> {
    let raw: Vec<String> = match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => s.split(',').map(str::to_string).collect(),
        _ => vec![],
    };
    raw.into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A non-empty trimmed string value.
pub(super) fn text_of(value: Option<&Value>) -> Option<String> {
    let s = value?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(label: &str) -> Field {
        Field {
            label: label.into(),
            id: None,
            line: 1,
        }
    }

    #[test]
    fn problem_reports_are_told_by_name_header_or_labels() {
        let plain = Template::default();
        assert!(plain.is_problem_report(".github/ISSUE_TEMPLATE/bug_report.md"));
        assert!(plain.is_problem_report(".gitlab/issue_templates/결함보고.md"));
        assert!(!plain.is_problem_report(".github/ISSUE_TEMPLATE/feature.yml"));
        assert!(!plain.is_problem_report(".github/ISSUE_TEMPLATE/debugging.yml"));
        let labelled = Template {
            header: Header {
                labels: vec!["anomaly".into()],
                ..Header::default()
            },
            fields: vec![],
        };
        assert!(labelled.is_problem_report(".github/ISSUE_TEMPLATE/report.yml"));
    }

    #[test]
    fn fields_tell_what_the_template_asks() {
        let t = Template {
            header: Header::default(),
            fields: vec![
                field("환자 안전 영향"),
                field("Affected version"),
                field("심각도"),
            ],
        };
        assert!(t.asks(&SAFETY_WORDS));
        assert!(t.asks(&VERSION_WORDS));
        assert!(t.asks(&CLASSIFICATION_WORDS));
        assert!(!Template::default().asks(&SAFETY_WORDS));
    }

    #[test]
    fn labels_from_a_list_or_a_comma_separated_string() {
        assert_eq!(labels_of(Some(&json!("bug, triage"))), ["bug", "triage"]);
        assert_eq!(labels_of(Some(&json!(["bug", " "]))), ["bug"]);
        assert!(labels_of(None).is_empty());
    }
}
