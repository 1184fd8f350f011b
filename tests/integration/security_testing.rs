//! MFDS-CYB-010 on repositories built here: the static analysers a CI workflow names, the SAST
//! SARIF results and their unjustified error-level results, the secure-coding standard (by name
//! or Korean title), and parser modules without a fuzzing harness.

use crate::common::{findings_of, git_repo, rule_state, samdscan_json};

const CONFIG: &str = "product:\n  name: Hl7Bridge\n  grade: 4\n  connected: true\n  software_systems:\n    - {name: bridge, paths: [\"src/**\"], safety_class: B}\n";

const SARIF: &str = r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Bandit","rules":[{"id":"B307","defaultConfiguration":{"level":"error"}}]}},
 "results":[{"ruleId":"B307","locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/hl7_parser/read.py"},"region":{"startLine":4}}}]},
            {"ruleId":"B307","suppressions":[{"kind":"inSource","justification":"constant input"}]}]}]}"#;

fn messages(repo: &std::path::Path) -> (String, Vec<(String, String)>) {
    let (report, _) = samdscan_json(&["scan", "--format", "json", "--fail-on", "never"], repo);
    let mut found: Vec<(String, String)> = findings_of(&report, "MFDS-CYB-010")
        .iter()
        .map(|f| {
            (
                f["level"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    (rule_state(&report, "MFDS-CYB-010"), found)
}

#[test]
fn unjustified_sast_errors_and_unfuzzed_parsers_are_found() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        (
            ".github/workflows/ci.yml",
            "jobs:\n  sast:\n    steps:\n      - run: bandit -r src -f sarif -o reports/bandit.sarif\n",
        ),
        ("reports/bandit.sarif", SARIF),
        (
            "docs/보안/코딩규칙.md",
            "# 시큐어 코딩 규칙\n\n입력 검증.\n",
        ),
        ("src/hl7_parser/read.py", "def read(b):\n    return b\n"),
    ]);
    let (state, found) = messages(dir.path());
    assert_eq!(state, "failed");
    assert_eq!(
        found,
        [
            ("error".to_string(), "modules that parse external input (src/hl7_parser) have no fuzzing harness (a `fuzz/` cargo-fuzz project, `.clusterfuzzlite/` or `oss-fuzz/` config, `*_fuzzer.c*`, `fuzz_*.py`, `*_fuzz_test.go`)".to_string()),
            ("error".to_string(), "reports/bandit.sarif (Bandit) has 1 error-level results without a suppression justification (B307 at src/hl7_parser/read.py:4)".to_string()),
        ],
        "grade 4 escalates; the Korean-titled standard counts"
    );
}

#[test]
fn a_repository_with_nothing_is_told_what_is_missing() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/app/main.py", "x = 1\n")]);
    let (state, found) = messages(dir.path());
    assert_eq!(state, "failed");
    let starts: Vec<&str> = found.iter().map(|(_, m)| &m[..20]).collect();
    assert_eq!(
        starts,
        [
            "no CI workflow runs ",
            "no secure-coding sta",
            "no static-analysis r"
        ]
    );
}
