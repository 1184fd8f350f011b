//! The built-in Rego policies' own tests run under `cargo test`, and every built-in rule keeps the
//! house rules: a test file beside it, complete METADATA, a unique id.

use crate::common::{git_repo, samdscan, samdscan_json};
use regex::Regex;
use samdscan::policy::PolicySet;
use samdscan::policy::testing::{TestScope, run_tests};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[test]
fn every_builtin_policy_test_passes() {
    let set = PolicySet::builtin().unwrap();
    let results = run_tests(&set, TestScope::All).unwrap();
    assert!(
        results.len() >= 30,
        "only {} policy tests found",
        results.len()
    );
    let failed: Vec<String> = results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| {
            format!(
                "{}: {} ({})",
                r.file,
                r.name,
                r.detail.clone().unwrap_or_default()
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "failing policy tests:\n{}",
        failed.join("\n")
    );
}

#[test]
fn every_builtin_rule_has_tests_and_complete_metadata() {
    let set = PolicySet::builtin().unwrap();
    let results = run_tests(&set, TestScope::All).unwrap();
    for rule in &set.rules {
        if rule.meta.custom.observable {
            let test_file = rule.path.replace(".rego", "_test.rego");
            let tests = results.iter().filter(|r| r.file == test_file).count();
            assert!(
                tests >= 2,
                "{} ({}) needs a passing and a failing case in {test_file}",
                rule.id(),
                rule.path
            );
        } else {
            assert_not_observable_rule_checks_nothing(&set, rule);
        }
        let c = &rule.meta.custom;
        assert!(
            c.id.starts_with("MFDS-") || c.id.starts_with("SAMDSCAN-"),
            "{}: unexpected id",
            rule.path
        );
        assert!(
            !c.references.is_empty(),
            "{}: METADATA needs references",
            c.id
        );
        assert!(
            c.recommended_action.is_some(),
            "{}: METADATA needs recommended_action",
            c.id
        );
        assert!(c.pillar.is_some(), "{}: METADATA needs a pillar", c.id);
        assert!(
            c.precision.is_some(),
            "{}: METADATA needs a precision (medium for heading or keyword heuristics, high for computed comparisons)",
            c.id
        );
        assert!(
            rule.package.starts_with("samdscan."),
            "{}: package {}",
            c.id,
            rule.package
        );
    }
}

/// A rule marked `observable: false` is reported as "not observable" without being evaluated; it
/// must not define `deny`, so that it never looks like a check that could pass.
fn assert_not_observable_rule_checks_nothing(
    set: &PolicySet,
    rule: &samdscan::policy::engine::Rule,
) {
    let module = set
        .modules
        .iter()
        .find(|m| m.path == rule.path)
        .expect("the rule's module is loaded");
    assert!(
        !module
            .text
            .lines()
            .any(|l| l.trim_start().starts_with("deny")),
        "{}: a not-observable rule must not define deny",
        rule.id()
    );
}

/// `samdscan policy test policies` from the repository root tests the copies on disk, which take
/// the place of the built-in files of the same packages instead of colliding with them.
#[test]
fn policy_test_of_the_policies_folder_passes_from_the_repository_root() {
    let out = samdscan()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["policy", "test", "policies"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let builtin = run_tests(&PolicySet::builtin().unwrap(), TestScope::All).unwrap();
    let passed = format!("{} passed, 0 failed", builtin.len());
    assert!(stdout.contains(&passed), "{stdout}");
    assert!(stdout.contains("PASS policies/lib/documents_test.rego: test_present_and_missing"));
}

#[test]
fn policy_test_of_a_folder_runs_its_tests_and_with_builtin_adds_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x_test.rego"),
        "package acme.x_test\n\nimport rego.v1\n\ntest_ok if { 1 == 1 }\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = samdscan()
            .args(["policy", "test"])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let own = run(&[]);
    assert!(own.ends_with("1 passed, 0 failed\n"), "{own}");
    let builtin = run_tests(&PolicySet::builtin().unwrap(), TestScope::All).unwrap();
    let both = run(&["--with-builtin"]);
    let passed = format!("{} passed, 0 failed", builtin.len() + 1);
    assert!(both.contains(&passed), "{both}");
}

const USER_RULE: &str = "# METADATA\n# title: House rule\n# description: Ours.\n# custom:\n#   id: ACME-007\n#   severity: warning\nHELP\npackage acme.house\n\nimport rego.v1\n\ndeny contains {\"msg\": \"x\", \"path\": \"README.md\", \"key\": \"k\"} if true\n";

/// The SARIF descriptor of rule `id` when scanning a small repository with `policy` added.
fn sarif_rule(policy: &str, id: &str) -> Value {
    let repo = git_repo(&[("README.md", "# Demo\n")]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("house.rego"), policy).unwrap();
    let policy_dir = dir.path().to_str().unwrap();
    let args = [
        "scan",
        "--format",
        "sarif",
        "--fail-on",
        "never",
        "--policy",
        policy_dir,
    ];
    let (sarif, _) = samdscan_json(&args, repo.path());
    sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn user_rules_link_to_their_own_docs_only_and_carry_no_mfds_tag() {
    let plain = sarif_rule(&USER_RULE.replace("HELP\n", ""), "ACME-007");
    assert!(plain.get("helpUri").is_none(), "{plain}");
    assert!(
        !plain["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("samdscan/blob")
    );
    let tags = plain["properties"]["tags"].as_array().unwrap();
    assert!(!tags.contains(&json!("mfds")), "{tags:?}");
    let linked = sarif_rule(
        &USER_RULE.replace("HELP", "#   help_uri: https://acme.example/rules/007"),
        "ACME-007",
    );
    assert_eq!(linked["helpUri"], "https://acme.example/rules/007");
    let builtin = sarif_rule(&USER_RULE.replace("HELP\n", ""), "MFDS-CYB-001");
    assert!(
        builtin["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("/MFDS-CYB-001.md")
    );
    assert!(
        builtin["properties"]["tags"]
            .as_array()
            .unwrap()
            .contains(&json!("mfds"))
    );
    assert_eq!(builtin["properties"]["since"], "0.1.0");
}

#[test]
fn rule_lifecycle_shows_in_sarif_properties_and_explain() {
    let old = USER_RULE.replace(
        "HELP",
        "#   since: 0.3.0\n#   deprecated: true\n#   replaced_by: MFDS-CYB-001",
    );
    let props = sarif_rule(&old, "ACME-007")["properties"].clone();
    assert_eq!(
        (&props["since"], &props["deprecated"], &props["replaced_by"]),
        (&json!("0.3.0"), &json!(true), &json!("MFDS-CYB-001"))
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("house.rego"), old).unwrap();
    let out = samdscan()
        .args(["policy", "explain", "acme-007", "--policy"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("- **Since:** samdscan 0.3.0\n"), "{text}");
    assert!(
        text.contains("- **Deprecated:** yes, replaced by [MFDS-CYB-001]"),
        "{text}"
    );
    assert!(
        !text.contains("Online:"),
        "a user rule has no samdscan page: {text}"
    );
}

#[test]
fn explain_knows_the_rules_samdscan_evaluates_itself_whatever_the_case() {
    for id in [
        "samdscan-001",
        "SAMDSCAN-003",
        "Samdscan-004",
        "mfds-cyb-001",
    ] {
        let out = samdscan().args(["policy", "explain", id]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{id}");
        assert!(
            text.starts_with(&format!("# {}:", id.to_uppercase())),
            "{id}: {text}"
        );
        assert!(text.contains(&format!("/docs/rules/{}.md", id.to_uppercase())));
    }
}

#[test]
fn a_metadata_block_without_a_required_field_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.rego"),
        USER_RULE
            .replace("HELP\n", "")
            .replace("#   severity: warning\n", ""),
    )
    .unwrap();
    samdscan()
        .args(["policy", "list", "--policy"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "house.rego:1: METADATA is missing required field `custom.severity`",
        ));
}

static INPUT_CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\binput((?:\.[A-Za-z_][A-Za-z0-9_]*)+)").expect("valid input-chain pattern")
});
static INPUT_GET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"object\.get\(input, (\["[^\]]*\]|"[A-Za-z0-9_]+")"#)
        .expect("valid object.get pattern")
});

/// The `input` paths a policy reads, cut to their first three segments: `input.a.b.c` chains
/// and `object.get(input, ["a", "b"], ...)` calls.
fn input_paths(text: &str) -> BTreeSet<String> {
    let chains = INPUT_CHAIN
        .captures_iter(text)
        .map(|c| c[1][1..].to_string());
    let gets = INPUT_GET
        .captures_iter(text)
        .map(|c| c[1].replace(['"', '[', ']', ' '], "").replace(',', "."));
    chains
        .chain(gets)
        .map(|p| p.split('.').take(3).collect::<Vec<_>>().join("."))
        .collect()
}

/// Whether the schema node `node` describes the dotted `path` (following `$ref`s, `oneOf` /
/// `anyOf` / `allOf` branches and schema-valued `additionalProperties`; an open object takes any
/// key).
fn schema_has(root: &Value, node: &Value, path: &[&str]) -> bool {
    if let Some(r) = node["$ref"].as_str() {
        let name = r.trim_start_matches("#/$defs/");
        return schema_has(root, &root["$defs"][name], path);
    }
    let Some((first, rest)) = path.split_first() else {
        return true;
    };
    let branches = ["oneOf", "anyOf", "allOf"]
        .iter()
        .filter_map(|k| node[*k].as_array())
        .flatten();
    if branches.clone().any(|b| schema_has(root, b, path)) {
        return true;
    }
    if let Some(child) = node["properties"].get(*first) {
        return schema_has(root, child, rest);
    }
    match &node["additionalProperties"] {
        Value::Bool(false) => false,
        Value::Object(_) => schema_has(root, &node["additionalProperties"], rest),
        _ => node["properties"].is_null() && node["type"] != "array" && branches.count() == 0,
    }
}

#[test]
fn every_input_path_and_evidence_key_of_the_policies_is_in_the_evidence_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/evidence.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let set = PolicySet::builtin().unwrap();
    let mut unknown = Vec::new();
    for m in set.modules.iter().filter(|m| !m.is_test()) {
        for p in input_paths(&m.text) {
            if !schema_has(&schema, &schema, &p.split('.').collect::<Vec<_>>()) {
                unknown.push(format!("{}: input.{p}", m.path));
            }
        }
    }
    for r in &set.rules {
        for key in &r.meta.custom.evidence {
            // `key?` marks an optional key (see src/policy/judged.rs); the path is the same.
            let path = key.trim_end_matches('?');
            if !schema_has(&schema, &schema, &path.split('.').collect::<Vec<_>>()) {
                unknown.push(format!("{} METADATA evidence: {key}", r.id()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "not in schema/evidence.schema.json:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_schema_check_rejects_an_undescribed_path() {
    let schema = json!({"type": "object", "additionalProperties": false, "properties": {
        "a": {"type": "object", "additionalProperties": false, "properties": {"b": {"type": "string"}}},
        "open": {"type": "object"},
    }});
    assert!(schema_has(&schema, &schema, &["a", "b"]));
    assert!(schema_has(&schema, &schema, &["open", "anything"]));
    assert!(!schema_has(&schema, &schema, &["a", "c"]));
    assert!(!schema_has(&schema, &schema, &["z"]));
    assert_eq!(
        input_paths(
            "x := input.a.b.c.d\ny := object.get(input, [\"q\", \"r\"], [])\nz := object.get(input, \"s\", [])"
        ),
        BTreeSet::from(["a.b.c", "q.r", "s"].map(String::from))
    );
}
