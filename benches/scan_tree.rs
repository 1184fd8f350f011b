//! Benchmark: a whole `samdscan scan` (inventory, classification, extraction, policies, SARIF)
//! over a generated repository of 20,000 files, against `git status --porcelain` on the same
//! repository in the same run (git stats every indexed file too, so the ratio says what the
//! evidence work costs on top of listing the tree).
//!
//! Run: `cargo bench --bench scan_tree` (prints wall times, the ratio, and peak memory).
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

use samdscan::cli::Target;
use samdscan::report::view::ReportView;
use samdscan::report::{Format, render};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const FILES: usize = 20_000;
const RUNS: usize = 5;

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args([
            "-c",
            "user.name=b",
            "-c",
            "user.email=b@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?} failed");
}

/// 20,000 files in nested folders: sources, some JSON that must be sniffed, and the usual documents.
fn generate(dir: &Path) {
    for i in 0..FILES {
        let folder = dir.join(format!("src/m{:02}/p{:02}", i % 50, (i / 50) % 20));
        std::fs::create_dir_all(&folder).unwrap();
        let (name, body) = if i % 20 == 0 {
            (
                format!("data{i}.json"),
                format!("{{\"name\": \"fixture {i}\", \"values\": [1, 2, 3]}}\n"),
            )
        } else {
            (
                format!("f{i}.py"),
                format!(
                    "def f{i}(x):\n    \"\"\"Verifies: REQ-{}\"\"\"\n    return x + {i}\n",
                    i % 300
                ),
            )
        };
        std::fs::write(folder.join(name), body).unwrap();
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/01-cardiowatch-compliant");
    copy_tree(&examples, dir);
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "Generated (CR-1)"]);
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(entry.path(), target).unwrap();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(mut f: F) -> Duration {
    f(); // warm the page cache
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let target = Target::at(dir.path().to_path_buf());
    let baseline = time(|| {
        let out = Command::new("git")
            .args(["status", "--porcelain"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
    });
    let mut findings = 0;
    let scan = time(|| {
        let outcome = samdscan::scan::pipeline::scan_target(&target, &[]).expect("scan succeeds");
        findings = outcome.report.findings.len();
        let sarif = render(
            &outcome.report,
            Format::Sarif,
            &ReportView::default(),
            false,
            &Default::default(),
        );
        assert!(sarif.contains("\"2.1.0\""));
    });
    println!("repository: {FILES} generated files + the compliant example; {findings} findings");
    println!(
        "git status --porcelain: {:>8.1} ms (median of {RUNS})",
        baseline.as_secs_f64() * 1e3
    );
    println!(
        "samdscan scan (SARIF):  {:>8.1} ms (median of {RUNS})",
        scan.as_secs_f64() * 1e3
    );
    println!(
        "ratio scan / git status: {:.2}x",
        scan.as_secs_f64() / baseline.as_secs_f64()
    );
    if let Some(kib) = peak_rss_kib() {
        println!(
            "peak resident memory of the benchmark process: {:.1} MiB",
            kib as f64 / 1024.0
        );
    }
}
