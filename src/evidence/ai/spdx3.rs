//! SPDX 3 AI-profile (`ai_AIPackage`) packages as model cards and dataset-profile
//! (`dataset_DatasetPackage`) packages as datasheets.
//!
//! The graph is read once, by the SBOM reader (`sbom::spdx3`): it tells, through `trainedOn` and
//! `testedOn` relationships (often drawn between files the packages contain), whether a model
//! has training and evaluation data and which split roles a dataset plays. This module turns
//! those packages and facts into the AI evidence's cards and datasheets.

use super::bom::{card, present, text};
use super::datasheets::Datasheet;
use super::parts::missing;
use serde_json::Value;
use std::collections::BTreeMap;

/// The card of an AI package; `trained_on` / `tested_on` as the graph tells.
pub(super) fn model_card(
    path: &str,
    p: &Value,
    trained_on: bool,
    tested_on: bool,
) -> super::cards::ModelCard {
    let trained = trained_on || present(p.get("ai_informationAboutTraining"));
    let metric_keys: Vec<String> = p
        .get("ai_metric")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| text(m, "key"))
        .map(|k| k.to_lowercase())
        .collect();
    card(
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
            ("evaluation_data", tested_on),
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
            // `autonomyType` states whether a human is involved in the model's decisions.
            ("human_oversight", present(p.get("ai_autonomyType"))),
            ("change_history", false),
        ],
    )
}

/// The datasheet of a dataset package, with its split roles as the graph tells.
pub(super) fn dataset_sheet(path: &str, d: &Value, training: bool, test: bool) -> Datasheet {
    let roles: Vec<String> = [(training, "training"), (test, "test")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, role)| role.to_string())
        .collect();
    let has = |k: &str| present(d.get(k));
    let parts: BTreeMap<String, Option<usize>> = [
        (
            "provenance",
            has("originatedBy") || has("suppliedBy") || has("software_downloadLocation"),
        ),
        ("collection", has("dataset_dataCollectionProcess")),
        ("inclusion_criteria", has("dataset_dataPreprocessing")),
        ("demographics", has("dataset_knownBias")),
        // SPDX 3 has no labeling-process field; its label-noise description is the nearest.
        ("annotation", has("dataset_datasetNoise")),
        (
            "deidentification",
            has("dataset_anonymizationMethodUsed")
                || has("dataset_hasSensitivePersonalInformation"),
        ),
        ("split_role", !roles.is_empty()),
    ]
    .into_iter()
    .map(|(k, ok)| (k.to_string(), ok.then_some(1)))
    .collect();
    Datasheet {
        path: path.to_string(),
        source: "spdx3",
        name: text(d, "name"),
        roles,
        missing_parts: missing(&parts),
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn graph_facts_and_fields_become_card_and_datasheet_parts() {
        let model = json!({"name": "model", "software_packageVersion": "1", "ai_limitation": "x",
                           "ai_metric": [{"key": "Subgroup AUROC"}]});
        let card = model_card("sbom/x.spdx3.json", &model, false, true);
        assert_eq!(card.version.as_deref(), Some("1"));
        assert_eq!(
            card.missing_parts,
            [
                "change_history",
                "confidence_intervals",
                "human_oversight",
                "intended_use",
                "training_data"
            ]
        );
        let data = json!({"name": "data", "suppliedBy": "urn:org"});
        let sheet = dataset_sheet("sbom/x.spdx3.json", &data, true, false);
        assert_eq!(sheet.roles, ["training"]);
        assert!(sheet.parts["provenance"].is_some() && sheet.parts["collection"].is_none());
        assert!(dataset_sheet("x", &data, false, false).parts["split_role"].is_none());
    }
}
