//! Generative-AI configuration: the foundation model a product uses, named and pinned.
//!
//! Read from `docs/ai/genai.yaml` (or JSON) under `foundation_model:` or at the top level: `name`
//! (or `id` / `model`), `provider`, a pin (`revision`, `version`, `snapshot`, `sha256` or
//! `weights_sha256`) and `deployment`. A model is pinned when it has a pin that is not a moving
//! alias (`latest`, `main`, `stable`...), or when its name itself carries a dated snapshot or a
//! digest (`gpt-4o-2024-08-06`, `...@sha256:...`).

use super::super::Context;
use super::super::extractor::extension;
use regex::Regex;
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

const PIN_KEYS: &[&str] = &[
    "revision",
    "version",
    "snapshot",
    "sha256",
    "weights_sha256",
    "commit",
];
const MOVING: &[&str] = &[
    "latest", "main", "master", "head", "stable", "current", "default", "*", "",
];

#[derive(Debug, Serialize, Default)]
pub(super) struct FoundationModel {
    pub path: String,
    pub parsed: bool,
    pub error: Option<String>,
    pub name: Option<String>,
    pub provider: Option<String>,
    pub revision: Option<String>,
    pub deployment: Option<String>,
    pub pinned: bool,
    /// Why the model is not pinned, when it is not.
    pub unpinned_because: Option<String>,
}

pub(super) fn read_genai_config(ctx: &Context, path: &str) -> FoundationModel {
    let mut m = FoundationModel {
        path: path.to_string(),
        ..Default::default()
    };
    let Some(text) = ctx.read_text(path) else {
        m.error = Some("could not be read (see diagnostics)".into());
        return m;
    };
    let parsed: Result<Value, String> = match extension(path).as_str() {
        "json" => serde_json::from_str(&text).map_err(|e| format!("invalid JSON: {e}")),
        _ => crate::evidence::read::yaml::from_str(&text).map_err(|e| format!("invalid YAML: {e}")),
    };
    match parsed {
        Ok(v) => {
            m.parsed = true;
            describe(v.get("foundation_model").unwrap_or(&v), &mut m);
        }
        Err(e) => {
            ctx.diagnose(path, &e);
            m.error = Some(e);
        }
    }
    m
}

fn scalar(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match v.get(*k)? {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn describe(v: &Value, m: &mut FoundationModel) {
    m.name = scalar(v, &["name", "id", "model", "model_id"]);
    m.provider = scalar(v, &["provider", "vendor"]);
    m.revision = scalar(v, PIN_KEYS);
    m.deployment = scalar(v, &["deployment", "deployment_mode"]);
    m.unpinned_because = unpinned_because(m.name.as_deref(), m.revision.as_deref());
    m.pinned = m.unpinned_because.is_none();
}

/// Why a model name and pin do not fix one model version; `None` when they do.
pub(super) fn unpinned_because(name: Option<&str>, revision: Option<&str>) -> Option<String> {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return Some("no foundation model is named".into());
    };
    let lower = name.to_lowercase();
    if lower.ends_with("-latest") || lower.ends_with(":latest") {
        return Some(format!("`{name}` is a moving alias"));
    }
    match revision {
        Some(r) if MOVING.contains(&r.to_lowercase().as_str()) => {
            Some(format!("revision `{r}` of `{name}` is a moving alias"))
        }
        Some(_) => None,
        None if name_carries_pin(name) => None,
        None => Some(format!("`{name}` has no revision, snapshot or sha256")),
    }
}

fn name_carries_pin(name: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(@sha256:[0-9a-f]{64}$)|(\d{4}-?\d{2}-?\d{2}$)|(@[0-9a-f]{40}$)").ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pins_and_moving_aliases() {
        assert_eq!(unpinned_because(Some("gpt-4o-2024-08-06"), None), None);
        assert_eq!(unpinned_because(Some("medllm"), Some("a1b2c3")), None);
        assert!(
            unpinned_because(Some("claude-3-5-sonnet-latest"), None)
                .unwrap()
                .contains("moving alias")
        );
        assert!(
            unpinned_because(Some("medllm"), Some("main"))
                .unwrap()
                .contains("moving alias")
        );
        assert!(
            unpinned_because(Some("medllm"), None)
                .unwrap()
                .contains("no revision")
        );
        assert!(
            unpinned_because(None, Some("1"))
                .unwrap()
                .contains("no foundation model")
        );
    }

    #[test]
    fn nested_or_top_level() {
        let mut m = FoundationModel::default();
        describe(
            &json!({"name": "medllm", "provider": "Acme", "revision": 3}),
            &mut m,
        );
        assert_eq!((m.revision.as_deref(), m.pinned), (Some("3"), true));
    }
}
