//! Severity and probability scales of the risk management plan (ISO 14971 §4.4), and the rank
//! of a value on them. Each scale comes from the plan itself when it defines one (see
//! `plan_scales`), else from `verification.risk_scales`, else the common five-level scales in
//! English and Korean; `source` says which. A value is a level name, a rank number, a level code
//! (`S3`, `P2`), or text that contains exactly one level name.

use super::plan_scales::{rank_of_code, scales_in};
use crate::config::{LoadedConfig, RiskScales};
use crate::evidence::Context;
use crate::evidence::documents::unfilled_reason;
use serde::Serialize;

/// The default score (severity rank x probability rank) from which a risk is unacceptable.
pub(super) const DEFAULT_UNACCEPTABLE_FROM: u32 = 10;

const DEFAULT_SEVERITY: &[&[&str]] = &[
    &["negligible", "무시 가능", "무시할 수 있는", "무시"],
    &["minor", "marginal", "경미", "경미함", "경증"],
    &["serious", "moderate", "중대", "보통", "중간"],
    &["critical", "major", "심각", "중증"],
    &["catastrophic", "치명적", "치명", "사망"],
];

/// The five levels; Korean plans write them 매우 낮음 / 낮음 / 보통 / 높음 / 매우 높음 as often as
/// 거의 없음 / 희박 / 가끔 / 자주 / 빈번.
const DEFAULT_PROBABILITY: &[&[&str]] = &[
    &["improbable", "incredible", "거의 없음", "매우 낮음"],
    &["remote", "rare", "희박", "드묾", "낮음"],
    &["occasional", "가끔", "보통", "중간"],
    &["probable", "likely", "자주", "높음"],
    &["frequent", "빈번", "매우 높음"],
];

#[derive(Debug, Clone, Serialize)]
pub(super) struct Scales {
    /// Level names per rank (rank 1 first); each level may have several names.
    pub severity: Vec<Vec<String>>,
    pub probability: Vec<Vec<String>>,
    pub unacceptable_from: u32,
    /// `plan` when the risk management plan defines a scale, `config` when
    /// `verification.risk_scales` set them, else `default`.
    pub source: &'static str,
    /// The plan the scales were read from (with `source: plan`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
}

fn levels(given: Option<&Vec<String>>, default: &[&[&str]]) -> Vec<Vec<String>> {
    match given {
        Some(names) => names.iter().map(|n| vec![n.to_lowercase()]).collect(),
        None => default
            .iter()
            .map(|names| names.iter().map(|n| n.to_string()).collect())
            .collect(),
    }
}

impl Scales {
    pub(super) fn from_config(config: &LoadedConfig) -> Scales {
        let user = config
            .config
            .verification
            .risk_scales
            .clone()
            .unwrap_or_default();
        let RiskScales {
            severity,
            probability,
            unacceptable_from,
        } = &user;
        Scales {
            severity: levels(severity.as_ref(), DEFAULT_SEVERITY),
            probability: levels(probability.as_ref(), DEFAULT_PROBABILITY),
            unacceptable_from: unacceptable_from.unwrap_or(DEFAULT_UNACCEPTABLE_FROM),
            source: if config.config.verification.risk_scales.is_some() {
                "config"
            } else {
                "default"
            },
            plan: None,
        }
    }

    /// The scales of the first of `plans` (unfilled templates left out) that defines one, else
    /// [`Scales::from_config`].
    pub(super) fn resolve(ctx: &Context, plans: &[String]) -> Scales {
        let mut scales = Scales::from_config(ctx.config);
        for path in plans {
            let Some(text) = ctx.read_text(path).filter(|t| unfilled_reason(t).is_none()) else {
                continue;
            };
            let (severity, probability) = scales_in(&text);
            if severity.is_none() && probability.is_none() {
                continue;
            }
            scales.severity = severity.unwrap_or(scales.severity);
            scales.probability = probability.unwrap_or(scales.probability);
            scales.source = "plan";
            scales.plan = Some(path.clone());
            break;
        }
        scales
    }
}

/// The rank (1-based) of `value` on `scale`, or `None` when it is not on the scale.
pub(super) fn rank(scale: &[Vec<String>], value: &str) -> Option<u32> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return None;
    }
    let leading: String = v.chars().take_while(char::is_ascii_digit).collect();
    if let Ok(n) = leading.parse::<usize>() {
        return (1..=scale.len()).contains(&n).then_some(n as u32);
    }
    if let Some(i) = scale.iter().position(|names| names.contains(&v)) {
        return Some(i as u32 + 1);
    }
    if let Some(n) = rank_of_code(&v) {
        return (1..=scale.len() as u32).contains(&n).then_some(n);
    }
    // Names the text contains, leaving out one inside a longer one it also contains (`낮음` in
    // `매우 낮음 (1)`).
    let found: Vec<(usize, &str)> = (0..scale.len())
        .flat_map(|i| scale[i].iter().map(move |n| (i, n.as_str())))
        .filter(|(_, n)| v.contains(n))
        .collect();
    let mut mentioned: Vec<usize> = found
        .iter()
        .filter(|(_, n)| {
            !found
                .iter()
                .any(|(_, m)| m.len() > n.len() && m.contains(n))
        })
        .map(|(i, _)| *i)
        .collect();
    mentioned.dedup();
    match mentioned[..] {
        [one] => Some(one as u32 + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_korean() {
        let s = Scales::from_config(&LoadedConfig::default());
        assert_eq!(rank(&s.severity, "Catastrophic"), Some(5));
        assert_eq!(rank(&s.severity, "4 (Critical)"), Some(4));
        assert_eq!(rank(&s.severity, "치명적"), Some(5));
        assert_eq!(rank(&s.probability, "Remote"), Some(2));
        assert_eq!(rank(&s.severity, "Deadly"), None);
        assert_eq!(rank(&s.severity, "7"), None);
        assert_eq!(rank(&s.severity, ""), None);
        assert_eq!(rank(&s.severity, "S4"), Some(4));
        assert_eq!(rank(&s.probability, "P6"), None);
    }

    #[test]
    fn korean_five_level_names() {
        let s = Scales::from_config(&LoadedConfig::default());
        let p = |v| rank(&s.probability, v);
        assert_eq!(
            ["매우 낮음", "낮음", "보통", "높음", "매우 높음"].map(p),
            [Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
        assert_eq!(p("매우 낮음 (연 1회 미만)"), Some(1));
        assert_eq!(p("높음(월 1회)"), Some(4));
        let sev = |v| rank(&s.severity, v);
        assert_eq!(
            ["경미", "중대", "치명"].map(sev),
            [Some(2), Some(3), Some(5)]
        );
    }
}
