//! NuGet's `packages.lock.json`: per target framework, `name -> {type, resolved}` where `type`
//! is `Direct`, `Transitive`, `CentralTransitive` or `Project` (the product's own project).

use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{entries, str_at};
use serde_json::Value;

pub(super) fn parse_lock(bytes: &[u8]) -> Result<Vec<Package>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if !doc.get("dependencies").is_some_and(Value::is_object) {
        return Err("no `dependencies` object: not a packages.lock.json".into());
    }
    let mut out: Vec<Package> = entries(&doc, "dependencies")
        .flat_map(|(_, framework)| framework.as_object().into_iter().flatten())
        .map(|(name, d)| {
            let kind = str_at(d, "type").unwrap_or_default();
            Package::new(
                Ecosystem::Nuget,
                name,
                str_at(d, "resolved").unwrap_or_default(),
            )
            .direct(kind == "Direct")
            .local(kind == "Project")
        })
        .collect();
    out.sort_by(|a, b| (&a.name, &a.version, !a.direct).cmp(&(&b.name, &b.version, !b.direct)));
    out.dedup_by(|a, b| a.name == b.name && a.version == b.version);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frameworks_merge_and_projects_are_local() {
        let lock = br#"{"version":1,"dependencies":{"net8.0":{"Serilog":{"type":"Direct","resolved":"3.1.1"},"Core":{"type":"Project"}},"net6.0":{"Serilog":{"type":"Transitive","resolved":"3.1.1"}}}}"#;
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [("Core", "", false, true), ("Serilog", "3.1.1", true, false)]
        );
    }
}
