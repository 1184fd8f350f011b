//! SPDX 3 AI-profile (`ai_AIPackage`) packages as model cards and dataset-profile
//! (`dataset_DatasetPackage`) packages as datasheets.
//!
//! `trainedOn` and `testedOn` relationships give datasets their split roles and cards their
//! training and evaluation data. Real documents often draw them between files (`model.bin
//! trainedOn train.txt`) that the packages reach through `contains` / `hasDataFile`, so a package
//! stands for everything it transitively contains.

use super::bom::{BomAi, card, present, text};
use super::datasheets::Datasheet;
use super::parts::missing;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Relationships through which a package holds its files.
const MEMBERSHIP: &[&str] = &["contains", "hasDataFile"];

struct Graph<'g> {
    elements: &'g [Value],
    /// (relationship type, from) -> to
    edges: BTreeMap<(&'g str, &'g str), Vec<&'g str>>,
}

impl<'g> Graph<'g> {
    fn new(elements: &'g [Value]) -> Self {
        let mut edges: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
        for r in elements
            .iter()
            .filter(|e| type_of(e).is_some_and(|t| t.ends_with("Relationship")))
        {
            let (Some(kind), Some(from)) = (str_of(r, "relationshipType"), str_of(r, "from"))
            else {
                continue;
            };
            let to = r
                .get("to")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            edges.entry((kind, from)).or_default().extend(to);
        }
        Graph { elements, edges }
    }

    fn typed(&self, t: &'static str) -> impl Iterator<Item = &'g Value> {
        self.elements.iter().filter(move |e| type_of(e) == Some(t))
    }

    /// The element and everything it holds, transitively.
    fn members(&self, id: &'g str) -> BTreeSet<&'g str> {
        let mut seen = BTreeSet::from([id]);
        let mut queue = vec![id];
        while let Some(next) = queue.pop() {
            for kind in MEMBERSHIP {
                for to in self.edges.get(&(*kind, next)).into_iter().flatten() {
                    if seen.insert(to) {
                        queue.push(to);
                    }
                }
            }
        }
        seen
    }

    /// Targets of `kind` relationships from any of `from`.
    fn targets(&self, kind: &str, from: &BTreeSet<&'g str>) -> BTreeSet<&'g str> {
        from.iter()
            .flat_map(|f| self.edges.get(&(kind, *f)).into_iter().flatten().copied())
            .collect()
    }

    /// Targets of every `kind` relationship.
    fn all_targets(&self, kind: &str) -> BTreeSet<&'g str> {
        self.edges
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .flat_map(|(_, to)| to.iter().copied())
            .collect()
    }
}

fn type_of(e: &Value) -> Option<&str> {
    str_of(e, "type")
}

fn str_of<'v>(e: &'v Value, key: &str) -> Option<&'v str> {
    e.get(key).and_then(Value::as_str)
}

pub fn read_graph(path: &str, elements: &[Value], out: &mut BomAi) {
    let graph = Graph::new(elements);
    for p in graph.typed("ai_AIPackage") {
        let members = graph.members(str_of(p, "spdxId").unwrap_or_default());
        out.cards.push(ai_package_card(path, p, &graph, &members));
    }
    let trained_on = graph.all_targets("trainedOn");
    let tested_on = graph.all_targets("testedOn");
    for d in graph.typed("dataset_DatasetPackage") {
        let members = graph.members(str_of(d, "spdxId").unwrap_or_default());
        let mut roles = Vec::new();
        if !members.is_disjoint(&trained_on) {
            roles.push("training".to_string());
        }
        if !members.is_disjoint(&tested_on) {
            roles.push("test".to_string());
        }
        out.datasheets.push(dataset_sheet(path, d, roles));
    }
}

fn ai_package_card(
    path: &str,
    p: &Value,
    graph: &Graph,
    members: &BTreeSet<&str>,
) -> super::cards::ModelCard {
    let trained = !graph.targets("trainedOn", members).is_empty()
        || present(p.get("ai_informationAboutTraining"));
    let tested = !graph.targets("testedOn", members).is_empty();
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
            // `autonomyType` states whether a human is involved in the model's decisions.
            ("human_oversight", present(p.get("ai_autonomyType"))),
            ("change_history", false),
        ],
    )
}

fn dataset_sheet(path: &str, d: &Value, roles: Vec<String>) -> Datasheet {
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
    fn roles_reach_datasets_through_contained_files() {
        let graph = json!([
            {"type": "dataset_DatasetPackage", "spdxId": "d", "name": "data"},
            {"type": "ai_AIPackage", "spdxId": "m", "name": "model", "software_packageVersion": "1"},
            {"type": "Relationship", "relationshipType": "contains", "from": "d", "to": ["dir"]},
            {"type": "Relationship", "relationshipType": "contains", "from": "dir", "to": ["train.txt", "test.txt"]},
            {"type": "Relationship", "relationshipType": "contains", "from": "m", "to": ["model.bin"]},
            {"type": "LifecycleScopedRelationship", "relationshipType": "trainedOn", "from": "model.bin", "to": ["train.txt"]},
            {"type": "Relationship", "relationshipType": "testedOn", "from": "model.bin", "to": ["test.txt"]}
        ]);
        let mut out = BomAi::default();
        read_graph("sbom/x.spdx3.json", graph.as_array().unwrap(), &mut out);
        assert_eq!(out.datasheets[0].roles, ["training", "test"]);
        let card = &out.cards[0];
        assert!(card.parts["training_data"].is_some() && card.parts["evaluation_data"].is_some());
        assert_eq!(card.version.as_deref(), Some("1"));
    }
}
