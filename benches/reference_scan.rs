//! Benchmark: requirement-reference scanning (the `requirement_references` extractor: listing,
//! bounded reads and marker + id matching) over a generated tree of 20,000 source files, against
//! `grep -rEn` with the same pattern over the same tree, in the same run. Prints the median of
//! several runs of each and their ratio; both must find the same reference lines.
//!
//! Run with `cargo bench --bench reference_scan` (release build). Set `REFSCAN_FILES` to change
//! the tree size and `REFSCAN_RUNS` the number of runs.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

use samdscan::config::LoadedConfig;
use samdscan::date::Date;
use samdscan::evidence::Extractor;
use samdscan::evidence::references::ReferencesExtractor;
use samdscan::evidence::source::WorkTreeSource;
use samdscan::evidence::{Context, FileKind, RepositoryFacts};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The grep equivalent of the default markers followed by the default requirement id pattern.
const GREP_PATTERN: &str =
    r"(Verifies|@req|mark\.req|@relation\(|@tests:|Covers:).*\b(REQ|SRS|SWR)-[0-9]+\b";

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Writes `files` Python files of about 40 lines; every tenth verifies a requirement.
fn generate_tree(root: &Path, files: usize) -> usize {
    let mut with_reference = 0;
    for i in 0..files {
        let dir = root.join(format!("src/pkg_{:03}", i / 100));
        std::fs::create_dir_all(&dir).expect("create folder");
        let mut text = format!("\"\"\"Module {i}.\"\"\"\n\nimport math\n\n");
        for f in 0..6 {
            text.push_str(&format!("\ndef func_{f}(x: float) -> float:\n"));
            if f == 0 && i % 10 == 0 {
                text.push_str(&format!("    \"\"\"Verifies: REQ-{}\"\"\"\n", i % 500));
                with_reference += 1;
            } else {
                text.push_str(
                    "    \"\"\"Compute a value; see the design notes for REQ numbering.\"\"\"\n",
                );
            }
            text.push_str("    y = math.sqrt(abs(x)) * 3.0\n    return y + 1.0\n");
        }
        std::fs::write(dir.join(format!("mod_{i}.py")), text).expect("write file");
    }
    with_reference
}

fn samdscan_scan(root: &Path) -> usize {
    let source = WorkTreeSource::open(root, None).expect("list tree");
    let config = LoadedConfig::default();
    let kinds: Vec<&FileKind> = ReferencesExtractor.kinds().iter().collect();
    let date = Date::parse("2026-10-01").expect("date");
    let facts = RepositoryFacts::default();
    let ctx = Context::new(&source, &config, None, &facts, date, &kinds);
    let value = ReferencesExtractor.collect(&ctx);
    value["references"].as_array().map_or(0, Vec::len)
}

fn grep_scan(root: &Path) -> usize {
    let out = Command::new("grep")
        .args(["-rEn", "--include=*.py", GREP_PATTERN])
        .arg(root)
        .output()
        .expect("grep runs");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut found = 0;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            found = f();
            start.elapsed()
        })
        .collect();
    (median(times), found)
}

fn main() {
    let files = env_number("REFSCAN_FILES", 20_000);
    let runs = env_number("REFSCAN_RUNS", 5).max(1);
    let dir = tempfile::tempdir().expect("temp dir");
    let expected = generate_tree(dir.path(), files);
    // Warm the page cache for both.
    let _ = (grep_scan(dir.path()), samdscan_scan(dir.path()));
    let (grep, grep_found) = time(runs, || grep_scan(dir.path()));
    let (ours, ours_found) = time(runs, || samdscan_scan(dir.path()));
    assert_eq!(
        (ours_found, grep_found),
        (expected, expected),
        "both must find every reference"
    );
    let ratio = ours.as_secs_f64() / grep.as_secs_f64();
    let report: Value = serde_json::json!({
        "files": files,
        "references": expected,
        "runs": runs,
        "samdscan_ms": ours.as_secs_f64() * 1000.0,
        "grep_ms": grep.as_secs_f64() * 1000.0,
        "ratio_samdscan_over_grep": (ratio * 100.0).round() / 100.0,
    });
    println!("reference scan over {files} files ({expected} references), median of {runs} runs:");
    println!("  samdscan  {:>8.1} ms", ours.as_secs_f64() * 1000.0);
    println!("  grep -rEn {:>8.1} ms", grep.as_secs_f64() * 1000.0);
    println!("  ratio samdscan / grep = {ratio:.2}");
    println!("{report}");
}
