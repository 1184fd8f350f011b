//! SARIF that GitHub code scanning honours: the upload copy leaves waived findings out (code
//! scanning ignores third-party suppressions) and says how many; results stay within GitHub's
//! limits per rule and per run, with a result that counts what was left out and a warning, and
//! the file stays far under the 10 MB compressed limit; security severities follow the level and
//! the profile; regions carry a snippet; a local origin is no `repositoryUri`. Every SARIF made
//! here is kept for `validate-sarif` (`SAMDSCAN_SARIF_OUT`).

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A repository with a README and `.samdscan.yaml` holding `config`.
fn repo(config: &str) -> tempfile::TempDir {
    crate::common::git_repo(&[
        ("README.md", "# Planner\n\nPlans things.\n"),
        (".samdscan.yaml", config),
    ])
}

/// A policy folder with `rules` user rules `TEAM-NN`, each with `findings` findings on README.md.
fn generated_rules(rules: usize, findings: usize, extra_metadata: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..rules {
        let rego = format!(
            "# METADATA\n# title: Generated rule {n}\n# description: Many findings.\n# custom:\n#   id: TEAM-{n:02}\n#   severity: warning\n{extra_metadata}package team.generated_{n}\n\nimport rego.v1\n\ndeny contains f if {{\n\tsome i in numbers.range(1, {findings})\n\tf := {{\"msg\": sprintf(\"generated finding %d of rule {n}: the planner's document set lacks the record this rule asks for\", [i]), \"path\": \"README.md\", \"line\": 3, \"key\": sprintf(\"k%d\", [i])}}\n}}\n"
        );
        std::fs::write(dir.path().join(format!("r{n:02}.rego")), rego).unwrap();
    }
    dir
}

/// Runs a scan; returns the exit code, stdout and stderr.
fn scan(repo: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::common::samdscan()
        .arg("scan")
        .args(args)
        .arg(repo)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out.stdout.len()
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

fn notifications(sarif: &Value) -> Vec<String> {
    sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_upload_copy_leaves_waived_findings_out_and_the_record_keeps_them() {
    let example = "03-broken-evidence";
    let dir = crate::common::import_example(example);
    let path = crate::common::example_repo(&dir, example);
    let config = path.join(".samdscan.yaml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("waivers:\n  - {rule: MFDS-CYB-001, reason: SBOM regenerated in CAPA-7, approved_by: QA Lead Kim, expires: 2027-03-31, ref: CAPA-7}\n");
    std::fs::write(&config, text).unwrap();
    let upload = dir.path().join("upload.sarif");
    let arg = format!("--report=sarif-upload={}", upload.display());
    let (_, record, _) = scan(&path, &["--format", "sarif", "--as-of", "2027-01-15", &arg]);
    let upload = std::fs::read_to_string(upload).unwrap();
    crate::common::keep_sarif("waived-record", &record);
    crate::common::keep_sarif("waived-upload", &upload);
    let (record, upload): (Value, Value) = (
        serde_json::from_str(&record).unwrap(),
        serde_json::from_str(&upload).unwrap(),
    );
    let suppressed = |s: &Value| {
        results(s)
            .iter()
            .filter(|r| r.get("suppressions").is_some())
            .count()
    };
    let waived = suppressed(&record);
    assert!(
        waived >= 1,
        "the record keeps the waived finding as suppressed"
    );
    assert_eq!(suppressed(&upload), 0);
    assert_eq!(results(&upload).len(), results(&record).len() - waived);
    assert!(
        results(&upload)
            .iter()
            .all(|r| r["ruleId"] != "MFDS-CYB-001")
    );
    assert_eq!(
        upload["runs"][0]["properties"]["samdscan/suppressedResultsOmitted"],
        waived
    );
    assert!(record["runs"][0]["properties"].is_null());
    assert!(
        notifications(&upload)
            .iter()
            .any(|n| n.contains("waived findings are left out of this upload")),
        "{:?}",
        notifications(&upload)
    );
}

#[test]
fn results_stay_within_githubs_limits_with_a_count_of_the_rest() {
    let repo = repo("product: {name: Planner, connected: true}\n");
    // 25 rules of 1,200 findings: 30,000 findings, over both the per-rule and the per-run limit.
    let policies = generated_rules(25, 1200, "");
    let json = repo.path().join("report.json");
    let (_, out, stderr) = scan(
        repo.path(),
        &[
            "--format",
            "sarif-upload",
            "--policy",
            policies.path().to_str().unwrap(),
            &format!("--report=json={}", json.display()),
        ],
    );
    // Not kept for validate-sarif: the multitool skips files over 10,000 KB (checked by hand
    // with --max-file-size-in-kb: 0 errors); the per-rule case below is kept.
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let all = results(&sarif);
    let report: Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let team = |r: &&Value| r["rule_id"].as_str().unwrap().starts_with("TEAM-");
    assert_eq!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(team)
            .count(),
        30_000,
        "the JSON report keeps every finding"
    );
    assert!(all.len() <= 20_000 && all.len() > 19_900, "{}", all.len());
    for n in 0..25 {
        let id = format!("TEAM-{n:02}");
        let of_rule: Vec<&Value> = all.iter().filter(|r| r["ruleId"] == id).collect();
        assert!(of_rule.len() <= 1000);
        let counted: Vec<&&Value> = of_rule
            .iter()
            .filter(|r| {
                r["message"]["text"]
                    .as_str()
                    .unwrap()
                    .contains("more findings of")
            })
            .collect();
        assert_eq!(counted.len(), 1, "{id} has one result counting the rest");
        let left_out = 1200 - (of_rule.len() - 1);
        assert!(
            counted[0]["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{left_out} more findings of {id}")),
            "{}",
            counted[0]["message"]["text"]
        );
        assert!(
            stderr.contains(&format!(
                "warning: SARIF: {left_out} of 1200 findings of {id} left out"
            )),
            "{stderr}"
        );
    }
    assert!(
        all.iter()
            .all(|r| r["locations"].as_array().unwrap().len() == 1)
    );
    let compressed = gzip_len(out.as_bytes());
    eprintln!(
        "30,000 findings: {} results, {} bytes, {compressed} bytes gzip-compressed",
        all.len(),
        out.len()
    );
    assert!(compressed < 10_000_000, "{compressed} bytes compressed");
}

#[test]
fn a_rule_over_its_limit_keeps_a_thousand_results() {
    let repo = repo("product: {name: Planner, connected: true}\n");
    let policies = generated_rules(2, 1500, "");
    let (_, out, stderr) = scan(
        repo.path(),
        &[
            "--format",
            "sarif",
            "--policy",
            policies.path().to_str().unwrap(),
        ],
    );
    crate::common::keep_sarif("capped-per-rule", &out);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    for id in ["TEAM-00", "TEAM-01"] {
        let of_rule = results(&sarif).iter().filter(|r| r["ruleId"] == id).count();
        assert_eq!(of_rule, 1000, "{id}");
        assert!(
            stderr.contains(&format!(
                "warning: SARIF: 501 of 1500 findings of {id} left out"
            )),
            "{stderr}"
        );
    }
    assert!(
        notifications(&sarif)
            .iter()
            .any(|n| n.starts_with("SARIF: 501 of 1500 findings of TEAM-00 left out")),
    );
}

fn severity_of(config: &str, rule_level: &str) -> String {
    let repo = repo(config);
    let policies = generated_rules(1, 1, "#   pillar: P2\n");
    let rego_path = policies.path().join("r00.rego");
    let rego = std::fs::read_to_string(&rego_path)
        .unwrap()
        .replace("severity: warning", &format!("severity: {rule_level}"));
    std::fs::write(rego_path, rego).unwrap();
    let (_, out, _) = scan(
        repo.path(),
        &[
            "--format",
            "sarif",
            "--policy",
            policies.path().to_str().unwrap(),
        ],
    );
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let rule = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "TEAM-00")
        .unwrap()
        .clone();
    assert!(
        rule["properties"]["precision"].is_null(),
        "a user rule that says none has none"
    );
    rule["properties"]["security-severity"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn security_severity_follows_the_effective_level_and_the_profile() {
    let connected = "product: {name: Planner, connected: true}\n";
    let offline = "product: {name: Planner, connected: false}\n";
    assert_eq!(severity_of(connected, "error"), "8.0");
    assert_eq!(severity_of(offline, "error"), "6.5");
    assert_eq!(severity_of(connected, "warning"), "5.5");
    assert_eq!(severity_of(offline, "warning"), "4.0");
    assert_eq!(severity_of(offline, "note"), "2.0");
    let relevelled =
        "product: {name: Planner, connected: true}\npolicies:\n  severity: {TEAM-00: note}\n";
    assert_eq!(
        severity_of(relevelled, "error"),
        "3.0",
        "the config's level counts"
    );
}

#[test]
fn regions_quote_the_line_and_a_local_origin_is_no_repository_uri() {
    let repo = repo("product: {name: Planner}\n");
    crate::common::git(
        repo.path(),
        &["remote", "add", "origin", "/srv/git/planner"],
    );
    let policies = generated_rules(1, 1, "");
    let (_, out, _) = scan(
        repo.path(),
        &[
            "--format",
            "sarif",
            "--policy",
            policies.path().to_str().unwrap(),
        ],
    );
    crate::common::keep_sarif("local-origin", &out);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert!(sarif["runs"][0]["versionControlProvenance"].is_null());
    let result = results(&sarif)
        .iter()
        .find(|r| r["ruleId"] == "TEAM-00")
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["endLine"], 3);
    assert_eq!(region["snippet"]["text"], "Plans things.");
    assert_eq!(
        sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"],
        "The top of the repository's work tree."
    );
}

#[test]
fn a_product_folder_of_a_monorepo_gets_locations_from_the_repository_top() {
    let repo = crate::common::git_repo(&[
        ("README.md", "# Products\n"),
        ("products/planner/README.md", "# Planner\n\nPlans things.\n"),
        (
            "products/planner/.samdscan.yaml",
            "product: {name: Planner, connected: true}\n",
        ),
    ]);
    let out = crate::common::samdscan()
        .current_dir(repo.path())
        .args([
            "scan",
            "--format",
            "sarif",
            "--category",
            "planner",
            "products/planner",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    crate::common::keep_sarif("monorepo-folder", &text);
    let sarif: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sarif["runs"][0]["automationDetails"]["id"], "planner/");
    assert!(!results(&sarif).is_empty());
    for r in results(&sarif) {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("products/planner/"), "{uri}");
        assert!(
            repo.path().join(uri).is_file(),
            "{uri} is a file from the top"
        );
    }
    assert!(
        notifications(&sarif)
            .iter()
            .any(|n| n.contains("the folder products/planner/ of a git work tree")),
        "{:?}",
        notifications(&sarif)
    );
}
