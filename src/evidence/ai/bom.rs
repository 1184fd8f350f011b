//! Model cards and datasheets carried in bills of materials: CycloneDX `machine-learning-model`
//! components with a `modelCard`, and SPDX 3 AI-profile (`ai_AIPackage`) and dataset-profile
//! (`dataset_DatasetPackage`) elements. Only JSON is read; a file is parsed only when its text
//! names one of those types.

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
        spdx3(path, graph, &mut out);
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

fn present(v: Option<&Value>) -> bool {
    v.is_some_and(|x| !is_empty(x))
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn card(
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
    let mc = c.get("modelCard").unwrap_or(&Value::Null);
    let metrics = mc
        .pointer("/quantitativeAnalysis/performanceMetrics")
        .and_then(Value::as_array);
    let metrics = metrics.map(Vec::as_slice).unwrap_or_default();
    let considerations = mc.get("considerations").unwrap_or(&Value::Null);
    let property = |name: &str| {
        c.get("properties")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|p| {
                p.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.to_lowercase().contains(name))
            })
    };
    let mut card = card(
        path,
        "cyclonedx",
        c,
        "version",
        vec![
            ("intended_use", present(considerations.get("useCases"))),
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
            (
                "confidence_intervals",
                metrics.iter().any(|m| present(m.get("confidenceInterval"))),
            ),
            (
                "subgroup_performance",
                metrics.iter().any(|m| present(m.get("slice")))
                    || present(considerations.get("fairnessAssessments")),
            ),
            (
                "limitations",
                present(considerations.get("technicalLimitations")),
            ),
            (
                "human_oversight",
                property("human-oversight") || property("human_oversight"),
            ),
            ("change_history", present(c.get("releaseNotes"))),
        ],
    );
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

fn typed<'g>(graph: &'g [Value], t: &'static str) -> impl Iterator<Item = &'g Value> {
    graph
        .iter()
        .filter(move |e| e.get("type").and_then(Value::as_str) == Some(t))
}

/// SPDX 3: AI packages become cards, dataset packages datasheets; `trainedOn` / `testedOn`
/// relationships give the datasets their roles and the cards their training and evaluation data.
fn spdx3(path: &str, graph: &[Value], out: &mut BomAi) {
    let typed = |t: &'static str| typed(graph, t);
    let related = |kind: &str, from: Option<&str>| -> Vec<String> {
        typed("Relationship")
            .filter(|r| r.get("relationshipType").and_then(Value::as_str) == Some(kind))
            .filter(|r| from.is_none() || r.get("from").and_then(Value::as_str) == from)
            .flat_map(|r| {
                r.get("to")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    for p in typed("ai_AIPackage") {
        let id = p.get("spdxId").and_then(Value::as_str);
        let trained =
            !related("trainedOn", id).is_empty() || present(p.get("ai_informationAboutTraining"));
        let tested = !related("testedOn", id).is_empty();
        let metric_keys: Vec<String> = p
            .get("ai_metric")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|m| text(m, "key"))
            .map(|k| k.to_lowercase())
            .collect();
        out.cards.push(card(
            path,
            "spdx3",
            p,
            "software_packageVersion",
            vec![
                (
                    "intended_use",
                    present(p.get("ai_informationAboutApplication")),
                ),
                (
                    "model_details",
                    present(p.get("name")) && present(p.get("software_packageVersion")),
                ),
                ("training_data", trained),
                ("evaluation_data", tested),
                ("metrics", !metric_keys.is_empty()),
                (
                    "confidence_intervals",
                    metric_keys
                        .iter()
                        .any(|k| k.contains("ci") || k.contains("confidence")),
                ),
                (
                    "subgroup_performance",
                    metric_keys.iter().any(|k| k.contains("subgroup")),
                ),
                ("limitations", present(p.get("ai_limitation"))),
                ("human_oversight", present(p.get("ai_autonomyType"))),
                ("change_history", false),
            ],
        ));
    }
    let trained_on = related("trainedOn", None);
    let tested_on = related("testedOn", None);
    for d in typed("dataset_DatasetPackage") {
        let id = d.get("spdxId").and_then(Value::as_str).unwrap_or_default();
        let mut roles = Vec::new();
        if trained_on.iter().any(|t| t == id) {
            roles.push("training".to_string());
        }
        if tested_on.iter().any(|t| t == id) {
            roles.push("test".to_string());
        }
        let parts: BTreeMap<String, Option<usize>> = [
            (
                "provenance",
                present(d.get("originatedBy"))
                    || present(d.get("suppliedBy"))
                    || present(d.get("software_downloadLocation")),
            ),
            (
                "collection",
                present(d.get("dataset_dataCollectionProcess")),
            ),
            (
                "inclusion_criteria",
                present(d.get("dataset_dataPreprocessing")),
            ),
            ("demographics", present(d.get("dataset_knownBias"))),
            // SPDX 3 has no labeling-process field; its label-noise description is the nearest.
            ("annotation", present(d.get("dataset_datasetNoise"))),
            (
                "deidentification",
                present(d.get("dataset_anonymizationMethodUsed"))
                    || present(d.get("dataset_hasSensitivePersonalInformation")),
            ),
            ("split_role", !roles.is_empty()),
        ]
        .into_iter()
        .map(|(k, ok)| (k.to_string(), ok.then_some(1)))
        .collect();
        out.datasheets.push(Datasheet {
            path: path.to_string(),
            source: "spdx3",
            name: text(d, "name"),
            roles,
            missing_parts: super::parts::missing(&parts),
            parts,
        });
    }
}
