//! Performance evaluation reports (`metrics.json` and similar, JSON or YAML): the metrics
//! reported overall, whether they carry confidence intervals and sample sizes, and the subgroup
//! attributes results are broken down by.
//!
//! Accepted shapes: `{"overall": {...}, "subgroups": {"sex": {"female": {...}}}}`, a `metrics`
//! object instead of `overall`, or a flat object of numbers (as DVC writes). A metric is a number
//! or an object with `value` (or `estimate`), `ci95` / `ci` / `ci_low`+`ci_high`, and `n`.

use super::super::Context;
use super::super::extractor::extension;
use super::figures::{Figure, reported_figures};
use serde::Serialize;
use serde_json::{Map, Value};

const SUBGROUP_KEYS: &[&str] = &["subgroups", "by_subgroup", "strata", "subgroup_results"];
const CI_KEYS: &[&str] = &[
    "ci95",
    "ci",
    "confidence_interval",
    "ci_low",
    "ci_lower",
    "lower",
];

#[derive(Debug, Serialize, Default)]
pub(super) struct Evaluation {
    pub path: String,
    pub parsed: bool,
    pub error: Option<String>,
    pub model: Option<String>,
    pub model_version: Option<String>,
    pub overall_metrics: Vec<String>,
    /// Overall metrics without a confidence interval.
    pub metrics_without_ci: Vec<String>,
    pub sample_size_reported: bool,
    pub subgroup_attributes: Vec<String>,
    pub subgroup_count: usize,
    /// The overall metrics as figures (see [`super::figures`]).
    pub figures: Vec<Figure>,
}

pub(super) fn read_evaluation(ctx: &Context, path: &str) -> Evaluation {
    let mut e = Evaluation {
        path: path.to_string(),
        ..Default::default()
    };
    let Some(text) = ctx.read_text(path) else {
        e.error = Some("could not be read (see diagnostics)".into());
        return e;
    };
    let parsed: Result<Value, String> = match extension(path).as_str() {
        "yaml" | "yml" => {
            crate::evidence::read::yaml::from_str(&text).map_err(|x| format!("invalid YAML: {x}"))
        }
        _ => serde_json::from_str(&text).map_err(|x| format!("invalid JSON: {x}")),
    };
    match parsed {
        Ok(Value::Object(doc)) => {
            summarise(&doc, &text, &mut e);
            e.parsed = true;
        }
        Ok(_) => e.error = Some("expected an object of metrics".into()),
        Err(msg) => e.error = Some(msg),
    }
    if let Some(msg) = &e.error {
        ctx.diagnose(path, format!("evaluation report: {msg}"));
    }
    e
}

fn summarise(doc: &Map<String, Value>, source: &str, e: &mut Evaluation) {
    let text = |k: &str| {
        doc.get(k).and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| v.as_f64().map(|n| n.to_string()))
        })
    };
    e.model = text("model").or_else(|| text("model_name"));
    e.model_version = text("model_version").or_else(|| text("version"));
    let overall = doc
        .get("overall")
        .or_else(|| doc.get("metrics"))
        .and_then(Value::as_object)
        .unwrap_or(doc);
    e.figures = reported_figures(overall, source);
    for (name, value) in overall {
        if !is_metric(value) || SUBGROUP_KEYS.contains(&name.as_str()) {
            continue;
        }
        e.overall_metrics.push(name.clone());
        if !has_ci(value) {
            e.metrics_without_ci.push(name.clone());
        }
        e.sample_size_reported |= value.get("n").is_some();
    }
    e.sample_size_reported |= doc.get("n").is_some();
    if let Some(groups) = SUBGROUP_KEYS.iter().find_map(|k| doc.get(*k)) {
        subgroups(groups, e);
    }
}

fn subgroups(groups: &Value, e: &mut Evaluation) {
    match groups {
        Value::Object(by_attribute) => {
            for (attribute, levels) in by_attribute {
                // A level counts only when it reports at least one metric.
                let n = levels.as_object().map_or(0, |l| {
                    l.values()
                        .filter(|m| m.as_object().is_some_and(|m| m.values().any(is_metric)))
                        .count()
                });
                if n > 0 {
                    e.subgroup_attributes.push(attribute.clone());
                    e.subgroup_count += n;
                }
            }
        }
        Value::Array(rows) => {
            for row in rows {
                if let Some(a) = row.get("attribute").and_then(Value::as_str) {
                    e.subgroup_attributes.push(a.to_string());
                    e.subgroup_count += 1;
                }
            }
        }
        _ => {}
    }
    e.subgroup_attributes.sort();
    e.subgroup_attributes.dedup();
}

fn is_metric(v: &Value) -> bool {
    v.is_number()
        || v.get("value")
            .or_else(|| v.get("estimate"))
            .is_some_and(Value::is_number)
}

fn has_ci(v: &Value) -> bool {
    CI_KEYS
        .iter()
        .any(|k| v.get(*k).is_some_and(|x| !x.is_null()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(v: Value) -> Evaluation {
        let mut e = Evaluation::default();
        summarise(v.as_object().unwrap(), &v.to_string(), &mut e);
        e
    }

    #[test]
    fn overall_and_subgroups() {
        let e = eval(json!({
            "model": "cxr", "model_version": "2.1.0",
            "overall": {"auroc": {"value": 0.94, "ci95": [0.92, 0.96], "n": 1200}, "sensitivity": 0.9},
            "subgroups": {"sex": {"female": {"auroc": 0.93}, "male": {"auroc": 0.95}}, "age": {"<40": {}}}
        }));
        assert_eq!(e.overall_metrics, ["auroc", "sensitivity"]);
        assert_eq!(e.metrics_without_ci, ["sensitivity"]);
        assert!(e.sample_size_reported);
        assert_eq!(e.subgroup_attributes, ["sex"]);
        assert_eq!(e.subgroup_count, 2);
    }

    #[test]
    fn flat_dvc_metrics_have_no_subgroups() {
        let e = eval(json!({"accuracy": 0.9, "loss": 0.2}));
        assert_eq!(e.overall_metrics.len(), 2);
        assert!(e.subgroup_attributes.is_empty());
        assert!(!e.sample_size_reported);
    }
}
