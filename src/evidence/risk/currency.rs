//! Is the risk management report current (MFDS-RSK-004)? The newest release tag (by the
//! `history.release_tags` glob, default `v*`) with its date, and for each risk management report
//! the version and date it states and the date of the last commit that changed it. Without a git
//! repository there is no history, and the policy reports that part as not evaluated.

use crate::evidence::Context;
use crate::evidence::documents::read_document;
use git2::Repository;
use serde_json::{Value, json};

/// At most this many commits are walked to find when a report last changed.
const MAX_COMMITS_WALKED: usize = 10_000;

pub fn collect(ctx: &Context) -> Value {
    let Some(repo) = ctx.git else {
        return json!({"history": false, "latest_release": null, "reports": []});
    };
    let pattern = ctx
        .config
        .config
        .history
        .release_tags
        .as_deref()
        .unwrap_or("v*");
    let reports: Vec<Value> = ctx
        .files("risk_management_report")
        .iter()
        .map(|path| {
            let stated = stated_fields(ctx, path);
            json!({
                "path": path,
                "stated_version": stated.0,
                "stated_date": stated.1,
                "last_changed": last_changed(repo, ctx.repository.revision.as_deref(), path),
            })
        })
        .collect();
    json!({"history": true, "latest_release": latest_release(repo, pattern), "reports": reports})
}

/// The newest tag matching `pattern`, by the date of the commit it points to.
fn latest_release(repo: &Repository, pattern: &str) -> Value {
    let Ok(names) = repo.tag_names(Some(pattern)) else {
        return Value::Null;
    };
    let newest = names
        .iter()
        .flatten()
        .flatten()
        .filter_map(|name: &str| {
            let object = repo.revparse_single(&format!("refs/tags/{name}")).ok()?;
            let commit = object.peel_to_commit().ok()?;
            Some((commit.time().seconds(), name.to_string()))
        })
        .max();
    match newest {
        Some((seconds, name)) => json!({
            "tag": name,
            "date": crate::date::Date::from_unix(seconds).map(|d| d.to_string()),
            "version": name.trim_start_matches(|c: char| !c.is_ascii_digit()),
        }),
        None => Value::Null,
    }
}

/// The date of the newest commit (from the scanned revision, else HEAD; first parents) whose
/// version of `path` differs from its parent's.
fn last_changed(repo: &Repository, revision: Option<&str>, path: &str) -> Option<String> {
    let mut walk = repo.revwalk().ok()?;
    match revision {
        Some(rev) => walk.push(git2::Oid::from_str(rev).ok()?).ok()?,
        None => walk.push_head().ok()?,
    }
    walk.simplify_first_parent().ok()?;
    let blob_at = |c: &git2::Commit| {
        c.tree()
            .ok()?
            .get_path(std::path::Path::new(path))
            .ok()
            .map(|e| e.id())
    };
    for oid in walk.take(MAX_COMMITS_WALKED).flatten() {
        let commit = repo.find_commit(oid).ok()?;
        let parent_blob = commit.parent(0).ok().and_then(|p| blob_at(&p));
        let blob = blob_at(&commit);
        if blob.is_some() && blob != parent_blob {
            return crate::date::Date::from_unix(commit.time().seconds()).map(|d| d.to_string());
        }
    }
    None
}

/// `version:` / `date:` from front matter, else `Version: 1.2` / `Date: 2026-10-01` lines
/// (Korean `버전`, `작성일`, `일자` too).
fn stated_fields(ctx: &Context, path: &str) -> (Option<String>, Option<String>) {
    let Some(doc) = read_document(ctx, path) else {
        return (None, None);
    };
    let front = |k: &str| {
        doc.front_matter
            .get(k)
            .map(|v| v.as_str().map_or(v.to_string(), str::to_string))
    };
    let line_value = |keys: &[&str]| {
        doc.text.lines().find_map(|l| {
            let l = l
                .trim()
                .trim_start_matches(['-', '*', '|', ' '])
                .replace("**", "");
            let (k, v) = l.split_once(':').or_else(|| l.split_once('|'))?;
            let k = k.trim().to_lowercase();
            keys.contains(&k.as_str())
                .then(|| v.trim().trim_end_matches('|').trim().to_string())
                .filter(|v| !v.is_empty())
        })
    };
    let version = front("version").or_else(|| line_value(&["version", "document version", "버전"]));
    let date = front("date").or_else(|| {
        line_value(&[
            "date",
            "approved",
            "approval date",
            "작성일",
            "일자",
            "승인일",
        ])
    });
    (
        version,
        date.and_then(|d| {
            crate::date::Date::parse(d.get(..10).unwrap_or(&d)).map(|d| d.to_string())
        }),
    )
}
