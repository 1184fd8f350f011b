//! SPDX 2 YAML and RDF/XML SBOMs: found by name, read with their spec version and NTIA verdict
//! (the same document in JSON, YAML and RDF/XML reads alike), the purl/CPE need reported as its
//! own finding, and malformed YAML/RDF diagnosed by file name, never a panic.

use crate::common::{evidence_json, findings_of, scan_json, write_files};
use serde_json::Value;

const YAML: &str = "spdxVersion: SPDX-2.3
SPDXID: SPDXRef-DOCUMENT
name: app
creationInfo:
  created: '2026-01-01T00:00:00Z'
  creators:
  - 'Tool: gen'
packages:
- SPDXID: SPDXRef-app
  name: app
  versionInfo: '1.0'
  supplier: 'Organization: ACME'
- SPDXID: SPDXRef-lib
  name: lib
  versionInfo: '2.0'
  supplier: 'Organization: Lib Co'
  externalRefs:
  - referenceCategory: PACKAGE-MANAGER
    referenceType: purl
    referenceLocator: pkg:npm/lib@2.0
relationships:
- spdxElementId: SPDXRef-DOCUMENT
  relationshipType: DESCRIBES
  relatedSpdxElement: SPDXRef-app
- spdxElementId: SPDXRef-app
  relationshipType: DEPENDS_ON
  relatedSpdxElement: SPDXRef-lib
";

/// The YAML document as RDF/XML, with the relationship nested as spdx-tools writes it.
const RDF: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <spdx:SpdxDocument rdf:about="https://example.com/app#SPDXRef-DOCUMENT">
    <spdx:specVersion>SPDX-2.3</spdx:specVersion>
    <spdx:creationInfo><spdx:CreationInfo rdf:nodeID="c">
      <spdx:created>2026-01-01T00:00:00Z</spdx:created>
      <spdx:creator>Tool: gen</spdx:creator>
    </spdx:CreationInfo></spdx:creationInfo>
    <spdx:relationship><spdx:Relationship rdf:nodeID="r1">
      <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_describes"/>
      <spdx:relatedSpdxElement>
        <spdx:Package rdf:about="https://example.com/app#SPDXRef-app">
          <spdx:name>app</spdx:name>
          <spdx:versionInfo>1.0</spdx:versionInfo>
          <spdx:supplier>Organization: ACME</spdx:supplier>
          <spdx:relationship><spdx:Relationship rdf:nodeID="r2">
            <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_dependsOn"/>
            <spdx:relatedSpdxElement>
              <spdx:Package rdf:about="https://example.com/app#SPDXRef-lib">
                <spdx:name>lib</spdx:name>
                <spdx:versionInfo>2.0</spdx:versionInfo>
                <spdx:supplier>Organization: Lib Co</spdx:supplier>
                <spdx:externalRef><spdx:ExternalRef rdf:nodeID="e">
                  <spdx:referenceCategory rdf:resource="http://spdx.org/rdf/terms#referenceCategory_packageManager"/>
                  <spdx:referenceType rdf:resource="http://spdx.org/rdf/references/purl"/>
                  <spdx:referenceLocator>pkg:npm/lib@2.0</spdx:referenceLocator>
                </spdx:ExternalRef></spdx:externalRef>
              </spdx:Package>
            </spdx:relatedSpdxElement>
          </spdx:Relationship></spdx:relationship>
        </spdx:Package>
      </spdx:relatedSpdxElement>
    </spdx:Relationship></spdx:relationship>
  </spdx:SpdxDocument>
</rdf:RDF>
"##;

fn sbom<'a>(ev: &'a Value, path: &str) -> &'a Value {
    ev["sboms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("{path} not read: {}", ev["sboms"]))
}

#[test]
fn yaml_and_rdf_read_like_json() {
    let dir = tempfile::tempdir().unwrap();
    let json: Value = yaml_serde::from_str(YAML).unwrap();
    let json = serde_json::to_string(&json).unwrap();
    write_files(
        dir.path(),
        &[
            ("sbom/app.spdx.yaml", YAML),
            ("sbom/app.spdx.yml", YAML),
            ("dist/app.spdx.rdf", RDF),
            ("dist/app.spdx.rdf.xml", RDF),
            ("dist/app.spdx.json", &json),
        ],
    );
    let ev = evidence_json(dir.path(), &["--no-config"]);
    let reference = sbom(&ev, "dist/app.spdx.json");
    for (path, encoding) in [
        ("sbom/app.spdx.yaml", "yaml"),
        ("sbom/app.spdx.yml", "yaml"),
        ("dist/app.spdx.rdf", "rdf-xml"),
        ("dist/app.spdx.rdf.xml", "rdf-xml"),
        ("dist/app.spdx.json", "json"),
    ] {
        let s = sbom(&ev, path);
        assert_eq!(
            (&s["parsed"], &s["encoding"], &s["spec_version"]),
            (
                &Value::Bool(true),
                &Value::from(encoding),
                &Value::from("2.3")
            ),
            "{path}: {s}"
        );
        for field in [
            "component_count",
            "dependency_edges",
            "ntia",
            "matchable",
            "subject",
        ] {
            assert_eq!(s[field], reference[field], "{path}: {field}");
        }
    }
    assert_eq!(reference["ntia"]["complete"], true, "{reference}");
    assert_eq!(reference["ntia"]["components_evaluated"], 2);
    assert_eq!(reference["matchable"]["without_purl_or_cpe"], 1);
    assert_eq!(reference["subject"]["name"], "app");
}

#[test]
fn missing_purl_is_its_own_finding_not_an_ntia_failure() {
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &[("sbom/app.spdx.yaml", YAML)]);
    let report = scan_json(dir.path());
    let findings = findings_of(&report, "MFDS-CYB-002");
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("1 of 2 components have no purl or CPE"),
        "{messages:?}"
    );
    assert!(messages[0].contains("first: app@1.0"), "{messages:?}");
    assert!(
        !messages[0].contains("NTIA minimum elements:"),
        "{messages:?}"
    );
}

#[test]
fn a_lone_package_nothing_describes_lacks_dependencies() {
    let dir = tempfile::tempdir().unwrap();
    let lone: String = YAML
        .split("relationships:")
        .next()
        .unwrap()
        .lines()
        .take_while(|l| !l.contains("SPDXRef-lib"))
        .map(|l| format!("{l}\n"))
        .collect();
    write_files(dir.path(), &[("sbom/lone.spdx.yaml", &lone)]);
    let ev = evidence_json(dir.path(), &["--no-config"]);
    let s = sbom(&ev, "sbom/lone.spdx.yaml");
    assert_eq!(s["component_count"], 1, "{s}");
    assert_eq!(
        (&s["ntia"]["complete"], &s["ntia"]["dependencies"]),
        (&Value::Bool(false), &Value::Bool(false))
    );
    let report = scan_json(dir.path());
    let ntia = findings_of(&report, "MFDS-CYB-002");
    assert!(
        ntia.iter().any(|f| f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("no dependency relationships")),
        "{ntia:?}"
    );
}

#[test]
fn malformed_yaml_and_rdf_are_diagnosed_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "spdxVersion: SPDX-2.3\npackages: {}{}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let deep_xml = format!("{}{}", "<spdx:x>".repeat(300), "</spdx:x>".repeat(300));
    let files = [
        (
            "sbom/bad.spdx.yaml",
            "spdxVersion: SPDX-2.3\npackages: [unclosed\n".to_string(),
        ),
        ("sbom/deep.spdx.yaml", deep),
        ("sbom/other.spdx.yml", "name: not spdx\n".to_string()),
        ("sbom/bad.spdx.rdf", RDF[..RDF.len() / 2].to_string()),
        ("sbom/empty.spdx.rdf.xml", "<rdf:RDF></rdf:RDF>".to_string()),
        ("sbom/deep.spdx.rdf", deep_xml),
    ];
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, c)| (*p, c.as_str())).collect();
    write_files(dir.path(), &refs);
    let ev = evidence_json(dir.path(), &["--no-config"]);
    for (path, _) in &files {
        assert_eq!(sbom(&ev, path)["parsed"], false, "{path}");
        let named = ev["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == *path && d["message"].as_str().unwrap().contains("SBOM"));
        assert!(named, "{path}: {}", ev["diagnostics"]);
    }
}
