//! npm's `package-lock.json` (and `npm-shrinkwrap.json`), lockfile versions 1 to 3. Version 2
//! and 3 list `packages` by install path (`node_modules/@scope/name`, nested
//! `node_modules/a/node_modules/b`); version 1 nests `dependencies`. Aliases (`npm:real@1`)
//! carry the real name; links, `file:` packages and workspace folders are the product's own.

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{entries, str_at};
use serde_json::Value;
use std::collections::HashSet;

const DEPENDENCY_FIELDS: &[&str] = &["dependencies", "devDependencies", "optionalDependencies"];

pub(super) fn parse_lock(bytes: &[u8]) -> Result<Vec<Package>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if doc.get("packages").is_some_and(Value::is_object) {
        Ok(from_packages(&doc))
    } else if doc.get("dependencies").is_some_and(Value::is_object)
        || doc.get("lockfileVersion").is_some()
    {
        let mut out = vec![];
        from_v1(&doc, &mut out, 0);
        Ok(out)
    } else {
        Err("not a package-lock.json: neither `packages` nor `dependencies`".into())
    }
}

fn from_packages(doc: &Value) -> Vec<Package> {
    let root = doc.pointer("/packages/").unwrap_or(&Value::Null);
    let direct: HashSet<&str> = DEPENDENCY_FIELDS
        .iter()
        .flat_map(|f| entries(root, f).map(|(k, _)| k.as_str()))
        .collect();
    entries(doc, "packages")
        .filter(|(path, _)| !path.is_empty())
        .map(|(path, p)| {
            let installed_as = path.rsplit("node_modules/").next().unwrap_or(path);
            let name = str_at(p, "name").unwrap_or(installed_as);
            let local = !path.contains("node_modules/")
                || p.get("link").and_then(Value::as_bool) == Some(true)
                || str_at(p, "resolved").is_some_and(|r| r.starts_with("file:"));
            let top_level = path.strip_prefix("node_modules/") == Some(installed_as);
            Package::new(
                Ecosystem::Npm,
                name,
                str_at(p, "version").unwrap_or_default(),
            )
            .local(local)
            .direct(!local && top_level && direct.contains(installed_as))
        })
        .collect()
}

/// Version 1: `dependencies` nested by install path, at most 64 levels deep.
fn from_v1(node: &Value, out: &mut Vec<Package>, depth: usize) {
    if depth > 64 {
        return;
    }
    for (name, d) in entries(node, "dependencies") {
        let version = str_at(d, "version").unwrap_or_default();
        let (name, version) = match version
            .strip_prefix("npm:")
            .and_then(|a| a.rsplit_once('@'))
        {
            Some((real, v)) if !real.is_empty() => (real, v),
            _ => (name.as_str(), version),
        };
        let local = version.starts_with("file:") || version.starts_with("link:");
        out.push(Package::new(Ecosystem::Npm, name, version).local(local));
        from_v1(d, out, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v3_scoped_nested_aliased_and_workspace_packages() {
        let lock = br#"{"lockfileVersion":3,"packages":{
          "":{"name":"app","dependencies":{"@types/node":"^20","lodash":"^4","my-alias":"npm:left-pad@1.3.0"},"workspaces":["packages/ui"]},
          "node_modules/@types/node":{"version":"20.1.0"},
          "node_modules/lodash":{"version":"4.17.21"},
          "node_modules/my-alias":{"name":"left-pad","version":"1.3.0"},
          "node_modules/a/node_modules/lodash":{"version":"3.10.1"},
          "packages/ui":{"name":"@app/ui","version":"0.0.1"},
          "node_modules/@app/ui":{"resolved":"packages/ui","link":true}}}"#;
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert!(show.contains(&("@types/node", "20.1.0", true, false)));
        assert!(show.contains(&("left-pad", "1.3.0", true, false)));
        assert!(show.contains(&("lodash", "3.10.1", false, false)));
        assert!(show.contains(&("@app/ui", "0.0.1", false, true)));
        assert!(show.contains(&("@app/ui", "", false, true)));
    }

    #[test]
    fn v1_nests_and_resolves_aliases() {
        let lock = br#"{"lockfileVersion":1,"dependencies":{
          "a":{"version":"1.0.0","dependencies":{"b":{"version":"2.0.0"}}},
          "c":{"version":"npm:@x/real@3.0.0"},"d":{"version":"file:../d"}}}"#;
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("a", "1.0.0", false, false),
                ("b", "2.0.0", false, false),
                ("@x/real", "3.0.0", false, false),
                ("d", "file:../d", false, true)
            ]
        );
        assert!(parse_lock(br#"{"packages": 7, "x": 1}"#).is_err());
    }
}
