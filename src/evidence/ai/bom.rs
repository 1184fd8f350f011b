//! Model cards and datasheets carried in bills of materials: CycloneDX `machine-learning-model`
//! components with a `modelCard` (here), and SPDX 3 AI-profile and dataset-profile elements
//! (`spdx3`). The BOM is the SBOM extractor's parse of the file ([`Sbom::ai`]), not a second one.

use super::cards::ModelCard;
use super::datasheets::Datasheet;
use super::parts::is_empty;
use crate::evidence::sbom::{AiElement, Sbom};
use serde_json::Value;
use std::collections::BTreeMap;

/// Cards and datasheets found in one BOM.
#[derive(Default)]
pub(super) struct BomAi {
    pub cards: Vec<ModelCard>,
    pub datasheets: Vec<Datasheet>,
}

/// The cards and datasheets of one parsed BOM's AI elements.
pub(super) fn read_bom(path: &str, sbom: &Sbom) -> BomAi {
    let mut out = BomAi::default();
    for e in &sbom.ai {
        match e {
            AiElement::CycloneDxModel(c) => out.cards.push(cyclonedx_card(path, c)),
            AiElement::Spdx3Model {
                element,
                trained_on,
                tested_on,
            } => out.cards.push(super::spdx3::model_card(
                path,
                element,
                *trained_on,
                *tested_on,
            )),
            AiElement::Spdx3Dataset {
                element,
                training,
                test,
            } => out
                .datasheets
                .push(super::spdx3::dataset_sheet(path, element, *training, *test)),
        }
    }
    out
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
        figures: vec![],
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
    card.figures = super::figures::model_card_figures(c);
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
        let sbom = crate::evidence::sbom::parse_sbom("sbom/x.cdx.json", bom.to_string().as_bytes());
        let out = read_bom("sbom/x.cdx.json", &sbom.unwrap());
        assert_eq!(out.cards.len(), 1);
        let c = &out.cards[0];
        assert_eq!(
            (c.source, c.artifact_sha256.as_deref()),
            ("cyclonedx", Some("abcd"))
        );
        assert_eq!(c.missing_parts, ["change_history", "human_oversight"]);
    }
}
