//! Data-split manifests: lists of subject (patient) ids per split, as CSV, plain text or JSON,
//! and the overlaps between a test split and a training or tuning split.
//!
//! The overlap is computed here, not in Rego: manifests can hold hundreds of thousands of ids,
//! and only counts and a few example ids belong in the evidence.

use super::super::Context;
use super::super::extractor::extension;
use super::datasheets::split_role;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// Column names that hold the subject id, in order of preference.
const ID_COLUMNS: &[&str] = &[
    "subject_id",
    "patient_id",
    "subject",
    "patient",
    "participant_id",
    "pid",
    "study_subject_id",
];
/// How many overlapping ids an overlap record shows. Cannot change a verdict: an overlap is
/// judged by its `count`, which counts every shared id; the examples only illustrate it.
const EXAMPLES: usize = 5;

/// One split read from a manifest (a JSON manifest may hold several).
#[derive(Debug, Serialize)]
pub(super) struct SplitManifest {
    pub path: String,
    /// `training`, `tuning`, `test`, or null when the name does not say.
    pub split: Option<&'static str>,
    pub subject_count: usize,
    pub parsed: bool,
    pub error: Option<String>,
    #[serde(skip)]
    pub ids: BTreeSet<String>,
}

/// Test ids that also appear in a training or tuning split.
#[derive(Debug, Serialize, PartialEq)]
pub(super) struct SplitOverlap {
    pub test: String,
    pub other: String,
    pub other_split: &'static str,
    pub count: usize,
    pub examples: Vec<String>,
}

pub(super) fn read_manifests(ctx: &Context, path: &str) -> Vec<SplitManifest> {
    let failed = |error: String| SplitManifest {
        path: path.to_string(),
        split: stem_role(path),
        subject_count: 0,
        parsed: false,
        error: Some(error),
        ids: BTreeSet::new(),
    };
    let Some(text) = ctx.read_text(path) else {
        return vec![failed("could not be read (see diagnostics)".into())];
    };
    let result = match extension(path).as_str() {
        "json" => parse_json(path, &text),
        "csv" | "tsv" => parse_table(&text, if extension(path) == "tsv" { '\t' } else { ',' })
            .map(|ids| vec![(stem_role(path), ids)]),
        _ => Ok(vec![(stem_role(path), parse_lines(&text))]),
    };
    match result {
        Ok(splits) => splits
            .into_iter()
            .map(|(split, ids)| SplitManifest {
                path: path.to_string(),
                split,
                subject_count: ids.len(),
                parsed: true,
                error: None,
                ids,
            })
            .collect(),
        Err(e) => {
            ctx.diagnose(path, format!("split manifest: {e}"));
            vec![failed(e)]
        }
    }
}

fn stem_role(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split_once('.').map_or(name, |(s, _)| s);
    split_role(stem)
}

type Splits = Vec<(Option<&'static str>, BTreeSet<String>)>;

/// `["id", ...]`, `[{"subject_id": ...}, ...]`, or `{"train": [...], "test": [...]}`.
fn parse_json(path: &str, text: &str) -> Result<Splits, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    match &v {
        Value::Array(items) => Ok(vec![(stem_role(path), ids_of(items)?)]),
        Value::Object(o) => {
            let mut out = Vec::new();
            for (key, items) in o {
                if let (Some(role), Some(items)) = (split_role(key), items.as_array()) {
                    out.push((Some(role), ids_of(items)?));
                }
            }
            if out.is_empty() {
                return Err("JSON object has no train/tune/test keys holding lists of ids".into());
            }
            Ok(out)
        }
        _ => Err("expected a list of ids or an object of lists keyed by split".into()),
    }
}

fn ids_of(items: &[Value]) -> Result<BTreeSet<String>, String> {
    items
        .iter()
        .map(|item| match item {
            Value::String(s) => Ok(s.trim().to_string()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Object(o) => ID_COLUMNS
                .iter()
                .find_map(|c| o.get(*c))
                .and_then(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .or_else(|| v.as_u64().map(|n| n.to_string()))
                })
                .ok_or_else(|| {
                    format!(
                        "an entry has none of the id keys ({})",
                        ID_COLUMNS.join(", ")
                    )
                }),
            other => Err(format!("unexpected entry {other}")),
        })
        .collect()
}

/// A CSV/TSV with a header naming the id column (or a single column).
fn parse_table(text: &str, sep: char) -> Result<BTreeSet<String>, String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .ok_or("empty file")?
        .split(sep)
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let column = ID_COLUMNS
        .iter()
        .find_map(|c| header.iter().position(|h| h == c))
        .or((header.len() == 1).then_some(0))
        .ok_or_else(|| {
            format!(
                "no subject id column in the header (expected one of: {})",
                ID_COLUMNS.join(", ")
            )
        })?;
    Ok(lines
        .filter_map(|l| l.split(sep).nth(column))
        .map(|c| c.trim().trim_matches('"').to_string())
        .filter(|c| !c.is_empty())
        .collect())
}

/// One id per line; `#` starts a comment.
fn parse_lines(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every test split against every training and tuning split.
pub(super) fn overlaps(manifests: &[SplitManifest]) -> Vec<SplitOverlap> {
    let mut out = Vec::new();
    for test in manifests.iter().filter(|m| m.split == Some("test")) {
        for other in manifests
            .iter()
            .filter(|m| matches!(m.split, Some("training" | "tuning")))
        {
            let shared: Vec<&String> = test.ids.intersection(&other.ids).collect();
            if shared.is_empty() {
                continue;
            }
            out.push(SplitOverlap {
                test: test.path.clone(),
                other: other.path.clone(),
                other_split: other.split.unwrap_or_default(),
                count: shared.len(),
                examples: shared.into_iter().take(EXAMPLES).cloned().collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(path: &str, split: &'static str, ids: &[&str]) -> SplitManifest {
        SplitManifest {
            path: path.into(),
            split: Some(split),
            subject_count: ids.len(),
            parsed: true,
            error: None,
            ids: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn csv_uses_the_named_column() {
        let ids = parse_table("image,patient_id\na.png,P1\nb.png,P2\nc.png,P1\n", ',').unwrap();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["P1", "P2"]);
        assert!(
            parse_table("image,label\na,1\n", ',')
                .unwrap_err()
                .contains("subject id column")
        );
    }

    #[test]
    fn json_shapes() {
        let s = parse_json(
            "splits/all.json",
            r#"{"train": ["a", "b"], "test": [{"subject_id": "b"}]}"#,
        )
        .unwrap();
        assert_eq!(s.len(), 2);
        assert!(parse_json("x.json", r#"{"foo": 1}"#).is_err());
        let one = parse_json("splits/test.json", r#"[1, 2]"#).unwrap();
        assert_eq!(one[0].0, Some("test"));
    }

    #[test]
    fn overlap_counts_and_examples() {
        let m = vec![
            manifest("splits/train.csv", "training", &["S1", "S2", "S3"]),
            manifest("splits/val.csv", "tuning", &["S9"]),
            manifest("splits/test.csv", "test", &["S3", "S2", "S7"]),
        ];
        let o = overlaps(&m);
        assert_eq!(o.len(), 1);
        assert_eq!(
            (o[0].count, o[0].examples.clone()),
            (2, vec!["S2".to_string(), "S3".into()])
        );
        assert_eq!(parse_lines("# ids\nA\n\nB # second\n").len(), 2);
    }
}
