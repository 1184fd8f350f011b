//! The evidence document as the engine's input: the document parsed once, and the history's
//! commit records ([`CommitList`]) parsed in chunks from the text they are held as, so that no
//! text of the whole document is ever made. Within a chunk, the engine shares each object key
//! among the records (regorus interns keys per parse), so a chunk is large enough for that to
//! matter and small enough for its text to stay small.

use super::engine::{PolicyError, rego_error};
use crate::evidence::{CommitList, Evidence};

/// How many commit records are parsed together.
const CHUNK: usize = 1_000;

/// The engine's `input` for `evidence`.
pub(super) fn rego_input(evidence: &Evidence) -> Result<regorus::Value, PolicyError> {
    let text = evidence.document().to_string();
    let mut input = regorus::Value::from_json_str(&text).map_err(rego_error)?;
    if let Some(commits) = evidence.commits() {
        let records = commit_values(commits)?;
        let history = input
            .as_object_mut()
            .ok()
            .and_then(|doc| doc.get_mut(&regorus::Value::from("history")))
            .and_then(|h| h.as_object_mut().ok())
            .ok_or_else(|| rego_error("the evidence has commits but no history"))?;
        history.insert(regorus::Value::from("commits"), records);
    }
    Ok(input)
}

/// The records as one array value, parsed [`CHUNK`] at a time.
fn commit_values(commits: &CommitList) -> Result<regorus::Value, PolicyError> {
    let mut values = Vec::with_capacity(commits.len());
    let mut raw = commits.raw().peekable();
    let mut text = String::new();
    while raw.peek().is_some() {
        text.clear();
        text.push('[');
        for (i, record) in raw.by_ref().take(CHUNK).enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(record);
        }
        text.push(']');
        let chunk = regorus::Value::from_json_str(&text).map_err(rego_error)?;
        values.extend(chunk.as_array().map_err(rego_error)?.iter().cloned());
    }
    Ok(regorus::Value::from(values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn the_input_is_the_whole_document_in_chunks_or_not() {
        let commits: Vec<Value> = (0..CHUNK * 2 + 3)
            .map(|i| json!({"id": format!("{i:040}"), "changes": [{"path": "a", "status": "added"}]}))
            .collect();
        let doc =
            json!({"as_of": "2026-12-01", "history": {"available": true, "commits": commits}});
        let input = rego_input(&Evidence::from(doc.clone())).unwrap();
        assert_eq!(
            input,
            regorus::Value::from_json_str(&doc.to_string()).unwrap()
        );
        let none = json!({"history": {"available": false}});
        let input = rego_input(&Evidence::from(none.clone())).unwrap();
        assert_eq!(
            input,
            regorus::Value::from_json_str(&none.to_string()).unwrap()
        );
    }
}
