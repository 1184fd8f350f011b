//! AI documents judged only by which parts they have (change management plans, AI labeling,
//! generative-AI evaluations, red-team reports), whether written as Markdown (headings and front
//! matter) or as YAML / JSON (keys).

use super::super::Context;
use super::super::documents::{Document, read_document};
use super::parts::{Part, missing, parts_of, parts_of_keys};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub(super) struct PartsDocument {
    pub path: String,
    pub title: Option<String>,
    pub parsed: bool,
    pub parts: BTreeMap<String, Option<usize>>,
    pub missing_parts: Vec<String>,
}

/// Reads a document and matches it against `table`; also returns the document read.
pub(super) fn read_parts_document(
    ctx: &Context,
    path: &str,
    table: &[Part],
) -> Option<(PartsDocument, Document)> {
    let doc = read_document(ctx, path)?;
    let structured = match doc.format {
        "yaml" => Some(
            crate::evidence::read::yaml::from_str::<Value>(&doc.text)
                .map_err(|e| format!("invalid YAML: {e}")),
        ),
        "json" => {
            Some(serde_json::from_str::<Value>(&doc.text).map_err(|e| format!("invalid JSON: {e}")))
        }
        _ => None,
    };
    let (parts, parsed) = match structured {
        Some(Ok(v)) => (parts_of_keys(&v, table), true),
        Some(Err(e)) => {
            ctx.diagnose(path, e);
            (parts_of_keys(&Value::Null, table), false)
        }
        None => (
            parts_of(&doc, table),
            !doc.text.is_empty() || doc.format == "markdown",
        ),
    };
    let record = PartsDocument {
        path: doc.path.clone(),
        title: doc.title.clone(),
        parsed,
        missing_parts: missing(&parts),
        parts,
    };
    Some((record, doc))
}
