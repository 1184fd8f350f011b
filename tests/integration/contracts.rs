//! The public contracts: the evidence document against `schema/evidence.schema.json`, the SARIF
//! of every example against the SARIF 2.1.0 schema and GitHub's expectations, and the JSON
//! report's shape.
//!
//! With `SAMDSCAN_SARIF_OUT=DIR` the examples' SARIF files are also written there, for
//! `.ci/run` to check with Microsoft's SARIF multitool.

use serde_json::Value;
use std::path::Path;

fn validate(schema: &Value, doc: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

fn evidence_schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/evidence.schema.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn run_json(args: &[&str], repo: &Path) -> Value {
    let out = crate::common::samdscan()
        .args(args)
        .arg(repo)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn evidence_of_every_example_matches_the_schema() {
    let schema = evidence_schema();
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let evidence = run_json(&["evidence"], &crate::common::example_repo(&dir, &name));
        assert_eq!(evidence["schema_version"], "1");
        validate(&schema, &evidence, &format!("evidence of {name}"));
    }
}

#[test]
fn evidence_schema_is_closed_at_the_top() {
    let schema = evidence_schema();
    let dir = crate::common::import_example("02-no-profile");
    let mut evidence = run_json(
        &["evidence"],
        &crate::common::example_repo(&dir, "02-no-profile"),
    );
    evidence["surprise"] = Value::Bool(true);
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        !validator.is_valid(&evidence),
        "an undescribed top-level key must fail validation"
    );
}

/// Decodes the `%XX` escapes of a relative URI back into a path.
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn check_github_expectations(sarif: &Value, name: &str) {
    let run = &sarif["runs"][0];
    assert_eq!(
        sarif["runs"].as_array().unwrap().len(),
        1,
        "{name}: one run"
    );
    assert_eq!(run["automationDetails"]["id"], "samdscan/");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for r in rules {
        for field in [
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "helpUri",
            "defaultConfiguration",
        ] {
            assert!(
                !r[field].is_null(),
                "{name}: rule {} lacks {field}",
                r["id"]
            );
        }
        assert_ne!(r["id"], r["name"]);
        assert!(
            r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("References"),
            "{name}: {} help has no references",
            r["id"]
        );
        let pillar2 = r["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "security");
        assert_eq!(
            pillar2,
            !r["properties"]["security-severity"].is_null(),
            "{name}: {}",
            r["id"]
        );
        assert!(
            ["medium", "high"].contains(&r["properties"]["precision"].as_str().unwrap_or("")),
            "{name}: rule {} has no precision",
            r["id"]
        );
    }
    for result in run["results"].as_array().unwrap() {
        let loc = &result["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            !uri.is_empty() && !uri.starts_with('/'),
            "{name}: bad uri {uri}"
        );
        assert!(loc["region"]["startLine"].as_i64().unwrap() >= 1);
        assert_eq!(loc["region"]["endLine"], loc["region"]["startLine"]);
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(result["partialFingerprints"]["samdscan/v1"].is_string());
        assert!(result["partialFingerprints"]["primaryLocationLineHash"].is_string());
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
    }
}

#[test]
fn sarif_of_every_example_is_valid_and_complete() {
    let schema_path = crate::common::shared_data("sarif/sarif-schema-2.1.0.json");
    let schema: Option<Value> =
        schema_path.map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap());
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        let sarif = run_json(&["scan", "--format", "sarif"], &repo);
        if let Some(schema) = &schema {
            validate(schema, &sarif, &format!("SARIF of {name}"));
        }
        check_github_expectations(&sarif, &name);
        for result in sarif["runs"][0]["results"].as_array().unwrap() {
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(
                repo.join(percent_decode(uri)).is_file(),
                "{name}: result points at {uri}, which is not a file of the repository"
            );
        }
        crate::common::keep_sarif(&name, &serde_json::to_string_pretty(&sarif).unwrap());
    }
}

#[test]
fn fingerprints_survive_moved_lines() {
    let dir = crate::common::import_example("03-broken-evidence");
    let repo = crate::common::example_repo(&dir, "03-broken-evidence");
    let before = run_json(&["scan", "--format", "json"], &repo);
    let cfg = std::fs::read_to_string(repo.join(".samdscan.yaml")).unwrap();
    std::fs::write(
        repo.join(".samdscan.yaml"),
        format!("# a comment that moves every line\n\n{cfg}"),
    )
    .unwrap();
    let after = run_json(&["scan", "--format", "json"], &repo);
    let prints = |r: &Value| -> Vec<(String, i64)> {
        let mut v: Vec<(String, i64)> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["fingerprint"].as_str().unwrap().to_string(),
                    f["line"].as_i64().unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (b, a) = (prints(&before), prints(&after));
    assert_eq!(
        b.iter().map(|x| &x.0).collect::<Vec<_>>(),
        a.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    assert_ne!(b, a, "lines moved, so some line numbers must differ");
}

#[test]
fn json_report_has_the_documented_shape() {
    let dir = crate::common::import_example("03-broken-evidence");
    let report = run_json(
        &["scan", "--format", "json"],
        &crate::common::example_repo(&dir, "03-broken-evidence"),
    );
    for key in ["schema_version", "tool", "repository", "rules", "findings"] {
        assert!(!report[key].is_null(), "missing {key}");
    }
    let rule = &report["rules"][0];
    for key in ["id", "title", "level", "state"] {
        assert!(!rule[key].is_null(), "rule lacks {key}");
    }
    let f = &report["findings"][0];
    for key in ["rule_id", "level", "message", "path", "line", "fingerprint"] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    let states: Vec<&str> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert!(states.contains(&"failed") && states.contains(&"passed"));
}

#[test]
fn example_configs_match_the_config_schema_and_a_bad_one_does_not() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/config.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let cfg = crate::common::examples_dir().join("01-cardiowatch-compliant/.samdscan.yaml");
    let doc: Value = yaml_serde::from_str(&std::fs::read_to_string(cfg).unwrap()).unwrap();
    validate(
        &schema,
        &doc,
        "examples/01-cardiowatch-compliant/.samdscan.yaml",
    );
    let bad: Value = yaml_serde::from_str("product:\n  grade: 5\n  grdae: 1\n").unwrap();
    assert!(!validator.is_valid(&bad));
}
