//! History benchmark: full-history evidence extraction against `git log --name-only --no-renames
//! --format=%H` on the same synthetic repositories, in the same run, reported as a ratio (target:
//! at most 2x git log), with the peak memory of the extraction and the time of a `--base` scan
//! over the last 50 commits.
//!
//! The repositories: 50,000 linear commits (`history_repo.rs`), as `git fast-import` wrote it and
//! a clone of it (packed as users' clones are); and 80,000 commits of which about a quarter are
//! merges (`merge_repo.rs`). Run with `cargo bench --bench history` (`HISTORY_BENCH=merges` or
//! `linear` runs one part). The repositories are made once under `target/bench-data/`.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

mod history_repo;
mod merge_repo;

use samdscan::cli::Target;
use samdscan::config::{ConfigChoice, load_config};
use samdscan::evidence::collect_evidence;
use samdscan::evidence::source::WorkTreeSource;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Pairs of runs (git log, then samdscan) on each repository.
const RUNS: usize = 3;

/// The merge-heavy repository.
const MERGES: merge_repo::Shape = merge_repo::Shape::MERGES_80K;

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
    let (git, mut facts) = samdscan::scan::repository::open(repo).expect("sound objects");
    facts.base = None;
    let mut config = load_config(repo, &ConfigChoice::None, &[]).expect("config");
    config.config.history.scope = Some("all".into());
    let source = WorkTreeSource::open(repo, git.as_ref()).expect("inventory");
    let as_of = samdscan::date::Date::parse("2026-01-01").expect("date");
    let evidence = collect_evidence(&source, &config, &facts, git.as_ref(), as_of);
    let elapsed = start.elapsed();
    let commits = evidence.get("history")["commits"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(commits, git_count(repo), "every commit extracted");
    let paths = evidence.get("history")["commits"]
        .as_array()
        .map_or(0, |cs| {
            cs.iter()
                .map(|c| c["changes"].as_array().map_or(0, Vec::len))
                .sum()
        });
    (elapsed, paths)
}

/// `git rev-list --count HEAD`.
fn git_count(repo: &Path) -> usize {
    let out = Command::new("git")
        .args(["rev-list", "--count", "HEAD"])
        .current_dir(repo)
        .output()
        .expect("git rev-list runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

fn base_scan(repo: &Path) -> Duration {
    let target = Target {
        no_config: true,
        base: Some(format!("HEAD~{}", history_repo::AFTER_RELEASE)),
        ..Target::at(repo.to_path_buf())
    };
    let start = Instant::now();
    let outcome =
        samdscan::scan::baseline::scan_with_base(&target, &[], target.base.as_deref().unwrap())
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

/// [`RUNS`] pairs of back-to-back runs (git log, then samdscan), printed as the fastest time of
/// each side and the median of the pairs' ratios: a pair shares the machine's state of the
/// moment, so its ratio is steadier than the ratio of two separate minimums on a noisy machine.
fn compare(label: &str, repo: &Path) {
    let pairs: Vec<((Duration, usize), (Duration, usize))> =
        (0..RUNS).map(|_| (git_log(repo), extract(repo))).collect();
    let (git_time, git_paths) = pairs.iter().map(|p| p.0).min().expect("runs");
    let (our_time, our_paths) = pairs.iter().map(|p| p.1).min().expect("runs");
    let mut ratios: Vec<f64> = pairs
        .iter()
        .map(|(git, ours)| ours.0.as_secs_f64() / git.0.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let listed: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    println!("  {label}:");
    println!("    git log --name-only --no-renames: {git_time:.2?} ({git_paths} paths)");
    println!("    samdscan history extraction:      {our_time:.2?} ({our_paths} paths)");
    println!(
        "    ratio (samdscan / git log):       {:.2}x median of {RUNS} pairs [{}]  (target <= 2x)",
        ratios[ratios.len() / 2],
        listed.join(", ")
    );
}

fn linear(data: &Path) {
    let (repo, clone) = (data.join("history-50k"), data.join("history-50k-clone"));
    let start = Instant::now();
    history_repo::ensure(&repo).expect("generate the repository");
    history_repo::ensure_clone(&repo, &clone).expect("clone the repository");
    eprintln!("repositories ready in {:.1?}", start.elapsed());
    println!(
        "history benchmark: {} commits, no merges, ~5,000-file tree",
        history_repo::COMMITS
    );
    compare("as written by git fast-import", &repo);
    compare("a clone of it (pack written by git pack-objects)", &clone);
    let base = base_scan(&repo);
    println!(
        "  --base scan over {} commits: {base:.2?}",
        history_repo::AFTER_RELEASE
    );
}

fn merges(data: &Path) {
    let repo = data.join(format!("merges-{}k", MERGES.commits / 1000));
    let start = Instant::now();
    merge_repo::ensure(&repo, MERGES).expect("generate the repository");
    eprintln!("repository ready in {:.1?}", start.elapsed());
    let merges = Command::new("git")
        .args(["rev-list", "--count", "--merges", "HEAD"])
        .current_dir(&repo)
        .output()
        .expect("git rev-list runs");
    println!(
        "history benchmark: {} commits, {} merges, ~5,000-file tree",
        git_count(&repo),
        String::from_utf8_lossy(&merges.stdout).trim()
    );
    compare("merge-heavy, as written by git fast-import", &repo);
}

fn main() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let part = std::env::var("HISTORY_BENCH").unwrap_or_default();
    let rss_before = peak_rss_mib();
    if part != "merges" {
        linear(&data);
    }
    if part != "linear" {
        merges(&data);
    }
    if let (Some(b), Some(a)) = (rss_before, peak_rss_mib()) {
        println!("  peak memory of the extractions: {a:.0} MiB (before: {b:.0} MiB)");
    }
}
