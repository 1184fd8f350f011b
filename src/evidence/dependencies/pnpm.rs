//! `pnpm-lock.yaml`, lockfile versions 5 (`/name/1.2.3_peer`), 6 (`/name@1.2.3(peer@2)`) and 9
//! (`name@1.2.3`). Direct dependencies are those the importers (workspace projects) name;
//! `link:` versions are the product's own packages.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::entries;
use serde_json::Value;
use std::collections::HashSet;

const DEPENDENCY_FIELDS: &[&str] = &["dependencies", "devDependencies", "optionalDependencies"];

/// Splits a `packages` key into name and version, whatever the lockfile version.
fn split_key(key: &str) -> Option<(&str, &str)> {
    let key = key.trim_start_matches('/');
    let key = key.split('(').next().unwrap_or(key);
    let at = key
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '@')
        .map(|(i, _)| i);
    let (name, version) = match at {
        Some(i) => (&key[..i], &key[i + 1..]),
        None => key.rsplit_once('/')?,
    };
    Some((name, version.split('_').next().unwrap_or(version)))
}

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let doc: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    if doc.get("lockfileVersion").is_none() {
        return Err("no lockfileVersion: not a pnpm-lock.yaml".into());
    }
    // v5 single-project locks keep the importer's fields at the top level.
    let importers: Vec<&Value> = match doc.get("importers").and_then(Value::as_object) {
        Some(map) => map.values().collect(),
        None => vec![&doc],
    };
    let direct: HashSet<&str> = importers
        .iter()
        .flat_map(|i| DEPENDENCY_FIELDS.iter().flat_map(|f| entries(i, f)))
        .map(|(name, _)| name.as_str())
        .collect();
    let mut out: Vec<Package> = entries(&doc, "packages")
        .filter_map(|(key, _)| split_key(key))
        .map(|(name, version)| {
            Package::new(Ecosystem::Npm, name, version).direct(direct.contains(name))
        })
        .collect();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_every_lockfile_version() {
        assert_eq!(
            split_key("/@babel/core/7.1.0_peer"),
            Some(("@babel/core", "7.1.0"))
        );
        assert_eq!(
            split_key("/@babel/core@7.1.0(eslint@8.0.0)"),
            Some(("@babel/core", "7.1.0"))
        );
        assert_eq!(split_key("lodash@4.17.21"), Some(("lodash", "4.17.21")));
    }

    #[test]
    fn importers_name_direct_dependencies() {
        let lock = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      lodash:\n        specifier: ^4\n        version: 4.17.21\n      ui:\n        specifier: workspace:*\n        version: link:packages/ui\npackages:\n  lodash@4.17.21:\n    resolution: {integrity: sha512-x}\n  ms@2.1.3:\n    resolution: {integrity: sha512-y}\n";
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("lodash", "4.17.21", true, false),
                ("ms", "2.1.3", false, false)
            ]
        );
        assert!(parse_lock("a: [").is_err());
    }
}
