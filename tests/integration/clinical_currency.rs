//! MFDS-CLN-002 on the AI example: its clinical evaluation report names the current intended
//! use and model version; a new model version or intended-use version without a re-assessed
//! report is reported, naming what the report misses.

use crate::common::{
    commit_files as commit, example_repo, findings_of, import_example, rule_state, samdscan_json,
};
use std::path::Path;

const EXAMPLE: &str = "07-ai-cxr-compliant";
const CARD: &str = "models/cxr-triage/MODEL_CARD.md";
const INTENDED_USE: &str = "docs/intended-use.md";

fn scan(repo: &Path) -> serde_json::Value {
    samdscan_json(&["scan", "--format", "json", "--fail-on", "never"], repo).0
}

fn bumped(repo: &Path, path: &str, from: &str, to: &str) -> (String, String) {
    let text = std::fs::read_to_string(repo.join(path)).unwrap();
    assert!(text.contains(from), "{path} has no `{from}`");
    (path.to_string(), text.replacen(from, to, 1))
}

#[test]
fn the_report_names_the_current_intended_use_and_model() {
    let dir = import_example(EXAMPLE);
    let repo = example_repo(&dir, EXAMPLE);
    let report = scan(&repo);
    assert_eq!(rule_state(&report, "MFDS-CLN-002"), "passed");
}

#[test]
fn a_new_model_or_intended_use_version_makes_the_report_stale() {
    let dir = import_example(EXAMPLE);
    let repo = example_repo(&dir, EXAMPLE);
    let card = bumped(&repo, CARD, "version: 2.1.0", "version: 2.2.0");
    let iu = bumped(&repo, INTENDED_USE, "version: \"2\"", "version: \"3\"");
    commit(
        &repo,
        &[(&card.0, &card.1), (&iu.0, &iu.1)],
        "Model 2.2.0 and intended use v3 (CR-9)",
    );
    let report = scan(&repo);
    assert_eq!(rule_state(&report, "MFDS-CLN-002"), "failed");
    let mut messages: Vec<&str> = findings_of(&report, "MFDS-CLN-002")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    messages.sort_unstable();
    assert_eq!(
        messages,
        [
            "the clinical evaluation report (docs/clinical/clinical-evaluation-report.md) does not name the current intended use IU-014 version 3 (docs/intended-use.md): it may evaluate an earlier intended use",
            "the clinical evaluation report (docs/clinical/clinical-evaluation-report.md) does not name the current model version 2.2.0 of cxr-triage (models/cxr-triage/MODEL_CARD.md): the clinical evidence may be for an earlier model",
        ]
    );
}
