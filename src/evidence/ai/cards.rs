//! Model cards written as Markdown: Hugging Face style (YAML front matter such as `model-index`
//! and `datasets`) or plain sections. Each card is summarised as the model it names, the artifact
//! and SHA-256 it claims, and which of the required parts it has.

use super::super::Context;
use super::super::documents::{Document, read_document};
use super::figures::{Figure, stated_figures};
use super::parts::{Part, front_matter_text, front_matter_value, missing, parts_of};
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The parts a model card must have (FDA AI-DSF Appendix E, GMLP 9, MFDS labeling guideline).
pub(super) const CARD_PARTS: &[Part] = &[
    (
        "intended_use",
        &[
            "intended use",
            "intended purpose",
            "use case",
            "사용 목적",
            "의도된 사용",
        ],
    ),
    (
        "model_details",
        &[
            "model details",
            "model description",
            "architecture",
            "모델 정보",
            "모델 상세",
        ],
    ),
    (
        "training_data",
        &[
            "training data",
            "training set",
            "학습 데이터",
            "훈련 데이터",
        ],
    ),
    (
        "evaluation_data",
        &[
            "evaluation data",
            "test data",
            "test set",
            "validation data",
            "평가 데이터",
            "시험 데이터",
        ],
    ),
    ("metrics", &["metric", "performance", "성능"]),
    (
        "subgroup_performance",
        &[
            "subgroup",
            "stratif",
            "fairness",
            "subpopulation",
            "하위 집단",
            "하위집단",
        ],
    ),
    (
        "limitations",
        &["limitation", "failure mode", "제한", "한계"],
    ),
    (
        "human_oversight",
        &[
            "human oversight",
            "human-in-the-loop",
            "human in the loop",
            "oversight",
            "사람의 감독",
            "의료진 확인",
        ],
    ),
    (
        "change_history",
        &[
            "change history",
            "changelog",
            "version history",
            "revision history",
            "변경 이력",
        ],
    ),
];

/// Front-matter keys that make a model directory's README.md a model card.
const CARD_KEYS: &[&str] = &[
    "model_name",
    "model_id",
    "model-index",
    "base_model",
    "library_name",
    "pipeline_tag",
    "artifact",
    "artifact_sha256",
];

#[derive(Debug, Serialize, Clone)]
pub(super) struct ModelCard {
    pub path: String,
    /// `markdown`, `cyclonedx` or `spdx3`.
    pub source: &'static str,
    pub name: Option<String>,
    pub version: Option<String>,
    /// The artifact path the card claims (repository-relative), if it names one.
    pub artifact: Option<String>,
    pub artifact_sha256: Option<String>,
    /// The discovered artifacts this card covers (filled in once artifacts are known).
    pub covers: Vec<String>,
    /// Part name -> line of the heading that has it (1 for front matter), or null.
    pub parts: BTreeMap<String, Option<usize>>,
    pub missing_parts: Vec<String>,
    /// The performance figures the card states (see [`super::figures`]).
    pub figures: Vec<Figure>,
}

/// Reads a Markdown model card; `None` when it cannot be read (a diagnostic names it).
pub(super) fn read_card(ctx: &Context, path: &str) -> Option<ModelCard> {
    let doc = read_document(ctx, path)?;
    Some(card_from_document(&doc))
}

/// Whether a model directory's README is a Hugging Face style card (model keys in front matter).
pub(super) fn is_card_readme(doc: &Document) -> bool {
    CARD_KEYS.iter().any(|k| doc.front_matter.get(*k).is_some())
}

pub(super) fn card_from_document(doc: &Document) -> ModelCard {
    let front = &doc.front_matter;
    let mut parts = parts_of(doc, CARD_PARTS);
    // Hugging Face cards carry data and results in front matter rather than sections.
    let hf = [
        ("training_data", "datasets"),
        ("metrics", "model-index"),
        ("evaluation_data", "model-index"),
    ];
    for (part, key) in hf {
        if front_matter_value(front, key).is_some() {
            parts.entry(part.to_string()).or_default().get_or_insert(1);
        }
    }
    let dir = doc.path.rsplit_once('/').map_or("", |(d, _)| d);
    let artifact = front_matter_text(front, &["artifact", "artifact_path", "model_file"])
        .map(|a| resolve_artifact_path(dir, &a));
    let mut card = ModelCard {
        path: doc.path.clone(),
        source: "markdown",
        name: front_matter_text(front, &["model_name", "model_id", "name", "model"])
            .or_else(|| doc.title.clone()),
        version: front_matter_text(front, &["version", "model_version"]),
        artifact,
        artifact_sha256: front_matter_text(front, &["artifact_sha256", "sha256"])
            .map(|s| s.to_ascii_lowercase()),
        covers: vec![],
        missing_parts: vec![],
        parts,
        figures: stated_figures(doc),
    };
    if !mentions_confidence_intervals(&doc.text) {
        card.parts.insert("confidence_intervals".into(), None);
    } else {
        card.parts.insert("confidence_intervals".into(), Some(1));
    }
    card.missing_parts = missing(&card.parts);
    card
}

/// A path written in a card: relative to the card's folder when it starts with `./` or `../`,
/// else repository-relative.
fn resolve_artifact_path(dir: &str, written: &str) -> String {
    if written.starts_with("./") || written.starts_with("../") {
        super::artifacts::join(dir, written)
    } else {
        super::artifacts::join("", written)
    }
}

/// True when the text reports confidence intervals ("95% CI", "confidence interval", "CI 0.91-0.95").
pub(super) fn mentions_confidence_intervals(text: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b\d{2}\s*%\s*CI\b|confidence interval|\bCI\s*[:=\[(]|신뢰구간|신뢰 구간")
            .ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::ai::parts::test_document as doc;
    use serde_json::json;

    #[test]
    fn hugging_face_front_matter_counts_for_data_and_metrics() {
        let d = doc(
            "models/cxr/README.md",
            &["Intended use"],
            json!({"model_name": "cxr-triage", "version": 2.1, "datasets": ["nih-cxr"],
                   "model-index": [{"name": "cxr"}], "artifact": "./cxr.onnx"}),
            "AUROC 0.94 (95% CI 0.92-0.96)",
        );
        assert!(is_card_readme(&d));
        let c = card_from_document(&d);
        assert_eq!(c.name.as_deref(), Some("cxr-triage"));
        assert_eq!(c.version.as_deref(), Some("2.1"));
        assert_eq!(c.artifact.as_deref(), Some("models/cxr/cxr.onnx"));
        for p in [
            "training_data",
            "metrics",
            "evaluation_data",
            "confidence_intervals",
        ] {
            assert!(c.parts[p].is_some(), "{p}");
        }
        assert!(c.missing_parts.contains(&"limitations".to_string()));
    }

    #[test]
    fn plain_sections_card() {
        let d = doc(
            "MODEL_CARD.md",
            &["Limitations"],
            json!(null),
            "no intervals here",
        );
        let c = card_from_document(&d);
        assert_eq!(c.name.as_deref(), Some("CXR triage"));
        assert!(
            c.missing_parts
                .contains(&"confidence_intervals".to_string())
        );
        assert!(!c.missing_parts.contains(&"limitations".to_string()));
        assert!(!is_card_readme(&d));
    }

    #[test]
    fn confidence_interval_wording() {
        assert!(mentions_confidence_intervals(
            "sensitivity 0.91 (95% CI 0.88–0.94)"
        ));
        assert!(mentions_confidence_intervals("민감도 0.91, 95% 신뢰구간"));
        assert!(!mentions_confidence_intervals("CIRCULAR reasoning"));
    }
}
