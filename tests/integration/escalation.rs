//! The catalogue's escalation rule (§0.3) holds for every rule, as `policies/escalation.md`
//! states it: the built-in pack is evaluated over a grade x safety class x connected x AI matrix
//! of profiles, on the evidence of examples whose rules find things, and each rule's levels are
//! compared across neighbouring profiles.
//!
//! - For a rule that escalates, a grade 4 or class C product has no warning left, and a finding
//!   found at grade 3 and grade 4 (or class B and class C) has the raised level at the higher one.
//! - For a rule that does not, those findings keep their level.
//! - For every rule, grades 1 and 3 give every common finding the same level: only grade 4 raises.

use crate::common::{commit_files, evidence_json, git, git_repo, import_example};
use crate::problem_resolution::BUG_FORM;
use samdscan::evidence::Evidence;
use samdscan::finding::Level;
use samdscan::policy::PolicySet;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Per rule: whether it escalates, from the table next to the policies.
fn table() -> BTreeMap<String, bool> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/policies/escalation.md");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells.get(1)?;
            id.starts_with("MFDS-")
                .then(|| (id.to_string(), cells.get(3) == Some(&"yes")))
        })
        .collect()
}

/// One profile of the matrix.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Cell {
    grade: u8,
    class: char,
    connected: bool,
    ai: bool,
}

impl Cell {
    fn high_risk(self) -> bool {
        self.grade == 4 || self.class == 'C'
    }
}

/// The evidence with its profile replaced by `cell`'s (every software system of its class).
fn with_profile(evidence: &Value, cell: Cell) -> Value {
    let mut input = evidence.clone();
    let profile = input["profile"].as_object_mut().expect("a profile");
    profile.insert("grade".into(), json!(cell.grade));
    profile.insert("connected".into(), json!(cell.connected));
    let ai = profile.entry("ai").or_insert_with(|| json!({}));
    ai["enabled"] = json!(cell.ai);
    ai["generative"] = json!(cell.ai);
    let systems = profile
        .entry("software_systems")
        .or_insert_with(|| json!([{"name": "app"}]));
    for s in systems.as_array_mut().unwrap() {
        s["safety_class"] = json!(cell.class.to_string());
    }
    input
}

/// Rule id -> finding key -> the finding's level, for one profile.
type Levels = BTreeMap<String, BTreeMap<String, Level>>;

fn levels(set: &PolicySet, input: &Value) -> Levels {
    let rules: Vec<_> = set.rules.iter().collect();
    let outcomes = set
        .evaluate(&rules, &Evidence::from(input.clone()))
        .unwrap();
    rules
        .iter()
        .zip(outcomes)
        .map(|(rule, outcome)| {
            let found = outcome
                .findings
                .iter()
                .map(|f| {
                    let key = f.key.clone().unwrap_or_else(|| f.message.clone());
                    (key, f.level.unwrap_or(outcome.level))
                })
                .collect();
            (rule.id().to_string(), found)
        })
        .collect()
}

fn raised(level: Level) -> Level {
    if level == Level::Warning {
        Level::Error
    } else {
        level
    }
}

/// A product released as v1.0.0, then a fix naming no problem report and a UI change without a
/// usability statement, with an AI model not versioned by content: the warnings of
/// MFDS-SWL-010, MFDS-USE-002 and MFDS-AI-005, which no example has.
fn product_at_work() -> tempfile::TempDir {
    let config = "product:\n  name: Pump\n  version: 1.1.0\n  grade: 3\n  ui: true\n  ai: {enabled: true}\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n  ui_paths: [\"src/ui/**\"]\n";
    let dir = git_repo(&[
        (".samdscan.yaml", config),
        (".github/ISSUE_TEMPLATE/bug.yml", BUG_FORM),
        ("src/pump/dose.py", "dose = 1\n"),
        ("src/ui/screen.py", "label = 'Dose'\n"),
        ("models/classifier.onnx", "onnx weights\n"),
    ]);
    let repo = dir.path();
    git(repo, &["tag", "v1.0.0"]);
    commit_files(
        repo,
        &[("src/pump/dose.py", "dose = min(dose, 10)\n")],
        "fix: clamp dose",
    );
    commit_files(
        repo,
        &[("src/ui/screen.py", "label = 'Dose (U)'\n")],
        "Show units (CR-5)",
    );
    dir
}

#[test]
fn every_rule_escalates_as_the_table_says() {
    let escalates = table();
    let set = PolicySet::builtin().unwrap();
    let ids: BTreeSet<String> = set
        .rules
        .iter()
        .map(|r| r.id().to_string())
        .filter(|id| id.starts_with("MFDS-"))
        .collect();
    let listed: BTreeSet<String> = escalates.keys().cloned().collect();
    assert_eq!(
        ids, listed,
        "policies/escalation.md lists every MFDS rule, and only those"
    );
    for r in set.rules.iter().filter(|r| r.id().starts_with("MFDS-")) {
        assert_eq!(
            r.meta.custom.escalates(),
            escalates[r.id()],
            "{}: METADATA and policies/escalation.md disagree",
            r.id()
        );
    }

    let mut gaps = vec![];
    // Which rules had a warning to escalate, in a pair of profiles that shows it.
    let mut exercised: BTreeSet<String> = BTreeSet::new();
    let examples = [
        "05-untraced-changes",
        "06-untested-requirements",
        "08-ai-cxr-leaky-split",
        "09-missing-documents",
        "11-simbak-gaps-ko",
    ];
    let mut repos: Vec<(&str, tempfile::TempDir)> =
        examples.iter().map(|e| (*e, import_example(e))).collect();
    repos.push(("product-at-work", product_at_work()));
    for (example, dir) in &repos {
        let repo = match dir.path().join(example) {
            p if p.is_dir() => p,
            _ => dir.path().to_path_buf(),
        };
        let evidence = evidence_json(&repo, &[]);
        let mut by_cell: BTreeMap<Cell, Levels> = BTreeMap::new();
        for connected in [false, true] {
            for ai in [false, true] {
                for (grade, class) in [(1, 'B'), (3, 'B'), (4, 'B'), (3, 'C')] {
                    let cell = Cell {
                        grade,
                        class,
                        connected,
                        ai,
                    };
                    by_cell.insert(cell, levels(&set, &with_profile(&evidence, cell)));
                }
            }
        }
        for (&cell, found) in &by_cell {
            for (id, findings) in found
                .iter()
                .filter(|(id, _)| escalates.get(*id) == Some(&true))
            {
                if cell.high_risk() {
                    for key in findings
                        .iter()
                        .filter(|(_, l)| **l == Level::Warning)
                        .map(|(k, _)| k)
                    {
                        gaps.push(format!("{example} {cell:?}: {id} left a warning: {key}"));
                    }
                }
            }
            // The neighbours: the same product one grade or one class lower.
            let lower = match (cell.grade, cell.class) {
                (4, 'B') => Some((Cell { grade: 3, ..cell }, true)),
                (3, 'C') => Some((Cell { class: 'B', ..cell }, true)),
                (3, 'B') => Some((Cell { grade: 1, ..cell }, false)),
                _ => None,
            };
            let Some((low, raises)) = lower else { continue };
            for (id, findings) in found {
                let escalating = escalates.get(id) == Some(&true);
                for (key, level) in findings {
                    let Some(&before) = by_cell[&low].get(id).and_then(|f| f.get(key)) else {
                        continue;
                    };
                    let want = if raises && escalating {
                        raised(before)
                    } else {
                        before
                    };
                    if *level != want {
                        gaps.push(format!(
                            "{example} {id} {key}: {before:?} at {low:?}, {level:?} at {cell:?} (want {want:?})"
                        ));
                    }
                    if raises && before == Level::Warning {
                        exercised.insert(id.clone());
                    }
                }
            }
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    // The rules the issue named as never or wrongly escalating are among those shown.
    let named = [
        "MFDS-CHG-004",
        "MFDS-RSK-003",
        "MFDS-CYB-011",
        "MFDS-SWL-010",
        "MFDS-USE-002",
        "MFDS-AI-005",
        "MFDS-AI-006",
    ];
    let missing: Vec<_> = named
        .iter()
        .filter(|id| !exercised.contains(**id))
        .collect();
    assert!(
        missing.is_empty(),
        "not exercised by the matrix: {missing:?}; exercised: {exercised:?}"
    );
}
