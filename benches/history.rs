//! History benchmark: full-history evidence extraction against `git log --name-only --no-renames
//! --format=%H` on the same synthetic repository, in the same run, reported as a ratio (target:
//! at most 2x git log), with the peak memory of the extraction and the time of a `--base` scan
//! over the last 50 commits.
//!
//! Run with `cargo bench --bench history`. The repository is generated once under
//! `target/bench-data/` (see `history_repo.rs`).

mod history_repo;

use samdscan::cli::Target;
use samdscan::config::{ConfigChoice, load_config};
use samdscan::evidence::collect_evidence;
use samdscan::evidence::source::WorkTreeSource;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs of each side; the fastest is reported (the least disturbed by other work on the machine).
const RUNS: usize = 3;

fn git_log(repo: &Path) -> (Duration, usize) {
    let start = Instant::now();
    let out = Command::new("git")
        .args(["log", "--name-only", "--no-renames", "--format=%H"])
        .current_dir(repo)
        .output()
        .expect("git log runs");
    let elapsed = start.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    let paths = text
        .lines()
        .filter(|l| !l.is_empty() && l.len() != 40)
        .count();
    (elapsed, paths)
}

fn extract(repo: &Path) -> (Duration, usize) {
    let start = Instant::now();
    let (git, mut facts) = samdscan::repository::open(repo);
    facts.base = None;
    let mut config = load_config(repo, &ConfigChoice::None).expect("config");
    config.config.history.scope = Some("all".into());
    let source = WorkTreeSource::open(repo, git.as_ref()).expect("inventory");
    let as_of = samdscan::date::Date::parse("2026-01-01").expect("date");
    let evidence = collect_evidence(&source, &config, &facts, git.as_ref(), as_of);
    let elapsed = start.elapsed();
    let commits = evidence.get("history")["commits"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(commits, history_repo::COMMITS, "every commit extracted");
    let paths = evidence.get("history")["commits"]
        .as_array()
        .map_or(0, |cs| {
            cs.iter()
                .map(|c| c["changes"].as_array().map_or(0, Vec::len))
                .sum()
        });
    (elapsed, paths)
}

fn base_scan(repo: &Path) -> Duration {
    let target = Target {
        path: repo.to_path_buf(),
        config: None,
        no_config: true,
        as_of: None,
        rev: None,
        base: Some(format!("HEAD~{}", history_repo::AFTER_RELEASE)),
        since: None,
    };
    let start = Instant::now();
    let outcome = samdscan::baseline::scan_with_base(&target, &[], target.base.as_deref().unwrap())
        .expect("base scan");
    let elapsed = start.elapsed();
    let n = outcome.evidence.get("history")["commit_count"].as_u64();
    assert_eq!(
        n,
        Some(history_repo::AFTER_RELEASE as u64),
        "scope is the 50 commits"
    );
    elapsed
}

/// The process's peak resident set (VmHWM), in MiB, on Linux.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/history-50k");
    let start = Instant::now();
    history_repo::ensure(&repo).expect("generate the repository");
    eprintln!("repository ready in {:.1?}", start.elapsed());
    let rss_before = peak_rss_mib();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..RUNS {
        theirs.push(git_log(&repo));
        ours.push(extract(&repo));
    }
    let rss_after = peak_rss_mib();
    let (git_time, git_paths) = theirs.iter().min().copied().expect("runs");
    let (our_time, our_paths) = ours.iter().min().copied().expect("runs");
    let base = base_scan(&repo);
    println!(
        "history benchmark: {} commits, ~5,000-file tree",
        history_repo::COMMITS
    );
    println!("  git log --name-only --no-renames: {git_time:.2?} ({git_paths} paths)");
    println!("  samdscan history extraction:      {our_time:.2?} ({our_paths} paths)");
    println!(
        "  ratio (samdscan / git log):       {:.2}x  (target <= 2x)",
        our_time.as_secs_f64() / git_time.as_secs_f64()
    );
    if let (Some(b), Some(a)) = (rss_before, rss_after) {
        println!("  peak memory: {a:.0} MiB (before extraction: {b:.0} MiB)");
    }
    println!(
        "  --base scan over {} commits: {base:.2?}",
        history_repo::AFTER_RELEASE
    );
}
