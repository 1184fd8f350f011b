//! The last change to the product's interface and communication code, so MFDS-CYB-007 can tell a
//! threat model written before the attack surface last moved.
//!
//! Interface code is a file kind (`evidence.interface_code`, default globs for sockets, HTTP,
//! Bluetooth, MQTT, gRPC and API definitions), so a team states what its interfaces are. The walk
//! follows first parents from the scanned commit (`--rev`, else HEAD) and stops at the first commit whose diff against its parent
//! touches such a file, after at most [`MAX_COMMITS`] commits; a shallow clone's boundary commit
//! never counts. Without git history the value says it was not evaluated.

use super::extractor::{FileKind, PathGlobs, compile_globs};
use super::history::tree_diff::TreeDiffer;
use super::read::path_history::{CommitRef, first_parent_line};
use super::{Context, Extractor};
use git2::{Commit, Oid, Repository};

use serde_json::{Value, json};

/// The most commits walked looking for the last interface change.
pub(super) const MAX_COMMITS: usize = 2000;

pub(super) struct InterfaceExtractor;

const KINDS: &[FileKind] = &[FileKind {
    name: "interface_code",
    globs: &[
        "*socket*",
        "*bluetooth*",
        "*http*",
        "*mqtt*",
        "*grpc*",
        "*.proto",
        "openapi*.yaml",
        "openapi*.json",
        "*swagger*",
        "**/api/**",
    ],
    sniffer: None,
}];

impl Extractor for InterfaceExtractor {
    fn key(&self) -> &'static str {
        "interface_changes"
    }

    fn kinds(&self) -> &'static [FileKind] {
        KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let files = ctx.files("interface_code").len();
        let (Some(repo), Some(tip)) = (ctx.git, ctx.tip()) else {
            return json!({"evaluated": false, "files": files, "last_change": null});
        };
        let globs = match ctx.config.config.evidence.globs.get("interface_code") {
            Some(user) => user.clone(),
            None => KINDS[0].globs.iter().map(|g| g.to_string()).collect(),
        };
        let last = last_change(repo, tip, &compile_globs(&globs));
        json!({"evaluated": true, "files": files, "last_change": last})
    }
}

/// The newest commit on the first-parent line from `tip` that added, changed or removed a file
/// matching `set`, with that file's path.
fn last_change(repo: &Repository, tip: Oid, set: &PathGlobs) -> Option<Value> {
    let mut trees = TreeDiffer::new(repo);
    first_parent_line(repo, tip, MAX_COMMITS).find_map(|(commit, parent)| {
        let path = touched(&mut trees, &commit, parent.as_ref(), set)?;
        let mut value = serde_json::to_value(CommitRef::of(&commit)).ok()?;
        value["path"] = json!(path);
        Some(value)
    })
}

/// The first path matching `set` that `commit` changed relative to `parent`.
fn touched(
    trees: &mut TreeDiffer,
    commit: &Commit,
    parent: Option<&Commit>,
    set: &PathGlobs,
) -> Option<String> {
    let changes = trees
        .changed_files(parent.map(Commit::tree_id), Some(commit.tree_id()))
        .ok()?;
    changes.into_iter().find_map(|c| {
        let matches = set.is_match(&c.path) || c.old_path.as_ref().is_some_and(|p| set.is_match(p));
        matches.then_some(c.path)
    })
}
