//! CocoaPods' `Podfile.lock` (YAML): `PODS` lists `Name (1.2.3)` or `Name/Subspec (1.2.3)`
//! (subspecs belong to their pod), `DEPENDENCIES` the direct ones, and `EXTERNAL SOURCES` with a
//! `:path` the product's own pods.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{array, entries};
use serde_json::Value;
use std::collections::HashSet;

/// `Name/Sub (1.2.3)` -> (`Name`, `1.2.3`).
fn split_entry(entry: &str) -> (&str, &str) {
    let (name, version) = entry.split_once(" (").unwrap_or((entry, ""));
    (
        name.split('/').next().unwrap_or(name).trim(),
        version.trim_end_matches(')'),
    )
}

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let doc: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    let Some(pods) = doc.get("PODS").and_then(Value::as_array) else {
        return Err("no PODS list: not a Podfile.lock".into());
    };
    let direct: HashSet<&str> = array(&doc, "DEPENDENCIES")
        .iter()
        .filter_map(Value::as_str)
        .map(|d| split_entry(d).0)
        .collect();
    let local: HashSet<&str> = entries(&doc, "EXTERNAL SOURCES")
        .filter(|(_, src)| src.get(":path").is_some())
        .map(|(name, _)| name.as_str())
        .collect();
    let mut out: Vec<Package> = pods
        .iter()
        .filter_map(|p| match p {
            Value::String(s) => Some(s.as_str()),
            Value::Object(m) => m.keys().next().map(String::as_str),
            _ => None,
        })
        .map(split_entry)
        .map(|(name, version)| {
            Package::new(Ecosystem::Cocoapods, name, version)
                .direct(direct.contains(name))
                .local(local.contains(name))
        })
        .collect();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subspecs_fold_into_their_pod() {
        let text = "PODS:\n  - Alamofire (5.8.0)\n  - Firebase/Core (10.0.0):\n    - FirebaseCore\n  - Firebase/Analytics (10.0.0)\n  - Mine (0.1.0)\nDEPENDENCIES:\n  - Alamofire (~> 5.8)\n  - Mine (from `../Mine`)\nEXTERNAL SOURCES:\n  Mine:\n    :path: \"../Mine\"\n";
        let p = parse_lock(text).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("Alamofire", "5.8.0", true, false),
                ("Firebase", "10.0.0", false, false),
                ("Mine", "0.1.0", true, true)
            ]
        );
    }
}
