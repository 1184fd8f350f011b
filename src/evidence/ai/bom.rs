//! Model cards and datasheets carried in bills of materials: CycloneDX `machine-learning-model`
//! components with a `modelCard` (here), and SPDX 3 AI-profile and dataset-profile elements
//! (`spdx3`). Only JSON is read; a file is parsed only when its text names one of those types.

use super::cards::ModelCard;
use super::datasheets::Datasheet;
use super::parts::is_empty;
use serde_json::Value;
use std::collections::BTreeMap;

/// Cards and datasheets found in one BOM.
#[derive(Default)]
pub struct BomAi {
    pub cards: Vec<ModelCard>,
    pub datasheets: Vec<Datasheet>,
}

/// Whether a BOM's text may hold AI elements (cheap test before parsing).
pub fn may_hold_ai(text: &str) -> bool {
    text.contains("machine-learning-model")
        || text.contains("ai_AIPackage")
        || text.contains("dataset_DatasetPackage")
}

pub fn read_bom(path: &str, doc: &Value) -> BomAi {
    let mut out = BomAi::default();
    if let Some(graph) = doc.get("@graph").and_then(Value::as_array) {
        super::spdx3::read_graph(path, graph, &mut out);
    } else {
        let mut components = Vec::new();
        flatten(doc.get("components"), &mut components);
        out.cards = components
            .into_iter()
            .filter(|c| c.get("type").and_then(Value::as_str) == Some("machine-learning-model"))
            .map(|c| cyclonedx_card(path, c))
            .collect();
    }
    out
}

fn flatten<'v>(list: Option<&'v Value>, out: &mut Vec<&'v Value>) {
    for c in list.and_then(Value::as_array).into_iter().flatten() {
        out.push(c);
        flatten(c.get("components"), out);
    }
}

pub(super) fn present(v: Option<&Value>) -> bool {
    v.is_some_and(|x| !is_empty(x))
}

pub(super) fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

pub(super) fn card(
    path: &str,
    source: &'static str,
    c: &Value,
    version_key: &str,
    parts: Vec<(&str, bool)>,
) -> ModelCard {
    let parts: BTreeMap<String, Option<usize>> = parts
        .into_iter()
        .map(|(k, ok)| (k.to_string(), ok.then_some(1)))
        .collect();
    ModelCard {
        path: path.to_string(),
        source,
        name: text(c, "name"),
        version: text(c, version_key),
        artifact: None,
        artifact_sha256: None,
        covers: vec![],
        missing_parts: super::parts::missing(&parts),
        parts,
    }
}

fn cyclonedx_card(path: &str, c: &Value) -> ModelCard {
    let mut card = card(path, "cyclonedx", c, "version", cyclonedx_parts(c));
    card.artifact_sha256 = c
        .get("hashes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|h| h.get("alg").and_then(Value::as_str) == Some("SHA-256"))
        .and_then(|h| text(h, "content"))
        .map(|s| s.to_ascii_lowercase());
    card
}

/// Which card parts a CycloneDX component's `modelCard` (and the component) has.
fn cyclonedx_parts(c: &Value) -> Vec<(&'static str, bool)> {
    let mc = c.get("modelCard").unwrap_or(&Value::Null);
    let metrics = mc
        .pointer("/quantitativeAnalysis/performanceMetrics")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let considerations = mc.get("considerations").unwrap_or(&Value::Null);
    let has = |key: &str| present(considerations.get(key));
    let any_metric = |key: &str| metrics.iter().any(|m| present(m.get(key)));
    let oversight = c
        .get("properties")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("name").and_then(Value::as_str))
        .any(|n| {
            n.to_lowercase()
                .replace('_', "-")
                .contains("human-oversight")
        });
    vec![
        ("intended_use", has("useCases")),
        (
            "model_details",
            present(c.get("name")) && present(c.get("version")),
        ),
        (
            "training_data",
            present(mc.pointer("/modelParameters/datasets")),
        ),
        ("evaluation_data", !metrics.is_empty()),
        ("metrics", !metrics.is_empty()),
        ("confidence_intervals", any_metric("confidenceInterval")),
        (
            "subgroup_performance",
            any_metric("slice") || has("fairnessAssessments"),
        ),
        ("limitations", has("technicalLimitations")),
        ("human_oversight", oversight),
        ("change_history", present(c.get("releaseNotes"))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cyclonedx_model_card_parts_and_hash() {
        let bom = json!({"bomFormat": "CycloneDX", "components": [
            {"type": "library", "name": "numpy"},
            {"type": "machine-learning-model", "name": "cxr-triage", "version": "2.1.0",
             "hashes": [{"alg": "SHA-256", "content": "ABCD"}],
             "modelCard": {
                "modelParameters": {"datasets": [{"ref": "train"}]},
                "quantitativeAnalysis": {"performanceMetrics": [
                    {"type": "auroc", "value": "0.96", "confidenceInterval": {"lowerBound": "0.95", "upperBound": "0.97"}},
                    {"type": "auroc", "value": "0.94", "slice": "age 80+"}]},
                "considerations": {"useCases": ["triage"], "technicalLimitations": ["no children"]}}}
        ]});
        assert!(may_hold_ai(&bom.to_string()));
        let out = read_bom("sbom/x.cdx.json", &bom);
        assert_eq!(out.cards.len(), 1);
        let c = &out.cards[0];
        assert_eq!(
            (c.source, c.artifact_sha256.as_deref()),
            ("cyclonedx", Some("abcd"))
        );
        assert_eq!(c.missing_parts, ["change_history", "human_oversight"]);
    }
}
