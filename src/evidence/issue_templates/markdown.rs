//! Markdown issue templates (GitHub `.github/ISSUE_TEMPLATE/*.md` with `name`/`about`/`title`/
//! `labels` front matter, the legacy `.github/ISSUE_TEMPLATE.md`, GitLab description templates):
//! the fields are the headings and the `**Label**:` lines.

use super::super::read::headings::{headings_of, split_front_matter};
use super::{Field, Header, Template, labels_of, text_of};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// `**Label**:` or `**Label:**`, at the start of a line (after an optional list marker).
static BOLD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*]\s+)?\*\*([^*:]+?):?\*\*\s*:?").expect("valid pattern")
});

/// Parses a Markdown template; the error says why its front matter is not YAML.
pub(super) fn parse(text: &str) -> Result<Template, String> {
    let (front, body_start) = split_front_matter(text);
    let mut header = match front {
        Some(yaml) => header_of(yaml)?,
        None => Header::default(),
    };
    let headings = headings_of("markdown", text, body_start);
    let mut fields: Vec<Field> = headings
        .iter()
        .map(|h| Field {
            label: h.text.clone(),
            id: None,
            line: h.line,
        })
        .collect();
    fields.extend(bold_labels(text, body_start));
    fields.sort_by_key(|f| f.line);
    if header.title.is_none() && front.is_none() {
        header.title = headings.first().map(|h| h.text.clone());
    }
    Ok(Template { header, fields })
}

fn header_of(yaml: &str) -> Result<Header, String> {
    let front: Value = crate::evidence::read::yaml::from_str(yaml)
        .map_err(|e| format!("front matter is not valid YAML: {e}"))?;
    Ok(Header {
        name: text_of(front.get("name")),
        about: text_of(front.get("about")),
        title: text_of(front.get("title")),
        labels: labels_of(front.get("labels")),
    })
}

fn bold_labels(text: &str, body_start: usize) -> impl Iterator<Item = Field> + '_ {
    text.lines()
        .enumerate()
        .skip(body_start)
        .filter_map(|(i, line)| {
            let label = BOLD_LABEL.captures(line)?.get(1)?.as_str().trim();
            Some(Field {
                label: label.to_string(),
                id: None,
                line: i + 1,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_headings_and_bold_labels() {
        let text = "---\nname: Bug report\nabout: Something is wrong\nlabels: bug\n---\n## Describe the bug\n\n**Safety impact**: \n- **Version:** \n";
        let t = parse(text).unwrap();
        assert_eq!(t.header.name.as_deref(), Some("Bug report"));
        assert_eq!(t.header.labels, ["bug"]);
        let labels: Vec<(&str, usize)> = t
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.line))
            .collect();
        assert_eq!(
            labels,
            [
                ("Describe the bug", 6),
                ("Safety impact", 8),
                ("Version", 9)
            ]
        );
    }

    #[test]
    fn korean_template_without_front_matter_takes_its_title_from_the_heading() {
        let t = parse("# 문제 보고\n\n## 안전 영향\n\n## 영향받는 버전\n").unwrap();
        assert_eq!(t.header.title.as_deref(), Some("문제 보고"));
        assert!(t.is_problem_report(".gitlab/issue_templates/Default.md"));
        assert_eq!(t.fields.len(), 3);
    }

    #[test]
    fn malformed_front_matter_is_an_error() {
        let err = parse("---\nname: [x\n---\n# T\n").unwrap_err();
        assert!(err.contains("front matter"));
    }
}
