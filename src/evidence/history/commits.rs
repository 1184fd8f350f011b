//! One commit as change-control evidence: who and when, subject and body, trailers (git's
//! trailer rules, via libgit2), the change references found in it, whether it is signed or a
//! merge, and the files it changed relative to its first parent.

use super::areas::AreaMatcher;
use super::tree_diff::{Change, TreeDiffer};
use crate::evidence::git_view::GitView;
use git2::{Commit, Oid, Signature};
use regex::Regex;
use serde::Serialize;

/// The default `history.change_reference`: `#123` or `ABC-123`.
pub(super) const DEFAULT_CHANGE_REFERENCE: &str = r"#\d+|\b[A-Z][A-Z0-9]+-\d+\b";

/// Trailers whose value is a change reference whatever it looks like.
const REFERENCE_TRAILERS: &[&str] = &[
    "change-request",
    "refs",
    "ref",
    "fixes",
    "closes",
    "resolves",
    "problem-report",
    "issue",
];

/// Fields in sorted order, as the stored commit records keep their keys (see `CommitList`).
#[derive(Debug, Clone, Serialize)]
pub(super) struct Person {
    pub date: String,
    pub email: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Trailer {
    pub key: String,
    pub value: String,
}

/// Fields in sorted order (`areas`, then the change's), as for [`Person`].
#[derive(Debug, Clone, Serialize)]
pub(super) struct ChangeRecord {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    #[serde(flatten)]
    pub change: Change,
}

/// Fields in sorted order, as for [`Person`].
#[derive(Debug, Clone, Serialize)]
pub(super) struct CommitRecord {
    /// The union of the changed paths' areas.
    pub areas: Vec<String>,
    pub author: Person,
    pub body: String,
    /// How many files the commit changed: `changes` may be a summary (see `summary`).
    pub change_count: usize,
    pub changes: Vec<ChangeRecord>,
    pub committer: Person,
    pub id: String,
    pub merge: bool,
    /// The merge commit in scope that brought this commit in, if any.
    pub merged_by: Option<String>,
    pub parents: Vec<String>,
    /// Change requests / problem reports named in the message or its reference trailers.
    pub references: Vec<String>,
    /// The commit's parents are cut off by a shallow clone: its changes are unknown.
    pub shallow_boundary: bool,
    pub short_id: String,
    pub signed: bool,
    pub subject: String,
    pub trailers: Vec<Trailer>,
}

/// How commits are described (the change-reference pattern, the path areas), built once per
/// walk and shared by its threads.
pub(super) struct CommitRules {
    pub references: Regex,
    pub areas: AreaMatcher,
}

/// What a merge's `changes` are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MergeChanges {
    /// The difference from its first parent: everything it brought into that line. Used when
    /// some commit it brought in may be out of scope (a narrowed scope, a shallow clone).
    FromFirstParent,
    /// What it changed itself (see `merge_diff`): every commit it brought in is in scope and
    /// carries its own changes.
    OwnOnly,
}

/// Describes commits of one repository handle, keeping what the next commit will need: the
/// trees a change replaced (see `TreeDiffer`) and the last first parent read, which in a walk
/// newest first is usually the next commit.
pub(super) struct CommitReader<'r> {
    repo: &'r GitView,
    rules: &'r CommitRules,
    trees: TreeDiffer<'r>,
    last_parent: Option<Commit<'r>>,
    merges: MergeChanges,
}

impl<'r> CommitReader<'r> {
    pub(super) fn new(
        repo: &'r GitView,
        rules: &'r CommitRules,
        merges: MergeChanges,
    ) -> CommitReader<'r> {
        CommitReader {
            repo,
            rules,
            trees: TreeDiffer::new(repo),
            last_parent: None,
            merges,
        }
    }

    /// The commit `id`, without reading it again when it was the last first parent read.
    pub(super) fn commit(&mut self, id: Oid) -> Result<Commit<'r>, git2::Error> {
        match self.last_parent.take() {
            Some(parent) if parent.id() == id => Ok(parent),
            _ => self.repo.find_commit(id),
        }
    }

    /// Describes `commit`; `boundary` says its parents were cut off by a shallow clone.
    pub(super) fn read(
        &mut self,
        commit: &Commit<'_>,
        boundary: bool,
    ) -> Result<CommitRecord, git2::Error> {
        let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
        let (subject, body) = split_message(&message);
        let trailers = trailers_of(&message);
        let changes = if boundary {
            vec![]
        } else {
            self.changes(commit)?
        };
        let areas = self
            .rules
            .areas
            .union(changes.iter().map(|c| c.areas.as_slice()));
        let id = commit.id();
        Ok(CommitRecord {
            id: id.to_string(),
            short_id: super::scope::short(id),
            parents: commit.parent_ids().map(|p| p.to_string()).collect(),
            author: person(&commit.author()),
            committer: person(&commit.committer()),
            references: references(&self.rules.references, &message, &trailers),
            subject,
            body,
            trailers,
            signed: is_signed(commit),
            merge: commit.parent_count() > 1,
            shallow_boundary: boundary,
            merged_by: None,
            change_count: changes.len(),
            changes,
            areas,
        })
    }

    fn changes(&mut self, commit: &Commit<'_>) -> Result<Vec<ChangeRecord>, git2::Error> {
        let parent_tree = match commit.parent_ids().next() {
            Some(p) => {
                let parent = self.repo.find_commit(p)?;
                let tree = self.repo.tree_id(&parent);
                self.last_parent = Some(parent);
                tree
            }
            None => None,
        };
        let tree = self.repo.tree_id(commit);
        let changes = if commit.parent_count() > 1 && self.merges == MergeChanges::OwnOnly {
            let mut trees = vec![parent_tree];
            for p in commit.parent_ids().skip(1) {
                trees.push(self.repo.tree_id(&self.repo.find_commit(p)?));
            }
            self.trees.merge_changes(&trees, tree)?
        } else {
            self.trees.changed_files(parent_tree, tree)?
        };
        Ok(changes
            .into_iter()
            .map(|change| ChangeRecord {
                areas: self.rules.areas.areas_of(&change.path),
                change,
            })
            .collect())
    }
}

fn split_message(message: &str) -> (String, String) {
    let message = message.trim();
    match message.split_once("\n\n") {
        Some((subject, body)) => (subject.replace('\n', " "), body.trim().to_string()),
        None => (message.replace('\n', " "), String::new()),
    }
}

fn trailers_of(message: &str) -> Vec<Trailer> {
    match git2::message_trailers_strs(message) {
        Ok(t) => t
            .iter()
            .map(|(k, v)| Trailer {
                key: k.to_string(),
                value: v.trim().to_string(),
            })
            .collect(),
        Err(_) => vec![],
    }
}

fn references(pattern: &Regex, message: &str, trailers: &[Trailer]) -> Vec<String> {
    let mut out: Vec<String> = pattern
        .find_iter(message)
        .map(|m| m.as_str().to_string())
        .collect();
    for t in trailers {
        if REFERENCE_TRAILERS.contains(&t.key.to_ascii_lowercase().as_str()) && !t.value.is_empty()
        {
            out.push(t.value.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A commit is signed when its header carries a `gpgsig` (or `gpgsig-sha256`) field.
fn is_signed(commit: &Commit<'_>) -> bool {
    commit
        .raw_header_bytes()
        .split(|b| *b == b'\n')
        .any(|line| line.starts_with(b"gpgsig"))
}

fn person(sig: &Signature<'_>) -> Person {
    Person {
        name: String::from_utf8_lossy(sig.name_bytes()).into_owned(),
        email: String::from_utf8_lossy(sig.email_bytes()).into_owned(),
        date: iso_time(sig.when().seconds()),
    }
}

/// A Unix time as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub(super) fn iso_time(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::history::tree_diff::ChangeStatus;

    /// The evidence document prints a stored record as written (see `CommitList`), so a record
    /// must write every key in the sorted order a `serde_json::Value` would, with every optional
    /// field present.
    #[test]
    fn a_record_writes_its_keys_in_sorted_order() {
        let person = || Person {
            date: "2026-10-01T00:00:00Z".into(),
            email: "a@example.com".into(),
            name: "A".into(),
        };
        let record = CommitRecord {
            areas: vec!["risk".into()],
            author: person(),
            body: "Body".into(),
            change_count: 1,
            changes: vec![ChangeRecord {
                areas: vec!["risk".into()],
                change: Change {
                    old_path: Some("docs/risk/old.md".into()),
                    path: "docs/risk/new.md".into(),
                    status: ChangeStatus::Renamed,
                    blob: Oid::ZERO_SHA1,
                },
            }],
            committer: person(),
            id: "1".repeat(40),
            merge: false,
            merged_by: Some("2".repeat(40)),
            parents: vec!["3".repeat(40)],
            references: vec!["CR-1".into()],
            shallow_boundary: false,
            short_id: "1111111".into(),
            signed: true,
            subject: "Subject".into(),
            trailers: vec![Trailer {
                key: "Change-Request".into(),
                value: "CR-1".into(),
            }],
        };
        let written = serde_json::to_string(&record).unwrap();
        let value = serde_json::to_value(&record).unwrap();
        assert_eq!(written, value.to_string());
    }

    #[test]
    fn trailers_follow_gits_rules() {
        let msg = "Fix alarm\n\nLonger text.\n\nChange-Request: CR-7\nRisk-Impact: none\n";
        let t = trailers_of(msg);
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[0].key.as_str(), t[0].value.as_str()),
            ("Change-Request", "CR-7")
        );
        // A body paragraph that merely contains a colon is not a trailer block.
        assert!(
            trailers_of("Subject\n\nNote: this is prose, and more prose follows.\nreally\n")
                .is_empty()
        );
    }

    #[test]
    fn references_come_from_the_pattern_and_reference_trailers() {
        let re = Regex::new(DEFAULT_CHANGE_REFERENCE).unwrap();
        let trailers = vec![Trailer {
            key: "Refs".into(),
            value: "ticket seven".into(),
        }];
        let found = references(&re, "Fix #12 and CR-3\n\nRefs: ticket seven", &trailers);
        assert_eq!(found, vec!["#12", "CR-3", "ticket seven"]);
        assert!(references(&re, "Tidy up", &[]).is_empty());
    }

    #[test]
    fn messages_split_into_subject_and_body() {
        assert_eq!(
            split_message("Subject line\n\nBody\n"),
            ("Subject line".to_string(), "Body".to_string())
        );
        assert_eq!(split_message("Only\n"), ("Only".to_string(), String::new()));
    }
}
