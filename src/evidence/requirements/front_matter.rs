//! Requirements kept one per file as front matter records: the record's id and title are the
//! requirement's, its text is its front matter and body, and every record that links to it is
//! named in that text (`linked from RC-001 (implemented_by)`), so MFDS-SWL-006 sees a risk
//! control implemented by it.

use super::{Requirement, RequirementFile};
use crate::evidence::documents::records::Record;

/// The requirement records as files and requirements.
pub(super) fn requirements(records: &[Record]) -> (Vec<RequirementFile>, Vec<Requirement>) {
    let mut files = Vec::new();
    let mut items = Vec::new();
    for r in records.iter().filter(|r| r.kind == "requirement") {
        files.push(RequirementFile {
            path: r.path.clone(),
            format: "markdown",
            parsed: true,
            error: None,
            count: 1,
            unfilled: false,
        });
        let mut text = format!("{}\n{}", r.front, r.body);
        for (from, field) in inbound(r, records) {
            text.push_str(&format!("\nlinked from {from} ({field})"));
        }
        let mut item = Requirement::new(&r.id, &r.title, r.line, "front_matter", &text);
        item.path = r.path.clone();
        items.push(item);
    }
    (files, items)
}

/// (record id, field) of the records that link to `target`.
fn inbound<'a>(target: &Record, records: &'a [Record]) -> Vec<(&'a str, &'a str)> {
    records
        .iter()
        .flat_map(|r| {
            r.links
                .iter()
                .filter(|(_, id, _)| *id == target.id)
                .map(move |(field, _, _)| (r.id.as_str(), field.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(id: &str, kind: &'static str, links: &[(&str, &str)]) -> Record {
        Record {
            path: format!("dhf/{id}.md"),
            id: id.into(),
            kind,
            title: format!("{id} title"),
            front: json!({"id": id}),
            body: "The system shall.".into(),
            body_line: 4,
            line: 2,
            links: links
                .iter()
                .map(|(f, t)| (f.to_string(), t.to_string(), 3))
                .collect(),
        }
    }

    #[test]
    fn records_become_requirements_named_by_their_links() {
        let records = [
            record("SYS-1", "requirement", &[]),
            record("RC-1", "risk_control", &[("implemented_by", "SYS-1")]),
        ];
        let (files, items) = requirements(&records);
        assert_eq!(items.len(), 1);
        assert_eq!(
            (items[0].id.as_str(), items[0].form),
            ("SYS-1", "front_matter")
        );
        assert!(items[0].text.contains("linked from RC-1 (implemented_by)"));
        assert_eq!((files.len(), files[0].count), (1, 1));
    }
}
