//! Benchmark: what a small scan costs from start to report, and a whole tree scan with a
//! one-commit history scope against Repolinter 0.12 (its default rules) on the same trees.
//!
//! - `samdscan scan` of example 01 (the binary, as a user runs it: process start, policy
//!   loading and compilation, evidence, evaluation, JSON report), fastest and median of runs.
//! - When Repolinter is installed (`npm install --prefix target/bench-tools repolinter@0.12`,
//!   or `REPOLINTER=/path/to/repolinter`): `repolinter lint DIR` and `samdscan scan DIR --since 1`
//!   run back to back on example 01 and on a clone of samdscan's own repository, printed as
//!   the median of the pairs' ratios, measured in this run.
//!
//! Run: `cargo bench --bench startup` (`STARTUP_RUNS=N` for more runs; 15 by default).
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SAMDSCAN: &str = env!("CARGO_BIN_EXE_samdscan");

fn runs() -> usize {
    std::env::var("STARTUP_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
}

/// Runs `cmd` to its end (its exit status is not judged: both tools exit 1 on findings) and
/// returns how long it took; a command that cannot start fails the benchmark.
fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let took = start.elapsed();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn samdscan_scan(dir: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(SAMDSCAN);
    cmd.args([
        "scan",
        "--as-of",
        "2026-10-01",
        "--since",
        "1",
        "-f",
        "json",
        "-o",
    ])
    .arg(out)
    .arg(dir);
    cmd
}

/// Builds example `n` as a git repository in `dir` with `examples/materialise.sh`.
fn materialise(n: &str, dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/materialise.sh");
    let ok = Command::new("bash")
        .arg(script)
        .arg(n)
        .arg(dir)
        .status()
        .unwrap()
        .success();
    assert!(ok, "materialise.sh {n} failed");
}

/// A clone of this repository's committed state (what a user's checkout holds).
fn own_clone(dir: &Path) {
    let ok = Command::new("git")
        .args(["clone", "-q", "--no-hardlinks"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg(dir)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git clone of the repository failed");
}

/// Repolinter's command line, when it is installed.
fn repolinter() -> Option<PathBuf> {
    let path = std::env::var_os("REPOLINTER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/bench-tools/node_modules/.bin/repolinter")
        });
    path.is_file().then_some(path)
}

fn main() {
    let work = tempfile::tempdir().unwrap();
    let example = work.path().join("example-01");
    materialise("01", &example);
    let report = work.path().join("report.json");
    let n = runs();

    let scan = |dir: &Path| {
        let mut cmd = Command::new(SAMDSCAN);
        cmd.args(["scan", "--as-of", "2026-10-01", "-f", "json", "-o"])
            .arg(&report)
            .arg(dir);
        ms(time(&mut cmd))
    };
    scan(&example); // warm the page cache
    let times: Vec<f64> = (0..n).map(|_| scan(&example)).collect();
    let fastest = times.iter().copied().fold(f64::MAX, f64::min);
    println!(
        "samdscan scan of example 01: fastest {fastest:.1} ms, median {:.1} ms ({n} runs)",
        median(times)
    );

    let Some(repolinter) = repolinter() else {
        println!(
            "Repolinter not found: `npm install --prefix target/bench-tools repolinter@0.12` \
             (or set REPOLINTER) to compare"
        );
        return;
    };
    let own = work.path().join("samdscan");
    own_clone(&own);
    println!("\n| tree | files | Repolinter 0.12 (median) | samdscan --since 1 (median) | ratio |");
    println!("|---|---|---|---|---|");
    for (name, dir) in [
        ("example 01", &example),
        ("samdscan's own repository", &own),
    ] {
        let files = tracked_files(dir);
        let mut lint = Command::new(&repolinter);
        lint.arg("lint").arg(dir);
        time(&mut lint); // warm up both
        time(&mut samdscan_scan(dir, &report));
        let (mut theirs, mut ours, mut ratios) = (vec![], vec![], vec![]);
        for _ in 0..n {
            let t = ms(time(&mut lint));
            let s = ms(time(&mut samdscan_scan(dir, &report)));
            theirs.push(t);
            ours.push(s);
            ratios.push(t / s);
        }
        println!(
            "| {name} | {files} | {:.0} ms | {:.1} ms | {:.1}x |",
            median(theirs),
            median(ours),
            median(ratios)
        );
    }
}

fn tracked_files(dir: &Path) -> usize {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(dir)
        .output()
        .unwrap();
    out.stdout.iter().filter(|&&b| b == 0).count()
}
