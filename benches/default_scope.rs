//! Default-scope benchmark (issue 13's target: at most 2 s and 150 MB): `samdscan scan` with no
//! scope option on a generated repository of 20,000 commits, 7,000 files and release tags without
//! a `v` (`3.4.2.2`, [`merge_repo::Shape::DOTTED_20K`]), so the scope is the commits since the
//! newest of them. In the same run, as the floor: `git ls-files` plus `git log --name-only` over
//! the same commits. With `BASELINE_SAMDSCAN=/path/to/samdscan` an older binary runs too, each
//! run alternating with this one.
//!
//! Run: `cargo bench --bench default_scope` (`SCOPE_RUNS=N` pairs, 3 by default). The repository
//! is made once under `target/bench-data/`. Peak memory is read with `/usr/bin/time` where it
//! exists.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between bench and test modules
#![allow(dead_code)] // history_repo's helpers that only the history benchmark uses

mod history_repo;
mod merge_repo;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SAMDSCAN: &str = env!("CARGO_BIN_EXE_samdscan");

/// Runs `program args` in `dir`, returning its wall time and (with `/usr/bin/time`) its peak
/// resident memory in MiB; exit status 0 or 1 (findings) is success.
fn run(program: &str, args: &[&str], dir: &Path) -> (Duration, Option<f64>) {
    let timer = Path::new("/usr/bin/time");
    let mut cmd = if timer.exists() {
        let mut c = Command::new(timer);
        c.args(["-f", "peak-kib %M", program]);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).current_dir(dir);
    let start = Instant::now();
    let out = cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"));
    let took = start.elapsed();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix("peak-kib "))
        .next_back()
        .and_then(|k| k.trim().parse::<f64>().ok())
        .map(|k| k / 1024.0);
    (took, peak)
}

/// The newest release tag before the tip (what the default scope starts after).
fn last_release(repo: &Path) -> String {
    let out = Command::new("git")
        .args([
            "describe",
            "--tags",
            "--abbrev=0",
            "--match",
            "[0-9]*.[0-9]*",
        ])
        .current_dir(repo)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `git ls-files` and `git log --name-only` over the default scope's commits.
fn floor(repo: &Path, range: &str) -> Duration {
    let (a, _) = run("git", &["ls-files"], repo);
    let log = ["log", "--name-only", "--no-renames", "--format=%H", range];
    let (b, _) = run("git", &log, repo);
    a + b
}

fn scan(binary: &str, repo: &Path, out: &Path) -> (Duration, Option<f64>) {
    let out = out.to_str().unwrap();
    let args = [
        "scan",
        "--as-of",
        "2026-10-01",
        "-f",
        "json",
        "-o",
        out,
        ".",
    ];
    run(binary, &args, repo)
}

fn mib(peak: Option<f64>) -> String {
    peak.map_or("-".into(), |m| format!("{m:.0} MiB"))
}

fn main() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let shape = merge_repo::Shape::DOTTED_20K;
    let repo = data.join(format!("dotted-{}k", shape.commits / 1000));
    let start = Instant::now();
    merge_repo::ensure(&repo, shape).expect("generate the repository");
    eprintln!("repository ready in {:.1?}", start.elapsed());
    let release = last_release(&repo);
    let range = format!("{release}..HEAD");
    let runs: usize = std::env::var("SCOPE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let baseline = std::env::var("BASELINE_SAMDSCAN").ok();
    let out = std::env::temp_dir().join("samdscan-default-scope.json");
    println!(
        "default-scope benchmark: {} commits, {} files, scope {range} (target: <= 2 s, <= 150 MB)",
        shape.commits, shape.files
    );
    for i in 1..=runs {
        let git = floor(&repo, &range);
        let (took, peak) = scan(SAMDSCAN, &repo, &out);
        let mut line = format!(
            "  run {i}: samdscan {took:.2?} ({}), {:.1}x the floor (git ls-files + git log --name-only: {git:.2?})",
            mib(peak),
            took.as_secs_f64() / git.as_secs_f64()
        );
        if let Some(b) = &baseline {
            let (base, base_peak) = scan(b, &repo, &out);
            line += &format!(
                "; baseline {base:.2?} ({}), this binary {:.2}x its time",
                mib(base_peak),
                took.as_secs_f64() / base.as_secs_f64()
            );
        }
        println!("{line}");
    }
}
