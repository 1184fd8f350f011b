//! Changed-path lists summarised to what the rules read, so that the evidence of a long scope
//! stays small (a merge's first-parent difference in a narrowed scope lists its whole branch).
//! A commit's `changes` keep, in their order: the first [`FIRST_CHANGES`]; every deleted path
//! (finding anchors resolve to deleted files through them); every lockfile change (MFDS-CYB-003);
//! every change under a `tests/regression/` folder (MFDS-SWL-010 takes it for a fix); and the
//! first path that still exists, overall and in each area (`history.path_in`, where findings
//! about a commit point). `change_count` keeps the total. An AI product keeps every list whole:
//! MFDS-AI-007 matches model paths, some found by content, against every change.
//! `samdscan evidence --full` prints the lists whole.

use super::areas::LOCKFILE;
use crate::evidence::CommitList;
use serde_json::Value;
use std::collections::HashSet;

/// The first changes of a commit always kept, enough for a reader to see what it did.
const FIRST_CHANGES: usize = 20;

/// Summarises the `changes` of each of the `commits` of the evidence `document`.
pub fn summarise_changes(document: &Value, commits: &mut CommitList) {
    if document.pointer("/profile/ai/enabled") == Some(&Value::Bool(true)) {
        return;
    }
    commits.edit_long(FIRST_CHANGES, |commit| {
        if let Some(changes) = commit.get_mut("changes").and_then(Value::as_array_mut) {
            summarise(changes);
        }
    });
}

/// Keeps the changes a rule reads (see the module's description), in their order.
fn summarise(changes: &mut Vec<Value>) {
    let mut needs = Needs::default();
    let mut index = 0;
    changes.retain(|change| {
        let needed = needs.needs(change);
        index += 1;
        needed || index <= FIRST_CHANGES
    });
}

/// The areas whose first existing path has been seen, and whether any existing path has.
#[derive(Default)]
struct Needs {
    anchored: HashSet<String>,
    any_anchored: bool,
}

impl Needs {
    /// Whether `change` must be kept, noting the anchors it provides: called on every change
    /// in order.
    fn needs(&mut self, change: &Value) -> bool {
        let path = change["path"].as_str().unwrap_or_default();
        let areas: Vec<&str> = change["areas"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if change["status"] == "deleted" {
            return true;
        }
        let mut anchors = !self.any_anchored;
        self.any_anchored = true;
        for area in &areas {
            anchors |= self.anchored.insert((*area).to_string());
        }
        anchors || areas.contains(&LOCKFILE) || is_regression_test(path)
    }
}

/// A path under a `tests/regression/` folder at any depth.
fn is_regression_test(path: &str) -> bool {
    path.starts_with("tests/regression/") || path.contains("/tests/regression/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Evidence;
    use serde_json::json;

    fn change(path: &str, status: &str, areas: &[&str]) -> Value {
        json!({"path": path, "status": status, "areas": areas})
    }

    fn paths(changes: &[Value]) -> Vec<&str> {
        changes
            .iter()
            .map(|c| c["path"].as_str().unwrap())
            .collect()
    }

    /// The first commit of the evidence of one commit with `changes`, summarised.
    fn summarised(changes: Vec<Value>, ai: bool) -> Value {
        let doc = json!({"profile": {"ai": {"enabled": ai}},
               "history": {"commits": [{"change_count": changes.len(), "changes": changes}]}});
        let mut evidence = Evidence::from(doc);
        evidence.summarise_history();
        evidence.commits().unwrap().values().next().unwrap()
    }

    /// 30 deletions, 30 plain changes, then the changes a rule reads.
    fn long_list() -> Vec<Value> {
        let mut changes: Vec<Value> = (0..30)
            .map(|i| change(&format!("gone/{i}"), "deleted", &[]))
            .collect();
        changes.extend((0..30).map(|i| change(&format!("plain/{i}"), "modified", &[])));
        changes.push(change("src/app/a.rs", "modified", &["system:app"]));
        changes.push(change("src/app/b.rs", "modified", &["system:app"]));
        changes.push(change("Cargo.lock", "modified", &["lockfile"]));
        changes.push(change("sub/Cargo.lock", "added", &["lockfile"]));
        changes.push(change("tests/regression/t1.rs", "added", &["test"]));
        changes.push(change("x/tests/regression/t2.rs", "added", &["test"]));
        changes
    }

    #[test]
    fn a_long_list_keeps_the_first_changes_deletions_lockfiles_regression_tests_and_anchors() {
        let commit = summarised(long_list(), false);
        let kept = commit["changes"].as_array().unwrap();
        let mut expected: Vec<String> = (0..30).map(|i| format!("gone/{i}")).collect();
        expected.push("plain/0".into()); // the first path that still exists
        expected.extend(
            [
                "src/app/a.rs", // the first of its area; b.rs is not kept
                "Cargo.lock",
                "sub/Cargo.lock",
                "tests/regression/t1.rs",
                "x/tests/regression/t2.rs",
            ]
            .map(String::from),
        );
        assert_eq!(paths(kept), expected);
        assert_eq!(commit["change_count"], 66);
    }

    #[test]
    fn short_lists_and_an_ai_products_lists_stay_whole() {
        let short: Vec<Value> = (0..FIRST_CHANGES)
            .map(|i| change(&format!("p/{i}"), "modified", &[]))
            .collect();
        assert_eq!(summarised(short.clone(), false)["changes"], json!(short));
        assert_eq!(summarised(long_list(), true)["changes"], json!(long_list()));
    }
}
