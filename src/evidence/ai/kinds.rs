//! The AI evidence kinds with their default globs (regulatory catalogue §5.2), and the parts each
//! AI document kind must have, from the guidance that asks for it.

use super::parts::Part;
use crate::evidence::extractor::FileKind;

const fn kind(name: &'static str, globs: &'static [&'static str]) -> FileKind {
    FileKind {
        name,
        globs,
        sniffer: None,
    }
}

/// The AI evidence kinds and their default globs (regulatory catalogue §5.2).
pub(super) const AI_KINDS: &[FileKind] = &[
    kind(
        "model_artifact",
        &[
            "*.onnx",
            "*.pt",
            "*.pth",
            "*.safetensors",
            "*.h5",
            "*.keras",
            "*.pb",
            "*.tflite",
            "*.gguf",
            "*.joblib",
            "*.pkl",
            "MLmodel",
            "*.dvc",
            "dvc.lock",
        ],
    ),
    kind(
        "model_card",
        &[
            "MODEL_CARD*",
            "model_card.*",
            "model-card.*",
            "modelcard.*",
            "*-model-card.md",
            "*_model_card.md",
        ],
    ),
    kind(
        "datasheet",
        &[
            "DATASHEET*",
            "datasheet.*",
            "*-datasheet.md",
            "*_datasheet.md",
            "dataset_card.*",
            "dataset-card.*",
        ],
    ),
    kind(
        "split_manifest",
        &[
            "**/splits/**/*.csv",
            "**/splits/**/*.tsv",
            "**/splits/**/*.json",
            "**/splits/**/*.txt",
            "*split*.csv",
            "*split*.json",
        ],
    ),
    kind(
        "model_evaluation",
        &[
            "metrics.json",
            "metrics.yaml",
            "*metrics*.json",
            "eval/**/*.json",
            "evaluation/**/*.json",
            "*performance*.json",
        ],
    ),
    kind(
        "hash_manifest",
        &["SHA256SUMS", "SHA256SUMS.txt", "*.sha256"],
    ),
    kind(
        "change_control_plan",
        &[
            "*pccp*",
            "*change-control-plan*",
            "*change_control_plan*",
            "*change-management-plan*",
            "*change_management_plan*",
            "*predetermined-change*",
            "*변경관리계획*",
            "*변경*관리*계획*",
        ],
    ),
    kind(
        "verification_plan",
        &[
            "*verification-plan*",
            "*verification_plan*",
            "regulatory/verification.yaml",
            "regulatory/verification.yml",
            "*검증*계획*",
        ],
    ),
    kind(
        "ai_labeling",
        &[
            "labeling/**",
            "labelling/**",
            "IFU*",
            "*instructions-for-use*",
            "*instructions_for_use*",
            "*ai-transparency*",
            "*사용설명서*",
            "*표시기재*",
        ],
    ),
    kind(
        "genai_config",
        &[
            "genai.yaml",
            "genai.yml",
            "genai.json",
            "*foundation-model*.yaml",
            "*foundation_model*.yaml",
            "*foundation-model*.json",
        ],
    ),
    kind(
        "genai_evaluation",
        &[
            "eval/genai/**",
            "evaluation/genai/**",
            "*hallucination*",
            "*genai-eval*",
            "*llm-eval*",
            "*safety-eval*",
        ],
    ),
    kind(
        "red_team_report",
        &["**/red-team/**", "*red-team*", "*red_team*", "*redteam*"],
    ),
];

/// Titles that make a document a change management plan / PCCP whatever its file is called
/// (compared [folded](crate::evidence::documents::kinds::fold), so `변경관리계획서`,
/// `변경 관리 계획` and `AI 변경관리 계획서` are one title).
pub(super) const CHANGE_PLAN_TITLES: &[&str] = &[
    "predetermined change control plan",
    "change control plan",
    "change management plan",
    "pccp",
    "변경관리 계획",
    "변경 관리 계획",
    "변경관리계획서",
];

/// FDA PCCP final guidance (2024): the three parts of a predetermined change control plan.
pub(super) const PLAN_PARTS: &[Part] = &[
    (
        "modifications",
        &[
            "description of modification",
            "planned modification",
            "modifications",
            "변경 내용",
            "변경 범위",
        ],
    ),
    (
        "modification_protocol",
        &[
            "modification protocol",
            "protocol",
            "retraining",
            "re-training",
            "변경 절차",
            "프로토콜",
        ],
    ),
    (
        "impact_assessment",
        &["impact assessment", "impact", "영향 평가", "영향평가"],
    ),
];

/// MFDS labeling guideline (2025-11-06): what AI labeling must state.
pub(super) const LABELING_PARTS: &[Part] = &[
    (
        "ai_use",
        &[
            "artificial intelligence",
            "machine learning",
            "ai ",
            " ai",
            "(ai)",
            "ai-",
            "인공지능",
        ],
    ),
    (
        "training_data",
        &[
            "training data",
            "training_data",
            "학습 데이터",
            "훈련 데이터",
        ],
    ),
    ("performance", &["performance", "성능"]),
    (
        "limitations",
        &["limitation", "not studied", "제한", "한계"],
    ),
];

/// MFDS generative-AI guideline (2025-01-24): evaluation evidence for a generative-AI device.
pub(super) const GENAI_EVAL_PARTS: &[Part] = &[
    ("hallucination", &["hallucination", "fabricat", "환각"]),
    ("safety", &["safety", "harm", "안전"]),
    (
        "clinical_evaluation",
        &["clinical", "reader", "radiologist", "임상"],
    ),
    (
        "consistency",
        &["consistency", "repeat", "reproducib", "일관성"],
    ),
];

pub(super) const RED_TEAM_PARTS: &[Part] = &[
    ("scope", &["scope", "범위"]),
    (
        "attacks",
        &["attack", "jailbreak", "prompt injection", "공격"],
    ),
    ("findings", &["finding", "result", "결과"]),
];
