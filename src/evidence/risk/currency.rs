//! Is the risk management report current (MFDS-RSK-004)? The newest release tag (by the
//! `history.release_tags` glob, by default the usual release shapes) with its date, and for each risk management report
//! the version and date it states and the date of the last commit that changed it. Without a git
//! repository there is no history, and the policy reports that part as not evaluated.

use crate::evidence::Context;
use crate::evidence::documents::read_document;
use crate::evidence::documents::stated::{DATE_KEYS, VERSION_KEYS, stated_field};
use crate::evidence::history::{DEFAULT_RELEASE_TAGS, release_matcher, version_of};
use crate::evidence::read::path_history::last_changes;
use git2::Repository;
use serde_json::{Value, json};

/// The currency of the risk management `reports` (however they were recognised; unfilled
/// templates left out).
pub(super) fn collect(ctx: &Context, reports: &[String]) -> Value {
    let Some(repo) = ctx.git else {
        return json!({"history": false, "latest_release": null, "reports": []});
    };
    let pattern = ctx
        .config
        .config
        .history
        .release_tags
        .as_deref()
        .unwrap_or(DEFAULT_RELEASE_TAGS);
    let files: Vec<&String> = reports
        .iter()
        .filter(|p| read_document(ctx, p).is_some_and(|d| !d.unfilled))
        .collect();
    let changed = last_changes(ctx, files.iter().map(|p| p.as_str()));
    let reports: Vec<Value> = files
        .iter()
        .map(|path| {
            let stated = stated_fields(ctx, path);
            json!({
                "path": path,
                "stated_version": stated.0,
                "stated_date": stated.1,
                "last_changed": changed.get(path.as_str()).map(|c| &c.date),
            })
        })
        .collect();
    json!({"history": true, "latest_release": latest_release(repo, pattern), "reports": reports})
}

/// The newest tag matching `pattern`, by the date of the commit it points to (an invalid
/// pattern is the history section's diagnostic; here it matches nothing).
fn latest_release(repo: &Repository, pattern: &str) -> Value {
    let (Ok(names), Ok(matcher)) = (repo.tag_names(None), release_matcher(pattern)) else {
        return Value::Null;
    };
    let newest = names
        .iter()
        .flatten()
        .flatten()
        .filter(|name| matcher.is_match(name))
        .filter_map(|name| {
            let object = repo.revparse_single(&format!("refs/tags/{name}")).ok()?;
            let commit = object.peel_to_commit().ok()?;
            Some((commit.time().seconds(), name.to_string()))
        })
        .max();
    match newest {
        Some((seconds, name)) => json!({
            "tag": name,
            "date": crate::date::Date::from_unix(seconds).map(|d| d.to_string()),
            "version": version_of(&name),
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
    let version = stated_field(&doc, "version", VERSION_KEYS);
    let date = stated_field(&doc, "date", DATE_KEYS);
    (
        version,
        date.and_then(|d| crate::date::Date::find_in(&d).map(|d| d.to_string())),
    )
}
