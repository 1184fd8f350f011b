//! CycloneDX JSON (spec 1.1 to 1.6), read leniently through `serde_json::Value`: the
//! cyclonedx-bom crate rejects spec 1.6, and a strict model would reject a whole SBOM for one
//! field a generator got wrong.

use super::model::{AiElement, Component, Encoding, Format, Sbom, VexStatement, present};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;

/// Reads a parsed CycloneDX JSON document (the caller checked `bomFormat`).
pub(super) fn read(v: &Value) -> Sbom {
    let mut sbom = Sbom::new(Format::Cyclonedx, Encoding::Json);
    sbom.spec_version = str_at(v, "specVersion").map(str::to_string);
    let meta = v.get("metadata").unwrap_or(&Value::Null);
    sbom.created = present(str_at(meta, "timestamp"));
    sbom.authors = array(meta, "authors")
        .iter()
        .filter_map(|a| present(str_at(a, "name")).or_else(|| present(str_at(a, "email"))))
        .collect();
    sbom.tools = tool_names(meta.get("tools"));
    sbom.subject = meta.get("component").map(component);
    flatten_components(array(v, "components"), &mut sbom);
    sbom.dependency_edges = array(v, "dependencies")
        .iter()
        .map(|d| array(d, "dependsOn").len() + array(d, "provides").len())
        .sum();
    sbom.vex = array(v, "vulnerabilities")
        .iter()
        .map(vex_statement)
        .collect();
    sbom
}

/// Tools: an array of `{vendor, name, version}` (1.1-1.4) or `{components, services}` (1.5+).
fn tool_names(tools: Option<&Value>) -> Vec<String> {
    let named = |t: &Value| present(str_at(t, "name"));
    match tools {
        Some(Value::Array(list)) => list.iter().filter_map(named).collect(),
        Some(obj @ Value::Object(_)) => array(obj, "components")
            .iter()
            .chain(array(obj, "services"))
            .filter_map(named)
            .collect(),
        _ => vec![],
    }
}

/// Components at any depth; machine-learning models are also kept as written, for the AI
/// evidence, and cryptographic assets counted.
fn flatten_components(list: &[Value], sbom: &mut Sbom) {
    for c in list {
        sbom.components.push(component(c));
        match str_at(c, "type") {
            Some("machine-learning-model") => sbom.ai.push(AiElement::CycloneDxModel(c.clone())),
            Some("cryptographic-asset") => sbom.crypto_assets += 1,
            _ => {}
        }
        flatten_components(array(c, "components"), sbom);
    }
}

fn component(c: &Value) -> Component {
    let supplier = c
        .get("supplier")
        .and_then(|s| present(str_at(s, "name")))
        .or_else(|| {
            c.get("manufacturer")
                .and_then(|m| present(str_at(m, "name")))
        })
        .or_else(|| present(str_at(c, "publisher")))
        .or_else(|| present(str_at(c, "author")));
    Component {
        name: present(str_at(c, "name")).map(|n| match present(str_at(c, "group")) {
            Some(g) => format!("{g}/{n}"),
            None => n,
        }),
        version: present(str_at(c, "version")),
        supplier,
        purl: present(str_at(c, "purl")),
        cpe: present(str_at(c, "cpe")),
        other_id: c.get("swid").is_some()
            || c.get("omniborId").is_some()
            || c.get("swhid").is_some(),
        hashes: array(c, "hashes").len(),
        licenses: licenses(array(c, "licenses")),
        spdx_id: None,
    }
}

fn licenses(list: &[Value]) -> Vec<String> {
    list.iter()
        .filter_map(|l| {
            present(str_at(l, "expression")).or_else(|| {
                let lic = l.get("license")?;
                present(str_at(lic, "id")).or_else(|| present(str_at(lic, "name")))
            })
        })
        .collect()
}

fn vex_statement(v: &Value) -> VexStatement {
    let analysis = v.get("analysis").unwrap_or(&Value::Null);
    VexStatement {
        id: present(str_at(v, "id")).unwrap_or_default(),
        state: present(str_at(analysis, "state")),
        justification: present(str_at(analysis, "justification")),
        response: array(analysis, "response")
            .iter()
            .filter_map(|r| r.as_str().map(str::to_string))
            .collect(),
        affects: array(v, "affects")
            .iter()
            .filter_map(|a| present(str_at(a, "ref")))
            .collect(),
        updated: present(str_at(analysis, "lastUpdated"))
            .or_else(|| present(str_at(analysis, "firstIssued"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_components_groups_tools_and_vex() {
        let v: Value = serde_json::from_str(
            r#"{"bomFormat":"CycloneDX","specVersion":"1.5",
            "metadata":{"timestamp":"2026-01-01T00:00:00Z","tools":{"components":[{"name":"syft"}]},
              "authors":[{"name":"Ann"}],"component":{"name":"app","version":"1"}},
            "components":[{"group":"org.x","name":"lib","version":"2","purl":"pkg:maven/org.x/lib@2",
              "supplier":{"name":"X"},"hashes":[{"alg":"SHA-256","content":"ab"}],
              "licenses":[{"license":{"id":"MIT"}}],"components":[{"name":"inner","version":7}]}],
            "dependencies":[{"ref":"app","dependsOn":["a","b"]}],
            "vulnerabilities":[{"id":"CVE-1","analysis":{"state":"not_affected","justification":"code_not_reachable"},"affects":[{"ref":"a"}]}]}"#,
        )
        .unwrap();
        let s = read(&v);
        assert_eq!(s.spec_version.as_deref(), Some("1.5"));
        assert_eq!(s.tools, ["syft"]);
        assert_eq!(s.authors, ["Ann"]);
        assert_eq!(s.components.len(), 2);
        assert_eq!(s.components[0].name.as_deref(), Some("org.x/lib"));
        assert_eq!(s.components[0].licenses, ["MIT"]);
        // A number where a string belongs is ignored, not fatal.
        assert_eq!(s.components[1].version, None);
        assert_eq!(s.dependency_edges, 2);
        assert_eq!(s.vex[0].state.as_deref(), Some("not_affected"));
    }
}
