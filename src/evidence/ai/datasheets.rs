//! Dataset datasheets (Markdown, or SPDX 3 dataset packages): which dataset, which split roles it
//! serves (training, tuning, test), and which of the required parts it documents.

use super::super::Context;
use super::super::documents::{Document, read_document};
use super::parts::{Part, front_matter_text, front_matter_value, missing, parts_of};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The parts a datasheet must have (GMLP 3 and 5; MFDS training-data disclosure).
pub(super) const DATASHEET_PARTS: &[Part] = &[
    (
        "provenance",
        &[
            "provenance",
            "source",
            "origin",
            "institution",
            "site",
            "출처",
            "기관",
        ],
    ),
    ("collection", &["collection", "acquisition", "수집", "획득"]),
    (
        "inclusion_criteria",
        &["inclusion", "exclusion", "criteria", "선정", "제외"],
    ),
    ("demographics", &["demographic", "population", "인구"]),
    (
        "annotation",
        &[
            "annotation",
            "labeling",
            "labelling",
            "ground truth",
            "reference standard",
            "라벨",
            "주석",
            "참조 표준",
        ],
    ),
    (
        "deidentification",
        &[
            "de-identif",
            "deidentif",
            "anonymi",
            "pseudonymi",
            "privacy",
            "가명",
            "비식별",
        ],
    ),
    (
        "split_role",
        &["split", "partition", "intended role", "분할"],
    ),
];

#[derive(Debug, Serialize, Clone)]
pub(super) struct Datasheet {
    pub path: String,
    /// `markdown` or `spdx3`.
    pub source: &'static str,
    pub name: Option<String>,
    /// `training`, `tuning` and/or `test`.
    pub roles: Vec<String>,
    pub parts: BTreeMap<String, Option<usize>>,
    pub missing_parts: Vec<String>,
}

pub(super) fn read_datasheet(ctx: &Context, path: &str) -> Option<Datasheet> {
    let doc = read_document(ctx, path)?;
    Some(datasheet_from_document(&doc))
}

fn datasheet_from_document(doc: &Document) -> Datasheet {
    let front = &doc.front_matter;
    let mut roles: Vec<String> = ["split", "role", "split_role", "roles"]
        .iter()
        .filter_map(|k| front_matter_value(front, k))
        .flat_map(|v| match v {
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Value::String(s) => s.split(',').map(str::to_string).collect(),
            _ => vec![],
        })
        .filter_map(|r| split_role(&r))
        .map(str::to_string)
        .collect();
    if roles.is_empty() {
        let name = doc.path.rsplit('/').nth(1).unwrap_or_default();
        roles.extend(split_role(name).map(str::to_string));
    }
    roles.sort();
    roles.dedup();
    let mut parts = parts_of(doc, DATASHEET_PARTS);
    if !roles.is_empty() {
        parts
            .entry("split_role".into())
            .or_default()
            .get_or_insert(1);
    }
    Datasheet {
        path: doc.path.clone(),
        source: "markdown",
        name: front_matter_text(front, &["dataset_name", "name", "dataset"])
            .or_else(|| doc.title.clone()),
        roles,
        missing_parts: missing(&parts),
        parts,
    }
}

/// The split role a word names: `training`, `tuning` or `test`.
pub(super) fn split_role(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    let has = |keys: &[&str]| {
        keys.iter().any(|k| {
            w.split(|c: char| !c.is_alphanumeric())
                .any(|token| token == *k)
        })
    };
    if has(&["train", "training", "trainset", "학습", "훈련"]) {
        Some("training")
    } else if has(&[
        "tune",
        "tuning",
        "val",
        "valid",
        "validation",
        "dev",
        "튜닝",
        "검증",
    ]) {
        Some("tuning")
    } else if has(&["test", "testing", "holdout", "external", "시험", "평가"]) {
        Some("test")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::ai::parts::test_document;
    use serde_json::json;

    #[test]
    fn roles_from_front_matter_or_folder() {
        let front = json!({"split": ["training", "validation"]});
        let mut d = test_document("data/test/DATASHEET.md", &[], front, "");
        assert_eq!(datasheet_from_document(&d).roles, ["training", "tuning"]);
        d.front_matter = Value::Null;
        let s = datasheet_from_document(&d);
        assert_eq!(s.roles, ["test"]);
        assert!(s.parts["split_role"].is_some());
        assert!(s.missing_parts.contains(&"provenance".to_string()));
    }

    #[test]
    fn split_words() {
        assert_eq!(split_role("train_ids"), Some("training"));
        assert_eq!(split_role("val"), Some("tuning"));
        assert_eq!(split_role("test-external"), Some("test"));
        assert_eq!(split_role("contest"), None);
    }
}
