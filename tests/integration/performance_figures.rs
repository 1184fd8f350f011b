//! MFDS-LBL-002 and MFDS-AI-004 on an AI product laid out as teams ship one: a model folder with
//! its card, an evaluation report per model version, the change control plan with acceptance
//! criteria, and the labeling; the figures of the three documents compared, in English and in
//! Korean.

use crate::common::{findings_of, git_repo, rule_state, samdscan_json};
use serde_json::Value;

const CONFIG: &str = "product:\n  name: LungLens\n  version: 2.1.0\n  grade: 3\n  ai: {enabled: true, generative: false, pccp: true, models: [\"models/cxr/cxr.onnx\"]}\n";

const METRICS: &str = r#"{
  "model": "cxr", "model_version": "2.1.0",
  "overall": {
    "auroc": {"value": 0.962, "ci95": [0.954, 0.970], "n": 6120},
    "sensitivity": {"value": 0.921, "ci95": [0.902, 0.938], "n": 1043},
    "specificity": {"value": 0.887, "ci95": [0.878, 0.896], "n": 5077}
  },
  "subgroups": {"sex": {"female": {"auroc": {"value": 0.958}}, "male": {"auroc": {"value": 0.965}}}}
}
"#;

/// The previous model version's report, which the labeling must not be compared with.
const OLD_METRICS: &str = r#"{"model": "cxr", "model_version": "2.0.0", "overall": {"auroc": {"value": 0.95, "ci95": [0.94, 0.96], "n": 5000}}, "subgroups": {"sex": {"female": {"auroc": 0.94}}}}"#;

fn card(specificity: &str) -> String {
    format!(
        "---\nmodel_name: cxr\nversion: 2.1.0\nartifact: ./cxr.onnx\n---\n# cxr model card\n\n## Intended use\nTriage of chest X-rays.\n\n## Performance metrics\n\n| Metric | Value (95% CI) |\n|---|---|\n| AUROC | 0.962 (0.954–0.970) |\n| Sensitivity | 92.1% |\n| Specificity | {specificity} |\n\n## Subgroup performance\nThe lowest AUROC is 0.941 (age 80+); women 0.958.\n\n## Limitations\nSensitivity drops to 0.80 on portable films.\n"
    )
}

const PCCP: &str = "# Change control plan\n\n## Description of modifications\nM-1: re-training.\n\n## Modification protocol\nAcceptance: AUROC lower 95% CI bound >= 0.94, sensitivity >= 0.93 and no subgroup AUROC below 0.92.\n\n## Impact assessment\nAgainst the risk file.\n";

const LABELING: &str = "# LungLens: AI information\n\n## Use of artificial intelligence\nA model reorders the worklist.\n\n## Training data\n48,210 studies.\n\n## Performance\nAUROC 0.95 (95% CI 0.94-0.96); sensitivity 92% and specificity 88.7%.\n\n## Limitations\nNot studied under 19.\n";

fn english_repo() -> tempfile::TempDir {
    let card = card("0.88");
    git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("models/cxr/cxr.onnx", "not really onnx"),
        ("models/cxr/MODEL_CARD.md", &card),
        ("eval/cxr/2.1.0/metrics.json", METRICS),
        ("eval/cxr/2.0.0/metrics.json", OLD_METRICS),
        ("docs/ai/pccp.md", PCCP),
        ("labeling/ai-transparency.md", LABELING),
    ])
}

fn scan(repo: &std::path::Path) -> Value {
    samdscan_json(&["scan", "--format", "json", "--fail-on", "never"], repo).0
}

fn messages(report: &Value, rule: &str) -> Vec<String> {
    let mut m: Vec<String> = findings_of(report, rule)
        .iter()
        .map(|f| {
            format!(
                "{}:{} {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    m.sort();
    m
}

#[test]
fn the_labeling_s_figures_are_compared_with_the_released_model_s() {
    let dir = english_repo();
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-LBL-002"), "failed");
    assert_eq!(
        messages(&report, "MFDS-LBL-002"),
        [
            "labeling/ai-transparency.md:10 the labeling's AUC 0.95 at labeling/ai-transparency.md:10 (\"AUROC 0.95 (95% CI 0.94-0.96)\") is not the released model's 0.962 at eval/cxr/2.1.0/metrics.json:4 (\"auroc 0.962\")",
            "labeling/ai-transparency.md:10 the labeling's AUC 0.95 at labeling/ai-transparency.md:10 (\"AUROC 0.95 (95% CI 0.94-0.96)\") is not the released model's 0.962 at models/cxr/MODEL_CARD.md:15 (\"AUROC | 0.962 (0.954–0.970)\")",
            "labeling/ai-transparency.md:10 the labeling's specificity 0.887 at labeling/ai-transparency.md:10 (\"specificity 88.7%\") is not the released model's 0.88 at models/cxr/MODEL_CARD.md:17 (\"Specificity | 0.88\")",
        ]
    );
}

#[test]
fn the_card_is_compared_with_the_report_and_the_report_with_the_plan_s_criteria() {
    let dir = english_repo();
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-AI-004"), "failed");
    assert_eq!(
        messages(&report, "MFDS-AI-004"),
        [
            "eval/cxr/2.1.0/metrics.json:5 the released model's sensitivity 0.921 at eval/cxr/2.1.0/metrics.json:5 (\"sensitivity 0.921\") does not meet the acceptance criterion \"sensitivity >= 0.93\" of docs/ai/pccp.md:7",
            "models/cxr/MODEL_CARD.md:17 the model card's specificity 0.88 at models/cxr/MODEL_CARD.md:17 (\"Specificity | 0.88\") is not the evaluation report's 0.887 at eval/cxr/2.1.0/metrics.json:6 (\"specificity 0.887\")",
        ]
    );
}

const KOREAN_CARD: &str = "---\nmodel_name: cxr\nversion: 2.1.0\n---\n# cxr 모델 카드\n\n## 사용 목적\n흉부 X선 분류.\n\n## 성능\n민감도는 92.1%(95% 신뢰구간 90.2-93.8%), 특이도 0.887, AUC 0.962.\n\n## 하위집단 성능\n80세 이상에서 AUC 0.941.\n";

const KOREAN_PLAN: &str = "# AI 변경관리계획서\n\n## 변경 내용\n재학습.\n\n## 변경 절차\n허용 기준: 민감도 0.90 이상, AUC 95% 신뢰구간 하한 0.94 이상.\n\n## 영향 평가\n위험관리 파일 기준.\n";

const KOREAN_LABELING: &str = "# 심박 AI 표시기재\n\n## 인공지능 사용\n모델이 판독 목록을 재정렬합니다.\n\n## 학습 데이터\n48,210건.\n\n## 성능\n민감도 92.1%, 특이도 88.7%, AUC 0.96.\n\n## 한계\n19세 미만은 연구되지 않았습니다.\n";

#[test]
fn korean_documents_that_agree_and_meet_their_criteria_pass_both_rules() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("models/cxr/cxr.onnx", "not really onnx"),
        ("models/cxr/MODEL_CARD.md", KOREAN_CARD),
        ("eval/cxr/2.1.0/metrics.json", METRICS),
        ("docs/ai/AI_변경관리계획서.md", KOREAN_PLAN),
        ("labeling/표시기재.md", KOREAN_LABELING),
    ]);
    let (evidence, _) = samdscan_json(&["evidence"], dir.path());
    let criteria = &evidence["ai"]["change_plans"][0]["criteria"];
    assert_eq!(criteria.as_array().unwrap().len(), 2, "{criteria}");
    assert_eq!(criteria[1]["bound"], "ci_lower");
    let report = scan(dir.path());
    for rule in ["MFDS-LBL-002", "MFDS-AI-004"] {
        assert_eq!(
            rule_state(&report, rule),
            "passed",
            "{rule}: {:?}",
            messages(&report, rule)
        );
    }
}

#[test]
fn labeling_without_figures_is_a_finding_never_a_pass() {
    let labeling = LABELING.replace(
        "AUROC 0.95 (95% CI 0.94-0.96); sensitivity 92% and specificity 88.7%.",
        "Good performance on an independent test set.",
    );
    let card = card("0.887");
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("models/cxr/cxr.onnx", "not really onnx"),
        ("models/cxr/MODEL_CARD.md", &card),
        ("eval/cxr/2.1.0/metrics.json", METRICS),
        ("docs/ai/pccp.md", PCCP),
        ("labeling/ai-transparency.md", &labeling),
    ]);
    let report = scan(dir.path());
    let findings = findings_of(&report, "MFDS-LBL-002");
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the labeling states no performance figure")
    );
}
