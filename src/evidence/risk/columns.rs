//! Loose column matching for risk tables: our own column names, the usual FMEA and hazard-log
//! headers in English, and their Korean equivalents, compared after normalisation (lower case,
//! letters and digits only). Exact names win over partial ones; a header that mentions
//! "residual" only ever means the residual risk.

use crate::evidence::read::tables::normalise_header;
use std::collections::BTreeMap;

/// The fields of our risk-table format, in column order.
pub(super) const FIELDS: &[&str] = &[
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

/// Words that mark a column as after risk control (residual).
const AFTER_CONTROL: &[&str] = &[
    "residual",
    "postcontrol",
    "aftercontrol",
    "postmitigation",
    "aftermitigation",
    "post",
    "after",
    "final",
    "잔여",
    "통제후",
    "조치후",
];

/// Which column holds the residual (post-control) severity and probability, when the table gives
/// residual risk as two columns (`Residual severity`, `P (post-control)`) instead of one; a lone
/// residual column is the residual risk itself.
pub(super) fn residual_columns(header: &[String]) -> (Option<usize>, Option<usize>) {
    let mut severity = None;
    let mut probability = None;
    for (i, name) in header.iter().map(|h| normalise_header(h)).enumerate() {
        let Some(word) = AFTER_CONTROL.iter().find(|w| name.contains(**w)) else {
            continue;
        };
        let rest = name
            .replacen(word, "", 1)
            .replace("controls", "")
            .replace("control", "");
        let rest = rest.trim_end_matches("rank");
        if matches!(rest, "s" | "sev" | "심각도") || rest.contains("severity") {
            severity.get_or_insert(i);
        } else if matches!(rest, "p" | "o" | "occ" | "확률" | "발생도")
            || ["probability", "occurrence", "likelihood", "발생"]
                .iter()
                .any(|w| rest.contains(w))
        {
            probability.get_or_insert(i);
        }
    }
    match (severity, probability) {
        (Some(s), Some(p)) => (Some(s), Some(p)),
        _ => (None, None),
    }
}

/// Which column holds each field (first matching column wins).
pub(super) fn map_columns(header: &[String]) -> BTreeMap<&'static str, usize> {
    let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    let (residual_s, residual_p) = residual_columns(header);
    let mut out = BTreeMap::new();
    for (field, exact) in EXACT {
        if let Some(i) = names.iter().position(|n| exact.contains(&n.as_str())) {
            out.insert(*field, i);
        }
    }
    for (i, name) in names.iter().enumerate() {
        let residual_part = Some(i) == residual_s || Some(i) == residual_p;
        if out.values().any(|c| *c == i) || name.is_empty() || residual_part {
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
    fn residual_risk_as_post_control_columns() {
        let header: Vec<String> = [
            "ID",
            "Hazard",
            "S",
            "P",
            "Control",
            "S (post)",
            "P after control",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        assert_eq!(residual_columns(&header), (Some(5), Some(6)));
        let mapped = map_columns(&header);
        assert_eq!(mapped.get("severity"), Some(&2));
        assert_eq!(mapped.get("residual_risk"), None);
        let ko: Vec<String> = ["잔여 심각도", "잔여 발생가능성", "Residual risk"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        assert_eq!(residual_columns(&ko), (Some(0), Some(1)));
        assert_eq!(map_columns(&ko).get("residual_risk"), Some(&2));
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
