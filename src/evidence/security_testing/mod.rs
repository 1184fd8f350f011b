//! Security testing evidence (MFDS-CYB-010; IEC 81001-5-1 §5.7): the CI workflows and the
//! static-analysis tools they run (CodeQL, Semgrep, cargo-deny, cargo-audit, clippy with
//! `-D warnings`, Bandit, ESLint security rules, gosec, SonarQube, Snyk Code), the SAST results
//! committed as SARIF ([`sast`]), and the fuzzing harnesses (a `fuzz/` cargo-fuzz project,
//! ClusterFuzzLite or OSS-Fuzz configuration, libFuzzer or Atheris targets). Tools are found by
//! name in the workflow text (medium precision): a workflow that names a tool is taken to run it.
//! The same workflows, with the dependency-update bots, are the automated vulnerability
//! monitoring of MFDS-CYB-005 ([`monitoring`]): the scanners each runs and whether on a schedule;
//! and they show whether a generative-AI product's adversarial prompt suite runs (MFDS-GAI-004).

mod monitoring;
mod sast;

use super::extractor::{FileKind, Sniffer};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Value, json};

pub(super) struct SecurityTestingExtractor;

const SECURITY_TESTING_KINDS: &[FileKind] = &[
    FileKind {
        name: "ci_workflow",
        globs: &[
            ".github/workflows/*.yml",
            ".github/workflows/*.yaml",
            ".gitlab-ci.yml",
            "azure-pipelines.yml",
            "bitbucket-pipelines.yml",
            ".circleci/config.yml",
            "Jenkinsfile",
        ],
        sniffer: None,
    },
    FileKind {
        name: "sast_report",
        globs: &["*.sarif", "*.sarif.json"],
        sniffer: Some(Sniffer {
            extensions: &["json"],
            test: looks_like_sarif,
        }),
    },
    FileKind {
        name: "dependency_update_config",
        globs: &[
            ".github/dependabot.yml",
            ".github/dependabot.yaml",
            "renovate.json",
            "renovate.json5",
            ".renovaterc",
            ".renovaterc.json",
            ".github/renovate.json",
            ".github/renovate.json5",
            ".gitlab/renovate.json",
        ],
        sniffer: None,
    },
    FileKind {
        name: "fuzz_harness",
        globs: &[
            "fuzz/Cargo.toml",
            "fuzz/fuzz_targets/*",
            ".clusterfuzzlite/*",
            "oss-fuzz/*",
            "*_fuzzer.c",
            "*_fuzzer.cc",
            "*_fuzzer.cpp",
            "fuzz_*.py",
            "*_fuzz_test.go",
        ],
        sniffer: None,
    },
];

/// The static analysers and the words that name them in a workflow (lower case). clippy counts
/// only with `-D warnings` on the same line.
const SAST_TOOLS: &[(&str, &[&str])] = &[
    ("codeql", &["codeql"]),
    ("semgrep", &["semgrep"]),
    ("cargo-deny", &["cargo-deny", "cargo deny"]),
    ("cargo-audit", &["cargo-audit", "cargo audit"]),
    ("bandit", &["bandit"]),
    (
        "eslint-security",
        &["eslint-plugin-security", "eslint-plugin-security-node"],
    ),
    ("gosec", &["gosec"]),
    ("sonarqube", &["sonarqube", "sonarcloud", "sonar-scanner"]),
    ("snyk-code", &["snyk code"]),
    ("flawfinder", &["flawfinder"]),
    ("cppcheck", &["cppcheck"]),
    ("spotbugs", &["spotbugs", "find-sec-bugs"]),
];

/// Adversarial test suites for generative AI (MFDS-GAI-004) and the words that name them in a
/// workflow: red-teaming tools, or the suite's own folder.
const ADVERSARIAL_SUITES: &[(&str, &[&str])] = &[
    ("garak", &["garak"]),
    ("promptfoo", &["promptfoo"]),
    ("pyrit", &["pyrit"]),
    ("giskard", &["giskard"]),
    (
        "genai-security-tests",
        &["tests/security/genai", "tests/security/llm"],
    ),
];

fn looks_like_sarif(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    text.contains("\"runs\"") && text.to_ascii_lowercase().contains("sarif")
}

/// One static analyser a workflow names, and the line it is first named on.
#[derive(Debug, PartialEq, Serialize)]
struct ToolUse {
    name: &'static str,
    line: usize,
}

impl Extractor for SecurityTestingExtractor {
    fn key(&self) -> &'static str {
        "security_testing"
    }

    fn kinds(&self) -> &'static [FileKind] {
        SECURITY_TESTING_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let workflows: Vec<Value> = ctx
            .files("ci_workflow")
            .iter()
            .filter_map(|path| {
                let text = ctx.read_text(path)?;
                let lines = lower_lines(&text);
                Some(json!({
                    "path": path,
                    "tools": analysers_in(&lines),
                    "scanners": tools_in(&lines, monitoring::SCANNERS),
                    "adversarial": tools_in(&lines, ADVERSARIAL_SUITES),
                    "scheduled": monitoring::scheduled(&text),
                }))
            })
            .collect();
        let reports: Vec<Value> = ctx
            .files("sast_report")
            .iter()
            .filter_map(|path| {
                let bytes = ctx.read(path)?;
                match sast::read(&bytes) {
                    Ok(Some(log)) => {
                        let mut record = json!({"path": path, "parsed": true, "error": null});
                        record["tools"] = json!(log.tools);
                        record["results"] = json!(log.results);
                        record["errors"] = json!(log.errors);
                        record["unjustified_count"] = json!(log.unjustified_count);
                        record["unjustified"] = json!(log.unjustified);
                        Some(record)
                    }
                    Ok(None) => None,
                    Err(e) => {
                        ctx.diagnose(path, format!("SARIF log does not parse: {e}"));
                        Some(json!({"path": path, "parsed": false, "error": e}))
                    }
                }
            })
            .collect();
        let update_configs: Vec<Value> = ctx
            .files("dependency_update_config")
            .iter()
            .filter_map(|path| monitoring::update_config(ctx, path))
            .collect();
        json!({
            "workflows": workflows,
            "sast_reports": reports,
            "fuzz_harnesses": ctx.files("fuzz_harness"),
            "dependency_update_configs": update_configs,
        })
    }
}

fn lower_lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_ascii_lowercase).collect()
}

/// The static analysers a workflow's text names (see [`tools_in`]), and clippy when it runs
/// with `-D warnings` on the same line.
fn analysers_in(lines: &[String]) -> Vec<ToolUse> {
    let clippy = lines
        .iter()
        .position(|l| l.contains("clippy") && l.contains("-d warnings"))
        .map(|at| ToolUse {
            name: "clippy",
            line: at + 1,
        });
    tools_in(lines, SAST_TOOLS)
        .into_iter()
        .chain(clippy)
        .collect()
}

/// The tools of `table` that a workflow's lines (lower case) name, in table order, each with
/// the line it is first named on.
fn tools_in(lines: &[String], table: &[(&'static str, &[&str])]) -> Vec<ToolUse> {
    table
        .iter()
        .filter_map(|(name, words)| {
            let at = lines
                .iter()
                .position(|l| words.iter().any(|w| l.contains(w)))?;
            Some(ToolUse { name, line: at + 1 })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::context::memory_source::MemorySource;

    #[test]
    fn workflows_name_their_static_analysers() {
        let text = "name: security\njobs:\n  sast:\n    steps:\n      - uses: github/codeql-action/init@v3\n      - run: pip install bandit && bandit -r src -f sarif\n      - run: cargo clippy --all-targets -- -D warnings\n      - run: cargo clippy\n";
        let lines = lower_lines(text);
        let names: Vec<(&str, usize)> = analysers_in(&lines)
            .iter()
            .map(|t| (t.name, t.line))
            .collect();
        assert_eq!(names, [("codeql", 5), ("bandit", 6), ("clippy", 7)]);
        assert!(analysers_in(&lower_lines("steps:\n  - run: cargo clippy\n")).is_empty());
        assert!(tools_in(&lines, monitoring::SCANNERS).is_empty());
        let suite = lower_lines("steps:\n  - run: pytest tests/security/genai -q\n");
        assert_eq!(
            tools_in(&suite, ADVERSARIAL_SUITES)[0].name,
            "genai-security-tests"
        );
        let scan = lower_lines(
            "steps:\n  - run: osv-scanner --sbom sbom.json\n  - uses: aquasecurity/trivy-action@v0\n",
        );
        let found: Vec<&str> = tools_in(&scan, monitoring::SCANNERS)
            .iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(found, ["trivy", "osv-scanner"]);
    }

    #[test]
    fn the_repository_files_are_sorted_into_workflows_reports_and_harnesses() {
        let sarif = r#"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"Bandit"}},"results":[]}]}"#;
        let source = MemorySource::new(&[
            (".github/workflows/sast.yml", "- run: semgrep ci --sarif\n"),
            ("reports/sast/bandit.json", sarif),
            ("reports/broken.sarif", "{"),
            ("fuzz/fuzz_targets/hl7.rs", "fuzz_target!(|d| {});\n"),
        ]);
        let (v, diagnostics) = source.with_context(|ctx| {
            (
                SecurityTestingExtractor.collect(ctx),
                ctx.take_diagnostics(),
            )
        });
        assert_eq!(v["workflows"][0]["tools"][0]["name"], "semgrep");
        let reports = v["sast_reports"].as_array().unwrap();
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0]["parsed"], false);
        assert_eq!(reports[1]["tools"][0], "Bandit");
        assert_eq!(v["fuzz_harnesses"][0], "fuzz/fuzz_targets/hl7.rs");
        assert_eq!(diagnostics[0].path, "reports/broken.sarif");
    }
}
