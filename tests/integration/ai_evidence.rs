//! AI evidence on repositories built by test code: what is extracted, what it costs to hash model
//! artifacts (nothing unless a policy needs it, then one streamed pass), and how bad input is
//! reported. The SPDX 3 AI and dataset examples of `../shared/data` are read as AI evidence.

use serde_json::Value;
use sha2::{Digest, Sha256};

const AI_PROFILE: &str =
    "product:\n  name: X\n  ai: {enabled: true}\nevidence:\n  max_file_size: 1MiB\n";

/// Runs samdscan with `args` on `repo` and parses its JSON output.
fn run_json(args: &[&str], repo: &std::path::Path) -> Value {
    let out = crate::common::succeeded(crate::common::samdscan().args(args).arg(repo));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn evidence(repo: &std::path::Path, extra: &[&str]) -> Value {
    run_json(&[&["evidence"], extra].concat(), repo)
}

fn scan(repo: &std::path::Path) -> Value {
    run_json(&["scan", "--format", "json", "--fail-on", "never"], repo)
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Three MiB of model bytes: over the 1 MiB evidence cap, so only a streamed hash can read it.
fn weights() -> Vec<u8> {
    (0..3 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect()
}

fn repo_with_weights(card_sha: Option<&str>, profile: &str) -> tempfile::TempDir {
    let card = match card_sha {
        Some(h) => {
            format!("---\nmodel_name: m\nartifact: models/m.onnx\nartifact_sha256: {h}\n---\n# m\n")
        }
        None => "# m\n".to_string(),
    };
    let dir =
        crate::common::git_repo(&[(".samdscan.yaml", profile), ("models/MODEL_CARD.md", &card)]);
    std::fs::write(dir.path().join("models/m.onnx"), weights()).unwrap();
    crate::common::git(dir.path(), &["add", "-A"]);
    crate::common::git(dir.path(), &["commit", "-q", "-m", "Add model (CR-2)"]);
    dir
}

#[test]
fn a_recorded_hash_costs_one_streamed_pass_and_matches() {
    let sha = hex_sha256(&weights());
    let dir = repo_with_weights(Some(&sha), AI_PROFILE);
    let ev = evidence(dir.path(), &[]);
    let a = &ev["ai"]["artifacts"][0];
    assert_eq!(a["sha256"], sha.as_str());
    assert_eq!(a["sha256_source"], "computed");
    assert_eq!(ev["ai"]["hash_cost"]["files_hashed"], 1);
    assert_eq!(ev["ai"]["hash_cost"]["bytes_hashed"], 3 * 1024 * 1024);
    // The same from git objects (--rev), without a checkout.
    let at_rev = evidence(dir.path(), &["--rev", "HEAD"]);
    assert_eq!(at_rev["ai"]["artifacts"][0]["sha256"], sha.as_str());
    assert!(crate::common::findings_of(&scan(dir.path()), "MFDS-AI-005").is_empty());
}

#[test]
fn nothing_is_hashed_unless_a_policy_needs_it() {
    // No recorded hash: nothing to compare, nothing read.
    let dir = repo_with_weights(None, AI_PROFILE);
    let ev = evidence(dir.path(), &[]);
    assert_eq!(ev["ai"]["hash_cost"]["bytes_hashed"], 0);
    assert!(ev["ai"]["artifacts"][0]["sha256"].is_null());
    let report = scan(dir.path());
    let unversioned = crate::common::findings_of(&report, "MFDS-AI-005");
    assert_eq!(unversioned.len(), 1);
    assert_eq!(unversioned[0]["level"], "warning");
    // A recorded hash but no AI in the profile: no AI policy runs, so nothing is read either.
    let sha = hex_sha256(&weights());
    let dir = repo_with_weights(Some(&sha), "product:\n  name: X\n  ai: {enabled: false}\n");
    assert_eq!(
        evidence(dir.path(), &[])["ai"]["hash_cost"]["bytes_hashed"],
        0
    );
}

#[test]
fn a_stale_recorded_hash_is_reported_at_the_card() {
    let dir = repo_with_weights(Some(&"0".repeat(64)), AI_PROFILE);
    let report = scan(dir.path());
    let f = crate::common::findings_of(&report, "MFDS-AI-005");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["path"], "models/MODEL_CARD.md");
    assert!(f[0]["message"].as_str().unwrap().contains("another model"));
}

#[test]
fn identical_committed_weights_are_hashed_once_and_a_modified_copy_is_rehashed() {
    let sha = hex_sha256(&weights());
    let sums = format!("{sha}  a.onnx\n{sha}  b.onnx\n");
    let dir =
        crate::common::git_repo(&[(".samdscan.yaml", AI_PROFILE), ("models/SHA256SUMS", &sums)]);
    for name in ["a", "b"] {
        std::fs::write(dir.path().join(format!("models/{name}.onnx")), weights()).unwrap();
    }
    crate::common::git(dir.path(), &["add", "-A"]);
    crate::common::git(dir.path(), &["commit", "-q", "-m", "Add models (CR-2)"]);
    let ev = evidence(dir.path(), &[]);
    assert_eq!(ev["ai"]["hash_cost"]["files_hashed"], 1);
    assert_eq!(ev["ai"]["hash_cost"]["memo_hits"], 1);
    // Change b.onnx on disk: its git blob id no longer names its content, so it is hashed itself.
    let mut changed = weights();
    changed[0] ^= 0xff;
    std::fs::write(dir.path().join("models/b.onnx"), &changed).unwrap();
    let ev = evidence(dir.path(), &[]);
    assert_eq!(ev["ai"]["hash_cost"]["files_hashed"], 2);
    assert_eq!(
        ev["ai"]["artifacts"][1]["sha256"],
        hex_sha256(&changed).as_str()
    );
}

#[test]
fn lfs_pointers_and_dvc_files_are_read_without_weights() {
    let oid = "a".repeat(64);
    let pointer =
        format!("version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize 2147483648\n");
    let dir = crate::common::git_repo(&[
        (".samdscan.yaml", AI_PROFILE),
        ("models/big.safetensors", &pointer),
        (
            "models/cxr.onnx.dvc",
            "outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 52428800\n  path: cxr.onnx\n",
        ),
        ("broken/x.dvc", "outs: [unclosed\n"),
    ]);
    let ev = evidence(dir.path(), &[]);
    let arts = ev["ai"]["artifacts"].as_array().unwrap();
    let lfs = arts
        .iter()
        .find(|a| a["path"] == "models/big.safetensors")
        .unwrap();
    assert_eq!(
        (lfs["storage"].as_str(), lfs["lfs"]["size"].as_u64()),
        (Some("lfs-pointer"), Some(2147483648))
    );
    assert_eq!(lfs["sha256"], oid.as_str());
    let dvc = arts
        .iter()
        .find(|a| a["path"] == "models/cxr.onnx.dvc")
        .unwrap();
    assert_eq!(dvc["dvc_outputs"][0]["path"], "models/cxr.onnx");
    assert_eq!(ev["ai"]["hash_cost"]["bytes_hashed"], 0);
    let diags = ev["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().any(|d| d["path"] == "broken/x.dvc"),
        "{diags:?}"
    );
}

#[test]
fn bad_split_manifests_and_metrics_are_findings_naming_the_file() {
    let dir = crate::common::git_repo(&[
        (".samdscan.yaml", AI_PROFILE),
        ("splits/train.csv", "image,label\na.png,1\n"),
        ("splits/test.json", "{\"test\": [\"S1\""),
        ("eval/metrics.json", "[1, 2"),
    ]);
    std::fs::write(dir.path().join("splits/tune.txt"), b"S1\0\xff\xfe").unwrap();
    crate::common::git(dir.path(), &["add", "-A"]);
    crate::common::git(dir.path(), &["commit", "-q", "-m", "Add binary (CR-3)"]);
    let report = scan(dir.path());
    let split_paths: Vec<&str> = crate::common::findings_of(&report, "MFDS-AI-003")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    for p in ["splits/train.csv", "splits/test.json", "splits/tune.txt"] {
        assert!(split_paths.contains(&p), "{p} not in {split_paths:?}");
    }
    let eval = crate::common::findings_of(&report, "MFDS-AI-004");
    assert!(
        eval.iter().any(|f| f["path"] == "eval/metrics.json"),
        "{eval:?}"
    );
}

#[test]
fn generative_ai_foundation_model_must_be_pinned() {
    let profile = "product:\n  name: X\n  ai: {enabled: true, generative: true}\n";
    let dir = crate::common::git_repo(&[
        (".samdscan.yaml", profile),
        (
            "docs/ai/genai.yaml",
            "foundation_model:\n  name: medllm-latest\n  provider: Acme\n  deployment: api\n",
        ),
        (
            "eval/genai/report.md",
            "# Hallucination\n# Safety\n# Clinical reader study\n# Consistency over repeat runs\n",
        ),
    ]);
    let report = scan(dir.path());
    let pinned = crate::common::findings_of(&report, "MFDS-GAI-001");
    assert_eq!(pinned.len(), 1, "{pinned:?}");
    assert!(
        pinned[0]["message"]
            .as_str()
            .unwrap()
            .contains("moving alias")
    );
    assert!(crate::common::findings_of(&report, "MFDS-GAI-003").is_empty());
    assert_eq!(
        crate::common::findings_of(&report, "MFDS-GAI-002").len(),
        1,
        "no risk table"
    );
}

#[test]
fn ai_rules_are_not_applicable_without_ai_and_ai_007_needs_history() {
    let dir = crate::common::git_repo(&[(".samdscan.yaml", "product:\n  name: X\n")]);
    let report = scan(dir.path());
    for id in ["MFDS-AI-001", "MFDS-AI-007", "MFDS-GAI-001", "MFDS-LBL-002"] {
        assert_eq!(
            crate::common::rule_state(&report, id),
            "not_applicable",
            "{id}"
        );
    }
    // Without git history (a plain directory) AI-007 cannot pass: it says it was not evaluated.
    let plain = tempfile::tempdir().unwrap();
    crate::common::write_files(plain.path(), &[(".samdscan.yaml", AI_PROFILE)]);
    let report = scan(plain.path());
    assert_eq!(
        crate::common::rule_state(&report, "MFDS-AI-007"),
        "not_evaluated"
    );
    // With history but no model artifact it has judged nothing: still not evaluated, saying what
    // is missing (the pass on a real model change is in the history-range test below).
    let dir = crate::common::git_repo(&[(".samdscan.yaml", AI_PROFILE)]);
    let report = scan(dir.path());
    let rule = crate::common::rule(&report, "MFDS-AI-007");
    assert_eq!(rule["state"], "not_evaluated");
    assert_eq!(rule["reasons"], serde_json::json!(["no model artifact"]));
}

/// The SPDX 3 AI-profile and dataset-profile examples are read as model cards and datasheets.
#[test]
fn spdx3_ai_and_dataset_examples_are_ai_evidence() {
    let names = [
        "ai__example01__spdx3.0__simplehtr-example.json",
        "ai__example02__spdx3.0__sbom.spdx3.json",
        "dataset__example01__spdx3.0__example01.spdx3.json",
    ];
    let mut files = vec![(".samdscan.yaml".to_string(), AI_PROFILE.to_string())];
    for n in names {
        let Some(path) = crate::common::shared_data(&format!("sbom/spdx/{n}")) else {
            return;
        };
        files.push((format!("sbom/{n}"), std::fs::read_to_string(path).unwrap()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = crate::common::git_repo(&refs);
    let ev = evidence(dir.path(), &[]);
    let cards = ev["ai"]["model_cards"].as_array().unwrap();
    let mut card_names: Vec<&str> = cards.iter().filter_map(|c| c["name"].as_str()).collect();
    card_names.sort();
    assert_eq!(
        card_names,
        [
            "Sentiment Demo: A Simple AI Application and its AI BOM Example",
            "line-model",
            "word-model"
        ]
    );
    let word = cards.iter().find(|c| c["name"] == "word-model").unwrap();
    assert_eq!(word["source"], "spdx3");
    assert_eq!(word["version"], "0.0");
    for part in [
        "intended_use",
        "training_data",
        "evaluation_data",
        "metrics",
        "human_oversight",
    ] {
        assert!(!word["parts"][part].is_null(), "word-model lacks {part}");
    }
    let sheets = ev["ai"]["datasheets"].as_array().unwrap();
    let iam = sheets.iter().find(|s| s["name"] == "IAMdataset").unwrap();
    assert_eq!(iam["roles"], serde_json::json!(["training", "test"]));
    let owid = sheets
        .iter()
        .find(|s| {
            s["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Our World in Data"))
        })
        .unwrap();
    assert_eq!(owid["roles"], serde_json::json!([]));
    assert!(!owid["parts"]["provenance"].is_null() && !owid["parts"]["collection"].is_null());
    let preprocessed = sheets
        .iter()
        .find(|s| s["name"] == "Data after preprocessing")
        .unwrap();
    assert_eq!(
        preprocessed["roles"],
        serde_json::json!(["training", "test"])
    );
    assert_eq!(sheets.len(), 3, "{sheets:?}");
}

/// MFDS-AI-007 over real history: a model whose LFS pointer changes without its card or an
/// evaluation changing in the same range is a finding; changing them too clears it.
#[test]
fn a_silent_model_change_is_caught_in_the_history_range() {
    let pointer = |oid: char| {
        format!(
            "version https://git-lfs.github.com/spec/v1\noid sha256:{}\nsize 10\n",
            oid.to_string().repeat(64)
        )
    };
    let dir = crate::common::git_repo(&[
        (".samdscan.yaml", AI_PROFILE),
        ("models/m.onnx", &pointer('a')),
        ("models/MODEL_CARD.md", "# m\n"),
        ("eval/metrics.json", "{\"auc\": 0.9}"),
    ]);
    // A release, so that the history scope (since the last release) holds only the retraining.
    crate::common::git(dir.path(), &["tag", "-a", "v1.0.0", "-m", "Release 1.0.0"]);
    std::fs::write(dir.path().join("models/m.onnx"), pointer('b')).unwrap();
    crate::common::git(dir.path(), &["commit", "-q", "-am", "Retrain (CR-9)"]);
    let report = scan(dir.path());
    let paths: Vec<&str> = crate::common::findings_of(&report, "MFDS-AI-007")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, ["models/m.onnx", "models/m.onnx"], "{report}");
    // The same change with the card and an evaluation updated passes.
    std::fs::write(
        dir.path().join("models/MODEL_CARD.md"),
        "# m 1.1
",
    )
    .unwrap();
    std::fs::write(dir.path().join("eval/metrics.json"), "{\"auc\": 0.91}").unwrap();
    crate::common::git(
        dir.path(),
        &["commit", "-q", "-am", "Card and evaluation for 1.1 (CR-9)"],
    );
    assert!(crate::common::findings_of(&scan(dir.path()), "MFDS-AI-007").is_empty());
}
