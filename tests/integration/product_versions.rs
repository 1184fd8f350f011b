//! MFDS-CHG-003 against the product's own manifests, on temporary repositories built here: a
//! root `Cargo.toml` behind `product.version`, a workspace member inheriting its version, a
//! software system's `package.json` that agrees, a fixture manifest outside the product's folders,
//! a malformed `Cargo.toml`, and an SBOM describing an older version of the product.

use crate::common::{evidence_json, findings_of, git_repo, scan_json};
use serde_json::{Value, json};

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.3.0\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n    - {name: web, paths: [\"web/app/**\"], safety_class: A}\n";

const CHG: &str = "MFDS-CHG-003";

fn locations(report: &Value) -> Vec<(String, u64, String)> {
    findings_of(report, CHG)
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_cargo_manifest_behind_the_product_version_fails_at_its_line() {
    let repo = git_repo(&[
        (".samdscan.yaml", CONFIG),
        (
            "Cargo.toml",
            "[package]\nname = \"pump\"\nversion = \"1.2.0\"\n",
        ),
        ("src/main.rs", "fn main() {}\n"),
    ]);
    assert_eq!(
        locations(&scan_json(repo.path())),
        [(
            "Cargo.toml".to_string(),
            3,
            "Cargo.toml declares version 1.2.0 but product.version is 1.3.0".to_string()
        )]
    );
}

#[test]
fn a_workspace_member_inherits_the_workspace_version() {
    let root = "[workspace]\nmembers = [\"src\"]\n\n[workspace.package]\nversion = \"1.2.0\"\n";
    let member = "[package]\nname = \"pump\"\nversion.workspace = true\n";
    let repo = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("Cargo.toml", root),
        ("src/Cargo.toml", member),
    ]);
    let ev = evidence_json(repo.path(), &[]);
    assert_eq!(
        ev["product_versions"],
        json!([{"path": "src/Cargo.toml", "line": 3, "kind": "cargo", "version": "1.2.0",
                "reason": null, "inherited_from": "Cargo.toml"}])
    );
    assert_eq!(
        locations(&scan_json(repo.path())),
        [(
            "src/Cargo.toml".to_string(),
            3,
            "src/Cargo.toml declares version 1.2.0 (inherited from the workspace in Cargo.toml) but product.version is 1.3.0".to_string()
        )]
    );
}

#[test]
fn agreeing_manifests_pass_and_fixtures_are_ignored() {
    let repo = git_repo(&[
        (".samdscan.yaml", CONFIG),
        (
            "web/app/package.json",
            "{\n  \"name\": \"pump-web\",\n  \"version\": \"v1.3.0\"\n}\n",
        ),
        (
            "pyproject.toml",
            "[project]\nname = \"pump\"\nversion = \"1.3.0\"\n",
        ),
        (
            "tests/fixtures/x/package.json",
            "{\"version\": \"0.0.1\"}\n",
        ),
        (
            "web/app/vendor/lib/package.json",
            "{\"version\": \"9.9.9\"}\n",
        ),
    ]);
    let ev = evidence_json(repo.path(), &[]);
    let paths: Vec<&str> = ev["product_versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["pyproject.toml", "web/app/package.json"]);
    assert!(locations(&scan_json(repo.path())).is_empty());
}

#[test]
fn a_malformed_cargo_manifest_is_a_diagnostic_naming_it() {
    let repo = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("Cargo.toml", "[package\nversion = \"1.2.0\"\n"),
    ]);
    let ev = evidence_json(repo.path(), &[]);
    assert_eq!(ev["product_versions"], json!([]));
    let diagnostics: Vec<&Value> = ev["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "Cargo.toml")
        .collect();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("manifest does not parse: invalid TOML"),
        "{diagnostics:?}"
    );
    assert!(locations(&scan_json(repo.path())).is_empty());
}

#[test]
fn an_sbom_describing_an_older_product_fails_at_the_sbom() {
    let sbom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6",
        "metadata": {"component": {"type": "application", "name": "Pump", "version": "1.2.0"}},
        "components": []}"#;
    let repo = git_repo(&[(".samdscan.yaml", CONFIG), ("sbom/pump.cdx.json", sbom)]);
    let report = scan_json(repo.path());
    let findings = findings_of(&report, CHG);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["path"], "sbom/pump.cdx.json");
    assert_eq!(
        findings[0]["message"],
        "SBOM sbom/pump.cdx.json describes Pump version 1.2.0 but product.version is 1.3.0"
    );
}
