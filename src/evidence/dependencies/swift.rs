//! SwiftPM's `Package.resolved`, versions 1 (`object.pins[].package`) and 2/3
//! (`pins[].identity`). A pin on a branch or revision has no version: its revision stands in.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;

pub(super) fn parse_resolved(bytes: &[u8]) -> Result<Vec<Package>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    let pins = match doc.get("object") {
        Some(object) => array(object, "pins"),
        None => array(&doc, "pins"),
    };
    if pins.is_empty() && doc.get("version").is_none() {
        return Err("no `pins`: not a Package.resolved".into());
    }
    Ok(pins
        .iter()
        .filter_map(|p| {
            let name = str_at(p, "identity").or_else(|| str_at(p, "package"))?;
            let state = p.get("state").unwrap_or(&Value::Null);
            let version = str_at(state, "version")
                .or_else(|| str_at(state, "revision"))
                .unwrap_or_default();
            Some(Package::new(Ecosystem::Swift, name, version))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_v1_and_v2_pins() {
        let v1 = br#"{"object":{"pins":[{"package":"swift-nio","repositoryURL":"https://github.com/apple/swift-nio.git","state":{"version":"2.60.0"}}]},"version":1}"#;
        let v2 = br#"{"pins":[{"identity":"swift-log","location":"https://github.com/apple/swift-log","state":{"revision":"abc","branch":"main"}}],"version":2}"#;
        assert_eq!(parse_resolved(v1).unwrap()[0].version, "2.60.0");
        assert_eq!(parse_resolved(v2).unwrap()[0].version, "abc");
        assert!(parse_resolved(b"{}").is_err());
    }
}
