//! GitHub issue forms (`.github/ISSUE_TEMPLATE/*.yml`): YAML with `name`, `description`,
//! `title`, `labels` and a `body` list whose inputs carry `attributes.label` and an optional
//! `id`. Markdown blocks in the body (`type: markdown`) are text, not fields.

use super::{Field, Header, Template, labels_of, text_of};
use crate::config::yaml_lines::YamlLines;
use serde_json::Value;

/// Parses an issue form; the error says why the YAML is not a form.
pub(super) fn parse(text: &str) -> Result<Template, String> {
    let root: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    if !root.is_object() {
        return Err("not a YAML mapping".into());
    }
    let header = Header {
        name: text_of(root.get("name")),
        about: text_of(root.get("description")),
        title: text_of(root.get("title")),
        labels: labels_of(root.get("labels")),
    };
    let lines = YamlLines::index(text);
    let fields = match root.get("body") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let line = lines.line_of(&format!("body[{i}]")).unwrap_or(1);
                field_of(item, line)
            })
            .collect(),
        None | Some(Value::Null) => vec![],
        Some(_) => return Err("`body` is not a list".into()),
    };
    Ok(Template { header, fields })
}

fn field_of(item: &Value, line: usize) -> Option<Field> {
    let label = text_of(item.pointer("/attributes/label"))?;
    Some(Field {
        label,
        id: text_of(item.get("id")),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "name: Problem report
description: Report a defect in CardioWatch
labels: [bug, triage]
body:
  - type: markdown
    attributes:
      value: Thanks for reporting.
  - type: textarea
    id: safety-impact
    attributes:
      label: Safety impact
  - type: input
    id: version
    attributes:
      label: Affected version
";

    #[test]
    fn form_fields_and_header() {
        let t = parse(FORM).unwrap();
        assert_eq!(t.header.name.as_deref(), Some("Problem report"));
        assert_eq!(t.header.labels, ["bug", "triage"]);
        let fields: Vec<(&str, Option<&str>, usize)> = t
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.id.as_deref(), f.line))
            .collect();
        assert_eq!(
            fields,
            [
                ("Safety impact", Some("safety-impact"), 8),
                ("Affected version", Some("version"), 12)
            ]
        );
        assert!(t.is_problem_report(".github/ISSUE_TEMPLATE/report.yml"));
    }

    #[test]
    fn korean_form_is_a_problem_report_asking_for_safety() {
        let t = parse("name: 결함 보고\nbody:\n  - type: textarea\n    attributes:\n      label: 환자 위해 가능성\n").unwrap();
        assert!(t.is_problem_report(".github/ISSUE_TEMPLATE/report.yml"));
        assert_eq!(t.fields[0].label, "환자 위해 가능성");
    }

    #[test]
    fn malformed_forms_are_errors() {
        assert!(
            parse("name: [unclosed\n")
                .unwrap_err()
                .contains("not valid YAML")
        );
        assert!(parse("- a\n- b\n").is_err());
        assert!(parse("name: x\nbody: text\n").is_err());
    }
}
