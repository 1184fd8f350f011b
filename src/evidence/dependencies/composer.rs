//! Composer's `composer.lock`: `packages` and `packages-dev`, each `{name, version}`; a `path`
//! dist is the product's own package.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;

pub(super) fn parse_lock(bytes: &[u8]) -> Result<Vec<Package>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if doc.get("packages").is_none() {
        return Err("no `packages`: not a composer.lock".into());
    }
    Ok(["packages", "packages-dev"]
        .iter()
        .flat_map(|k| array(&doc, k))
        .filter_map(|p| {
            let local = p.pointer("/dist/type").and_then(Value::as_str) == Some("path");
            Some(
                Package::new(
                    Ecosystem::Composer,
                    str_at(p, "name")?,
                    str_at(p, "version").unwrap_or_default(),
                )
                .local(local),
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_packages_and_dev_packages() {
        let lock = br#"{"packages":[{"name":"symfony/console","version":"v5.4.0"},{"name":"acme/mine","version":"dev-main","dist":{"type":"path"}}],"packages-dev":[{"name":"phpunit/phpunit","version":"9.6.0"}]}"#;
        let p = parse_lock(lock).unwrap();
        assert_eq!(p.len(), 3);
        assert!(p[1].local && !p[0].local);
        assert!(parse_lock(br#"{"name":"x"}"#).is_err());
    }
}
