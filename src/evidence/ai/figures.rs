//! Performance figures (sensitivity, specificity, AUC, PPV/NPV, accuracy, F1, Dice, in English
//! and Korean: 민감도, 특이도, 양성예측도, 정확도...) stated in the AI documents the evidence already
//! classifies, so that policies can compare them (MFDS-LBL-002: the labeling's figures are the
//! model card's and the evaluation report's; MFDS-AI-004: the card's are the report's and the
//! report's meet the acceptance criteria of the change control or verification plan).
//!
//! In prose and tables a figure is a metric name followed by its number, `0.93`, `93%` or
//! `93.0 %` (a number above 1 is a percentage), and optionally its interval, `0.93 (95% CI
//! 0.90-0.95)`: the point estimate is the figure. Each keeps the half unit of its last digit
//! (`tolerance`), so `92%` equals `0.921` and `0.93` does not. Lines about subgroups, and
//! sections on subgroups or limitations, state other populations' figures and are skipped. An
//! acceptance criterion is a metric, a lower bound (`>=`, `≥`, `at least`, `이상`, `초과`) and a
//! number, on the estimate or, when the clause says `lower`/`하한`, on the interval's lower bound.

use crate::evidence::documents::Document;
use crate::evidence::read::headings::LEAD_IN_LEVEL;
use regex::{Captures, Regex};
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Canonical metric names and what documents call them (lower case).
const METRICS: &[(&str, &[&str])] = &[
    (
        "sensitivity",
        &[
            "sensitivity",
            "recall",
            "true positive rate",
            "tpr",
            "민감도",
            "재현율",
        ],
    ),
    (
        "specificity",
        &["specificity", "true negative rate", "tnr", "특이도"],
    ),
    (
        "auprc",
        &["auprc", "pr auc", "pr-auc", "auc-pr", "average precision"],
    ),
    (
        "auc",
        &[
            "auroc",
            "roc auc",
            "roc-auc",
            "auc-roc",
            "auc roc",
            "auc",
            "area under the roc curve",
            "area under the curve",
            "c-statistic",
        ],
    ),
    (
        "ppv",
        &[
            "ppv",
            "positive predictive value",
            "precision",
            "양성예측도",
            "양성 예측도",
            "정밀도",
        ],
    ),
    (
        "npv",
        &[
            "npv",
            "negative predictive value",
            "음성예측도",
            "음성 예측도",
        ],
    ),
    ("accuracy", &["accuracy", "정확도"]),
    ("f1", &["f1 score", "f1-score", "f1", "f1 점수"]),
    (
        "dice",
        &[
            "dice similarity coefficient",
            "dice coefficient",
            "dice score",
            "dice",
            "dsc",
        ],
    ),
];

/// Words of a line or section about other populations than the whole test set.
const OTHER_POPULATION: &[&str] = &[
    "subgroup",
    "sub-group",
    "stratif",
    "lowest",
    "highest",
    "limitation",
    "하위집단",
    "하위 집단",
    "최저",
    "최고",
    "한계",
    "제한",
];

/// One figure a document states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(super) struct Figure {
    pub metric: &'static str,
    /// The point estimate as a fraction (93% is 0.93).
    pub value: f64,
    /// Half a unit of the last digit stated: values this close are the same figure.
    pub tolerance: f64,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// The words the figure was read from.
    pub stated: String,
    pub line: usize,
}

/// One acceptance criterion a plan states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(super) struct Criterion {
    pub metric: &'static str,
    pub threshold: f64,
    /// `>=` (true) or `>` (false).
    pub inclusive: bool,
    /// `estimate`, or `ci_lower` when the criterion is on the interval's lower bound.
    pub bound: &'static str,
    pub stated: String,
    pub line: usize,
}

/// The canonical metric a name (a JSON key, or words of a document) stands for.
pub(super) fn metric_of(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase().replace('_', " ");
    METRICS
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(metric, _)| *metric)
}

fn metric_names() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut names: Vec<&str> = METRICS
            .iter()
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let alternatives: Vec<String> = names
            .iter()
            .map(|n| {
                let escaped = regex::escape(n);
                if n.is_ascii() {
                    format!(r"\b{escaped}\b")
                } else {
                    escaped
                }
            })
            .collect();
        Regex::new(&format!("(?i){}", alternatives.join("|"))).expect("metric names")
    })
}

const NUMBER: &str = r"(\d+(?:\.\d+)?)";

/// What follows a metric's name when a figure is stated: a parenthesis such as `(AUC)`, joining
/// words, the number, and an optional interval.
fn figure_tail() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^(?:\s*\([^()\d]{{1,30}}\))?[\s:=|*_,]*(?:(?:of|was|is|were|reached|achieved|는|은|이|가|값은)[\s:=]*)?{NUMBER}\s*(%)?(?:\s*[(\[]\s*(?:95\s*%\s*(?:CI|confidence interval|신뢰\s?구간)\s*[:,]?\s*)?{NUMBER}\s*%?\s*(?:-|–|—|~|to|,)\s*{NUMBER}\s*%?\s*[)\]]?)?"
        ))
        .expect("figure tail")
    })
}

/// What follows a metric's name in a criterion: `>= 0.90`, `at least 90%` or `0.90 이상`.
fn criterion_tail() -> &'static [Regex; 2] {
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            Regex::new(&format!(
                r"(?i)^(.{{0,40}}?)(>=|≥|=>|⩾|>|at least|no less than|not less than|not below|minimum of)\s*{NUMBER}\s*(%)?"
            ))
            .expect("criterion"),
            Regex::new(&format!(r"^(.{{0,40}}?){NUMBER}\s*(%)?\s*(이상|초과)")).expect("criterion"),
        ]
    })
}

/// A stated number as a fraction with its tolerance; `None` for a bare integer (a count, not a
/// figure) or a number above 100.
fn fraction(number: &str, percent: bool) -> Option<(f64, f64)> {
    let value: f64 = number.parse().ok()?;
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    if !percent && decimals == 0 || value > 100.0 {
        return None;
    }
    let as_percent = percent || value > 1.0;
    let (value, decimals) = if as_percent {
        (value / 100.0, decimals + 2)
    } else {
        (value, decimals)
    };
    Some((rounded(value, decimals), 0.5 * 10f64.powi(-decimals)))
}

/// Like [`fraction`], for an interval bound or a threshold (which may be a bare integer
/// percentage).
fn bound(number: &str, percent: bool) -> Option<f64> {
    let value: f64 = number.parse().ok()?;
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    (value <= 100.0).then(|| {
        if percent || value > 1.0 {
            rounded(value / 100.0, decimals + 2)
        } else {
            value
        }
    })
}

/// `value` at `decimals` places, so that 92.1% is 0.921 and not 0.9209999999999999.
fn rounded(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The figures a document states for the whole test population.
pub(super) fn stated_figures(doc: &Document) -> Vec<Figure> {
    population_lines(doc)
        .flat_map(|(line, text)| {
            metric_names()
                .find_iter(text)
                .filter_map(|m| {
                    let caps = figure_tail().captures(&text[m.end()..])?;
                    figure(m.as_str(), &caps, line, text, m.start())
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn figure(name: &str, caps: &Captures, line: usize, text: &str, start: usize) -> Option<Figure> {
    let percent = caps.get(2).is_some();
    let (value, tolerance) = fraction(&caps[1], percent)?;
    let interval = |i| caps.get(i).and_then(|m| bound(m.as_str(), percent));
    let end = start + name.len() + caps[0].len();
    Some(Figure {
        metric: metric_of(name)?,
        value,
        tolerance,
        ci_low: interval(3),
        ci_high: interval(4),
        stated: text[start..end].trim().to_string(),
        line,
    })
}

/// The acceptance criteria a plan states.
pub(super) fn stated_criteria(doc: &Document) -> Vec<Criterion> {
    let mut out = Vec::new();
    for (line, text) in numbered_lines(doc) {
        for clause in text.split([';', ',']).flat_map(|c| c.split(" and ")) {
            if mentions_other_population(clause) {
                continue;
            }
            for m in metric_names().find_iter(clause) {
                if let Some(c) = criterion(m.as_str(), &clause[m.end()..], line) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn criterion(name: &str, rest: &str, line: usize) -> Option<Criterion> {
    let [english, korean] = criterion_tail();
    let (fill, op, number, percent, stated) = if let Some(c) = english.captures(rest) {
        let op = c.get(2)?.as_str().to_lowercase();
        (
            c[1].to_string(),
            op,
            c[3].to_string(),
            c.get(4).is_some(),
            c[0].to_string(),
        )
    } else {
        let c = korean.captures(rest)?;
        (
            c[1].to_string(),
            c[4].to_string(),
            c[2].to_string(),
            c.get(3).is_some(),
            c[0].to_string(),
        )
    };
    let threshold = bound(&number, percent)?;
    let fill = fill.to_lowercase();
    Some(Criterion {
        metric: metric_of(name)?,
        threshold,
        inclusive: !matches!(op.as_str(), ">" | "초과"),
        bound: if fill.contains("lower") || fill.contains("하한") {
            "ci_lower"
        } else {
            "estimate"
        },
        stated: format!("{name}{stated}").trim().to_string(),
        line,
    })
}

fn mentions_other_population(text: &str) -> bool {
    let lower = text.to_lowercase();
    OTHER_POPULATION.iter().any(|w| lower.contains(w))
}

/// The document's lines, numbered from 1.
fn numbered_lines(doc: &Document) -> impl Iterator<Item = (usize, &str)> {
    doc.text.lines().enumerate().map(|(i, l)| (i + 1, l))
}

/// The lines not about another population: outside subgroup and limitation sections, and not
/// themselves about one.
fn population_lines(doc: &Document) -> impl Iterator<Item = (usize, &str)> {
    let skipped: Vec<(usize, bool)> = doc
        .headings
        .iter()
        .filter(|h| h.level < LEAD_IN_LEVEL)
        .map(|h| (h.line, mentions_other_population(&h.text)))
        .collect();
    numbered_lines(doc).filter(move |(line, text)| {
        let in_skipped = skipped
            .iter()
            .rev()
            .find(|(start, _)| start <= line)
            .is_some_and(|(_, skip)| *skip);
        !in_skipped && !mentions_other_population(text)
    })
}

/// The figures of an evaluation report's overall metrics (`{"auroc": {"value": 0.96, "ci95":
/// [0.95, 0.97]}}` or `{"auroc": 0.96}`), each at the line of its key in `text`.
pub(super) fn reported_figures(overall: &Map<String, Value>, text: &str) -> Vec<Figure> {
    overall
        .iter()
        .filter_map(|(name, value)| {
            let metric = metric_of(name)?;
            let estimate = value
                .as_f64()
                .map(|_| value)
                .or_else(|| value.get("value").or_else(|| value.get("estimate")))?;
            let written = estimate.as_f64()?.to_string();
            let (value_f, tolerance) =
                fraction(&written, false).or_else(|| fraction(&format!("{written}.0"), false))?;
            let (ci_low, ci_high) = reported_interval(value);
            let key = format!("\"{name}\"");
            let line = text
                .lines()
                .position(|l| l.contains(&key))
                .map_or(1, |i| i + 1);
            Some(Figure {
                metric,
                value: value_f,
                tolerance,
                ci_low,
                ci_high,
                stated: format!("{name} {written}"),
                line,
            })
        })
        .collect()
}

/// The figures of a CycloneDX component's `modelCard.quantitativeAnalysis.performanceMetrics`
/// for the whole population (metrics without a `slice`).
pub(super) fn model_card_figures(component: &Value) -> Vec<Figure> {
    component
        .pointer("/modelCard/quantitativeAnalysis/performanceMetrics")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|m| m.get("slice").is_none_or(Value::is_null))
        .filter_map(|m| {
            let name = m.get("type")?.as_str()?;
            let written = match m.get("value")? {
                Value::String(s) => s.trim().trim_end_matches('%').trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            let percent = m["value"].as_str().is_some_and(|s| s.contains('%'));
            let (value, tolerance) = fraction(&written, percent)?;
            let interval = m.get("confidenceInterval");
            let end = |k| {
                interval
                    .and_then(|i| i.get(k))
                    .and_then(|v| {
                        v.as_str()
                            .map(str::to_string)
                            .or_else(|| v.as_f64().map(|x| x.to_string()))
                    })
                    .and_then(|v| bound(v.trim().trim_end_matches('%'), percent))
            };
            Some(Figure {
                metric: metric_of(name)?,
                value,
                tolerance,
                ci_low: end("lowerBound"),
                ci_high: end("upperBound"),
                stated: format!("{name} {written}"),
                line: 1,
            })
        })
        .collect()
}

fn reported_interval(metric: &Value) -> (Option<f64>, Option<f64>) {
    let number = |v: Option<&Value>| {
        v.and_then(Value::as_f64)
            .map(|x| if x > 1.0 { rounded(x / 100.0, 6) } else { x })
    };
    let pair = ["ci95", "ci", "confidence_interval"]
        .iter()
        .find_map(|k| metric.get(*k).and_then(Value::as_array));
    match pair {
        Some(p) if p.len() == 2 => (number(p.first()), number(p.get(1))),
        _ => (
            number(metric.get("ci_low").or_else(|| metric.get("ci_lower"))),
            number(metric.get("ci_high").or_else(|| metric.get("ci_upper"))),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::ai::parts::test_document as doc;
    use serde_json::json;

    fn text_doc(text: &str) -> Document {
        let mut d = Document {
            path: "labeling/ai.md".into(),
            format: "markdown",
            ..Document::default()
        };
        crate::evidence::documents::parse_document(&mut d, text).unwrap();
        d
    }

    fn figures(text: &str) -> Vec<(&'static str, f64, Option<f64>, usize)> {
        stated_figures(&text_doc(text))
            .into_iter()
            .map(|f| {
                (
                    f.metric,
                    (f.value * 10000.0).round() / 10000.0,
                    f.ci_low,
                    f.line,
                )
            })
            .collect()
    }

    #[test]
    fn figures_in_prose_tables_and_korean() {
        let text = "# Performance\nAUROC 0.962 (95% CI 0.954-0.970) on 6,120 studies; sensitivity of 92.1%.\n\
            | Metric | Value |\n|---|---|\n| Specificity | 88.7 % |\n| PPV | 0.61 (0.55–0.66) |\n\
            민감도는 92.1%(95% 신뢰구간 90.2-93.8%), 특이도 0.887, 양성예측도: 0.61\n";
        assert_eq!(
            figures(text),
            [
                ("auc", 0.962, Some(0.954), 2),
                ("sensitivity", 0.921, None, 2),
                ("specificity", 0.887, None, 5),
                ("ppv", 0.61, Some(0.55), 6),
                ("sensitivity", 0.921, Some(0.902), 7),
                ("specificity", 0.887, None, 7),
                ("ppv", 0.61, None, 7),
            ]
        );
    }

    #[test]
    fn tolerance_is_half_the_last_digit_stated() {
        let f = &stated_figures(&text_doc("Sensitivity 92%\nspecificity 0.887\n"));
        assert_eq!((f[0].value, f[0].tolerance), (0.92, 0.005));
        assert!((f[1].tolerance - 0.0005).abs() < 1e-12);
    }

    #[test]
    fn subgroup_limitation_and_count_lines_are_not_figures() {
        let text = "# Card\n## Performance metrics\nAUC 0.96\n## Subgroup performance\nAUC 0.91 for women\n\
            ## Results\nthe lowest AUROC is 0.941 (age 80+)\nsensitivity in 1043 positives\nPR AUC 0.71\n\
            sensitivity at the 0.42 operating point\n## Limitations\nsensitivity 0.80 on portable films\n";
        assert_eq!(
            figures(text),
            [("auc", 0.96, None, 3), ("auprc", 0.71, None, 9)]
        );
    }

    #[test]
    fn criteria_in_english_and_korean() {
        let d = doc(
            "docs/ai/pccp.md",
            &["Modification protocol"],
            json!(null),
            "acceptance: AUROC lower 95% CI bound >= 0.94 and no subgroup AUROC below 0.92\n\
             sensitivity of at least 90%; specificity > 0.85\n민감도 0.90 이상, 특이도 85% 초과\n",
        );
        let c: Vec<_> = stated_criteria(&d)
            .into_iter()
            .map(|c| (c.metric, c.threshold, c.inclusive, c.bound, c.line))
            .collect();
        assert_eq!(
            c,
            [
                ("auc", 0.94, true, "ci_lower", 1),
                ("sensitivity", 0.9, true, "estimate", 2),
                ("specificity", 0.85, false, "estimate", 2),
                ("sensitivity", 0.9, true, "estimate", 3),
                ("specificity", 0.85, false, "estimate", 3),
            ]
        );
    }

    #[test]
    fn reported_figures_take_value_and_interval() {
        let text = "{\n  \"overall\": {\n    \"auroc\": {\"value\": 0.962, \"ci95\": [0.954, 0.970]},\n    \"sensitivity\": 92.1,\n    \"n\": 6120\n  }\n}";
        let doc: Value = serde_json::from_str(text).unwrap();
        let f = reported_figures(doc["overall"].as_object().unwrap(), text);
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].metric, f[0].value, f[0].ci_low, f[0].line),
            ("auc", 0.962, Some(0.954), 3)
        );
        assert_eq!((f[1].metric, f[1].line), ("sensitivity", 4));
        assert!((f[1].value - 0.921).abs() < 1e-9);
    }
}
