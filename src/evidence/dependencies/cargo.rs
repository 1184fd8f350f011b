//! Cargo: `Cargo.lock` (every package with its source; packages without a source are workspace
//! members or path dependencies, the product's own code) and the direct dependencies that the
//! workspace members name.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;
use std::collections::HashSet;

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let doc: Value = toml::from_str(text).map_err(|e| format!("invalid TOML: {e}"))?;
    if doc.get("package").is_some_and(|p| !p.is_array()) {
        return Err("`package` is not an array of tables".into());
    }
    let entries = array(&doc, "package");
    // Members name their dependencies as `name` or `name version` (or `name version (source)`).
    let mut direct: HashSet<&str> = HashSet::new();
    for p in entries.iter().filter(|p| p.get("source").is_none()) {
        for d in array(p, "dependencies").iter().filter_map(Value::as_str) {
            direct.extend(d.split_whitespace().next());
        }
    }
    Ok(entries
        .iter()
        .filter_map(|p| {
            let name = str_at(p, "name")?;
            let local = p.get("source").is_none();
            let pkg = Package::new(
                Ecosystem::Cargo,
                name,
                str_at(p, "version").unwrap_or_default(),
            );
            Some(pkg.local(local).direct(!local && direct.contains(name)))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_local_and_name_the_direct_dependencies() {
        let lock = r#"
version = 3
[[package]]
name = "app"
version = "0.1.0"
dependencies = ["serde", "log 0.4.20 (registry+https://github.com/rust-lang/crates.io-index)"]
[[package]]
name = "serde"
version = "1.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["itoa"]
[[package]]
name = "itoa"
version = "1.0.1"
source = "registry+https://github.com/rust-lang/crates.io-index"
[[package]]
name = "log"
version = "0.4.20"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("app", "0.1.0", false, true),
                ("serde", "1.0.0", true, false),
                ("itoa", "1.0.1", false, false),
                ("log", "0.4.20", true, false)
            ]
        );
        assert!(parse_lock("[[package]\nname=").is_err());
        assert!(
            parse_lock("package = 5")
                .unwrap_err()
                .contains("not an array")
        );
    }
}
