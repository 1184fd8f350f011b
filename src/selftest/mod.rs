//! `samdscan self-test`: the tool-validation run a manufacturer keeps as installation and
//! operational qualification evidence. It scans the golden corpus embedded in the binary (the
//! examples) and compares each result with the findings the example's README expects (the same
//! file the test suite checks), then prints a record: samdscan's version, the policy pack's
//! digest, each case passed, failed or skipped, and the overall result (exit 0 or 1).

pub mod corpus;
pub mod expected;

use crate::cli::Target;
use crate::finding::RuleState;
use crate::output::{EXIT_FINDINGS, EXIT_OK, write_output};
use crate::policy::engine::builtin_policy_digest;
use crate::report::ScanReport;
use crate::scan::pipeline::scan_target;
use anyhow::Result;
use corpus::Corpus;
use expected::{expected_findings, unmatched};
use std::fmt::Write;
use std::path::Path;

/// The outcome of one case.
enum Outcome {
    Passed(usize),
    Failed(Vec<String>),
    /// Built with a `history.sh`, which the self-test does not run.
    Skipped,
}

/// What differs between a scan and an example's expectations: findings either way, and an
/// expected rule that did not fail.
pub fn differences(report: &ScanReport, expected: &[(String, String)]) -> Vec<String> {
    let mut actual: Vec<(String, String)> = report
        .findings
        .iter()
        .filter(|f| f.waiver.is_none())
        .map(|f| (f.rule_id.clone(), f.level.to_string()))
        .collect();
    actual.sort();
    let mut out: Vec<String> = unmatched(&actual, expected)
        .into_iter()
        .map(|x| format!("unexpected finding {x}"))
        .collect();
    out.extend(
        unmatched(expected, &actual)
            .into_iter()
            .map(|x| format!("missing finding {x}")),
    );
    for (rule, _) in expected {
        if let Some(r) = report.rules.iter().find(|r| r.id() == rule)
            && r.state != RuleState::Failed
        {
            out.push(format!("{rule} is {:?}, expected failed", r.state));
        }
    }
    out.dedup();
    out
}

fn run_case(corpus: &Corpus, name: &str, scratch: &Path) -> Result<Outcome> {
    let Some(expected) = expected_findings(&corpus.readme(name)) else {
        return Ok(Outcome::Failed(vec![
            "its README has no '## Expected findings'".to_string(),
        ]));
    };
    let Some(files) = corpus.files(name, 0)? else {
        return Ok(Outcome::Skipped);
    };
    let dir = scratch.join(name);
    corpus::materialise(&files, &dir)?;
    let outcome = scan_target(&Target::at(dir), &[])?;
    let diff = differences(&outcome.report, &expected);
    Ok(if diff.is_empty() {
        Outcome::Passed(expected.len())
    } else {
        Outcome::Failed(diff)
    })
}

/// Runs every case of the embedded corpus, or of the example folders under `corpus_dir`.
pub fn run(corpus_dir: Option<&Path>) -> Result<u8> {
    let corpus = match corpus_dir {
        Some(dir) => Corpus::from_dir(dir)?,
        None => Corpus::embedded(),
    };
    let scratch = std::env::temp_dir().join(format!("samdscan-self-test-{}", std::process::id()));
    let mut out = String::new();
    let _ = writeln!(out, "samdscan self-test: tool qualification record");
    let _ = writeln!(out, "samdscan version: {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(
        out,
        "policy pack digest (SHA-256): {}",
        builtin_policy_digest()
    );
    let _ = writeln!(
        out,
        "corpus: {}",
        corpus_dir.map_or("embedded examples".to_string(), |d| d.display().to_string())
    );
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for name in corpus.names() {
        let outcome = run_case(&corpus, name, &scratch);
        match outcome {
            Ok(Outcome::Passed(n)) => {
                passed += 1;
                let _ = writeln!(out, "PASSED  {name} ({n} expected findings)");
            }
            Ok(Outcome::Skipped) => {
                skipped += 1;
                let _ = writeln!(
                    out,
                    "SKIPPED {name} (built by a history.sh script, not run)"
                );
            }
            Ok(Outcome::Failed(diff)) => {
                failed += 1;
                let _ = writeln!(out, "FAILED  {name}");
                for d in diff {
                    let _ = writeln!(out, "        {d}");
                }
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(out, "FAILED  {name}: {e:#}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let overall = if failed == 0 && passed > 0 {
        "PASSED"
    } else {
        "FAILED"
    };
    let _ = writeln!(
        out,
        "overall: {overall} ({passed} passed, {failed} failed, {skipped} skipped)"
    );
    write_output(None, &out)?;
    Ok(if overall == "PASSED" {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}
