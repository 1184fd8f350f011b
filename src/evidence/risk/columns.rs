//! Loose column matching for risk tables: our own column names, the usual FMEA and hazard-log
//! headers in English, and their Korean equivalents, compared after normalisation (lower case,
//! letters and digits only). Exact names win over partial ones; a header that mentions
//! "residual" only ever means the residual risk.

use crate::evidence::read::tables::normalise_header;
use std::collections::BTreeMap;

/// The fields of our risk-table format, in column order.
pub const FIELDS: &[&str] = &[
    "id",
    "hazard",
    "hazardous_situation",
    "harm",
    "severity",
    "probability",
    "risk_controls",
    "residual_risk",
    "verification",
];

/// Exact header names (normalised) per field.
const EXACT: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "riskid",
            "hazardid",
            "no",
            "number",
            "ref",
            "번호",
            "위험id",
            "식별번호",
        ],
    ),
    (
        "hazard",
        &[
            "hazard",
            "hazards",
            "failuremode",
            "potentialfailuremode",
            "위해요인",
            "위험요인",
            "위험원",
            "고장모드",
            "잠재적고장모드",
        ],
    ),
    (
        "hazardous_situation",
        &[
            "hazardoussituation",
            "sequenceofevents",
            "situation",
            "위해상황",
            "위험상황",
            "위험한상황",
        ],
    ),
    (
        "harm",
        &[
            "harm",
            "effect",
            "failureeffect",
            "potentialeffect",
            "potentialeffectsoffailure",
            "위해",
            "영향",
            "고장영향",
        ],
    ),
    ("severity", &["severity", "sev", "s", "심각도", "중대성"]),
    (
        "probability",
        &[
            "probability",
            "occurrence",
            "likelihood",
            "p",
            "o",
            "occ",
            "발생가능성",
            "발생확률",
            "발생도",
            "확률",
        ],
    ),
    (
        "risk_controls",
        &[
            "riskcontrol",
            "riskcontrols",
            "riskcontrolids",
            "riskcontrolmeasures",
            "controls",
            "control",
            "mitigation",
            "mitigations",
            "recommendedactions",
            "위험통제",
            "위험통제조치",
            "통제조치",
            "경감조치",
        ],
    ),
    (
        "residual_risk",
        &["residualrisk", "residual", "잔여위험", "잔여위험수준"],
    ),
    (
        "verification",
        &[
            "verification",
            "verificationreference",
            "verifiedby",
            "verificationofeffectiveness",
            "test",
            "tests",
            "검증",
            "검증방법",
            "효과검증",
        ],
    ),
];

/// Parts of header names that identify a field when no exact name matches, checked in order.
const PARTIAL: &[(&str, &[&str])] = &[
    ("residual_risk", &["residual", "잔여"]),
    (
        "hazardous_situation",
        &[
            "hazardoussituation",
            "sequenceofevents",
            "위해상황",
            "위험상황",
        ],
    ),
    ("risk_controls", &["control", "mitigation", "통제", "경감"]),
    ("verification", &["verif", "검증"]),
    ("severity", &["severity", "심각도"]),
    (
        "probability",
        &["probability", "occurrence", "likelihood", "발생"],
    ),
    ("harm", &["harm", "effect", "위해"]),
    ("hazard", &["hazard", "failuremode", "위험요인", "위해요인"]),
];

/// Which column holds each field (first matching column wins).
pub fn map_columns(header: &[String]) -> BTreeMap<&'static str, usize> {
    let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    let mut out = BTreeMap::new();
    for (field, exact) in EXACT {
        if let Some(i) = names.iter().position(|n| exact.contains(&n.as_str())) {
            out.insert(*field, i);
        }
    }
    for (i, name) in names.iter().enumerate() {
        if out.values().any(|c| *c == i) || name.is_empty() {
            continue;
        }
        let field = PARTIAL
            .iter()
            .find(|(_, parts)| parts.iter().any(|p| name.contains(p)));
        if let Some((field, _)) = field {
            out.entry(*field).or_insert(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(header: &[&str]) -> Vec<(&'static str, usize)> {
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        map_columns(&header).into_iter().collect()
    }

    #[test]
    fn our_format_and_fmea_headers() {
        let ours = mapped(&[
            "ID",
            "Hazard",
            "Hazardous situation",
            "Harm",
            "Severity",
            "Probability",
            "Risk controls",
            "Residual risk",
            "Verification",
        ]);
        assert_eq!(ours.len(), 9);
        let fmea = mapped(&[
            "Item",
            "Potential Failure Mode",
            "Potential Effect(s) of Failure",
            "SEV",
            "OCC",
            "Recommended Actions",
            "Residual Severity",
        ]);
        assert!(
            fmea.contains(&("hazard", 1))
                && fmea.contains(&("harm", 2))
                && fmea.contains(&("severity", 3))
        );
        assert!(
            fmea.contains(&("probability", 4))
                && fmea.contains(&("risk_controls", 5))
                && fmea.contains(&("residual_risk", 6))
        );
    }

    #[test]
    fn korean_headers() {
        let ko = mapped(&[
            "번호",
            "위해요인",
            "위해 상황",
            "위해",
            "심각도",
            "발생 가능성",
            "위험 통제 조치",
            "잔여 위험",
            "검증",
        ]);
        assert_eq!(ko.len(), 9, "{ko:?}");
    }
}
