//! Is the risk management report current (MFDS-RSK-004)? The newest release tag (by the
//! `history.release_tags` glob, default `v*`) with its date, and for each risk management report
//! the version and date it states and the date of the last commit that changed it. Without a git
//! repository there is no history, and the policy reports that part as not evaluated.

use crate::evidence::Context;
use crate::evidence::documents::read_document;
use crate::evidence::read::path_history::last_changes;
use git2::Repository;
use serde_json::{Value, json};

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
    let files = ctx.files("risk_management_report");
    let changed = last_changes(ctx, files.iter().map(String::as_str));
    let reports: Vec<Value> = files
        .iter()
        .map(|path| {
            let stated = stated_fields(ctx, path);
            json!({
                "path": path,
                "stated_version": stated.0,
                "stated_date": stated.1,
                "last_changed": changed.get(path).map(|c| &c.date),
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
