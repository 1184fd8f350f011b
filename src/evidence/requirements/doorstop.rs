//! Doorstop documents: a folder with a `.doorstop.yml` holds one YAML item per file, the file name
//! being the item's id. Items of a requirement document are requirements (inactive ones are
//! not); a document whose prefix or folder names tests (`TST`, `tests`, `test-cases`) holds test
//! records instead, whose `links` to requirement items count as verifying references.

use super::Requirement;
use super::structured::scalar;
use crate::evidence::Context;
use crate::evidence::documents::records::kind_of;
use crate::evidence::extractor::extension;
use serde_json::Value;

/// The doorstop documents of a repository: their folders and whether each holds tests.
pub(super) struct Documents {
    folders: Vec<(String, bool)>,
}

impl Documents {
    pub(super) fn find(ctx: &Context) -> Documents {
        let folders = ctx
            .source
            .inventory()
            .files()
            .filter_map(|e| Some((e.path.strip_suffix(".doorstop.yml")?, e.path.as_str())))
            .filter(|(dir, _)| dir.is_empty() || dir.ends_with('/'))
            .map(|(dir, config)| (dir.to_string(), holds_tests(ctx, dir, config)))
            .collect();
        Documents { folders }
    }

    /// The document an item file belongs to (the deepest folder holding it): is it a test one?
    fn tests_item(&self, path: &str) -> Option<bool> {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == ".doorstop.yml" || !matches!(extension(path).as_str(), "yml" | "yaml") {
            return None;
        }
        self.folders
            .iter()
            .filter(|(dir, _)| path.starts_with(dir.as_str()))
            .max_by_key(|(dir, _)| dir.len())
            .map(|(_, tests)| *tests)
    }

    /// True when `path` is an item of a requirement document.
    pub(super) fn is_requirement_item(&self, path: &str) -> bool {
        self.tests_item(path) == Some(false)
    }

    /// Every item of the documents, split into (requirement items, test items).
    pub(super) fn items(&self, ctx: &Context) -> (Vec<String>, Vec<String>) {
        let mut out = (Vec::new(), Vec::new());
        if self.folders.is_empty() {
            return out;
        }
        for entry in ctx.source.inventory().files() {
            match self.tests_item(&entry.path) {
                Some(false) => out.0.push(entry.path.clone()),
                Some(true) => out.1.push(entry.path.clone()),
                None => {}
            }
        }
        out
    }
}

/// A document holds tests when its prefix or folder name says so.
fn holds_tests(ctx: &Context, dir: &str, config: &str) -> bool {
    let prefix = ctx
        .read_text(config)
        .and_then(|t| crate::evidence::read::yaml::from_str::<Value>(&t).ok())
        .and_then(|v| v.pointer("/settings/prefix").and_then(scalar));
    let folder = dir.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    [prefix.as_deref().unwrap_or(""), folder]
        .iter()
        .any(|w| matches!(kind_of(w), Some("test_case" | "test_report")))
}

/// A doorstop item: the id is the file name; inactive items are not requirements.
pub(super) fn parse_item(path: &str, text: &str) -> Result<Vec<Requirement>, String> {
    let value: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    if value.get("active") == Some(&Value::Bool(false)) {
        return Ok(vec![]);
    }
    let title = ["header", "text"]
        .iter()
        .find_map(|k| value.get(*k).and_then(scalar).filter(|s| !s.is_empty()))
        .unwrap_or_default();
    let title = title.lines().next().unwrap_or_default().to_string();
    let body = serde_json::to_string(&value).unwrap_or_default();
    Ok(vec![Requirement::new(
        item_id(path),
        &title,
        1,
        "doorstop",
        &body,
    )])
}

fn item_id(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// (item path, line, linked id) for each link of an active test item.
pub(super) fn test_links(path: &str, text: &str) -> Vec<(String, usize, String)> {
    let Ok(value) = crate::evidence::read::yaml::from_str::<Value>(text) else {
        return vec![];
    };
    if value.get("active") == Some(&Value::Bool(false)) {
        return vec![];
    }
    let links = value
        .get("links")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    links
        .iter()
        .filter_map(|link| match link {
            Value::Object(map) => map.keys().next().cloned(),
            other => scalar(other),
        })
        .map(|id| {
            let line = text
                .lines()
                .position(|l| l.contains(&id))
                .map_or(1, |i| i + 1);
            (path.to_string(), line, id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_test_links() {
        let item = parse_item(
            "reqs/REQ001.yml",
            "active: true\nheader: Alarm\ntext: |\n  The system shall alarm.\n",
        )
        .unwrap();
        assert_eq!(
            (item[0].id.as_str(), item[0].title.as_str()),
            ("REQ001", "Alarm")
        );
        assert!(
            parse_item("reqs/REQ002.yml", "active: false\ntext: x\n")
                .unwrap()
                .is_empty()
        );
        let links = test_links(
            "tst/TST001.yml",
            "active: true\nlinks:\n- REQ001: 5b1f\n- REQ002\ntext: Check the alarm.\n",
        );
        let ids: Vec<(usize, &str)> = links.iter().map(|(_, l, id)| (*l, id.as_str())).collect();
        assert_eq!(ids, [(3, "REQ001"), (4, "REQ002")]);
        let docs = Documents {
            folders: vec![("reqs/".into(), false), ("reqs/tst/".into(), true)],
        };
        assert!(docs.is_requirement_item("reqs/REQ001.yml"));
        assert!(!docs.is_requirement_item("reqs/tst/TST001.yml"));
        assert!(!docs.is_requirement_item("reqs/.doorstop.yml"));
    }
}
