//! Measures a whole-history walk with libgit2 (`git2`) and gitoxide (`gix`) against `git log`
//! on one repository (issue 13: "if libgit2 is the floor for the walk, measure gix").
//!
//! `gix-walk REPO [RUNS]` runs three modes, each `RUNS` times (default 3), the three
//! implementations alternating within a run, each in its own child process so that its peak
//! RSS is its own (read with `wait4`):
//! - `commits`: every commit from HEAD, newest first, read (id, parents, author, message);
//! - `paths`: the same, plus the changed paths of each non-merge commit against its first
//!   parent (a root commit against the empty tree), names only, no renames, as
//!   `git log --name-only --no-renames` lists them;
//! - `merges`: the same as `paths`, merges too, against their first parent (what samdscan's
//!   history walk does), as `git log --diff-merges=first-parent` lists them.
//!
//! The libgit2 walk is set up as samdscan's (`src/evidence/history/walk.rs`, `commits.rs`): a
//! topological and time-sorted revwalk collected first, object caching and strict hash
//! verification off, the last first parent reused as the next commit, and samdscan's own tree
//! differ (`tree_diff.rs`, compiled in from the main crate's source). The gix walk is gix's
//! own: topological rev-walk, its pack delta-base cache (what `max-performance` sets), and
//! `gix_diff::tree` with a reused state; `gix-tuned` adds gix's object cache at the budget
//! samdscan's differ keeps trees in (64 MiB) and a delta-base cache capped by memory at git's
//! default `core.deltaBaseCacheLimit` (96 MiB), instead of by count.
//!
//! It prints per mode and implementation the median wall time, CPU time and peak RSS, the ratio
//! to `git log` in the same run, and the counts (commits, parent links, author bytes, paths).
//! It fails if the libgit2 and gix walks disagree on any count.

// samdscan's differ, compiled as it is (its one-shot `changed_files` goes unused here).
#[allow(dead_code)]
#[path = "../../../src/evidence/history/tree_diff.rs"]
mod tree_diff;

use std::collections::BTreeMap;
use std::error::Error;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// samdscan's `KEPT_TREES_BUDGET`: the memory its differ keeps trees in between comparisons.
const TREE_BUDGET: usize = 64 << 20;
/// git's default `core.deltaBaseCacheLimit`.
const DELTA_BASE_BUDGET: usize = 96 << 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Commits,
    Paths,
    Merges,
}

impl Mode {
    const ALL: [Mode; 3] = [Mode::Commits, Mode::Paths, Mode::Merges];

    fn name(self) -> &'static str {
        match self {
            Mode::Commits => "commits",
            Mode::Paths => "paths",
            Mode::Merges => "merges",
        }
    }

    fn parse(s: &str) -> Result<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown mode {s}").into())
    }

    /// Whether a commit with `parents` parents has its changed paths read in this mode.
    fn diffs(self, parents: usize) -> bool {
        match self {
            Mode::Commits => false,
            Mode::Paths => parents <= 1,
            Mode::Merges => true,
        }
    }

    /// The `git log` that lists what this mode reads.
    fn git_args(self) -> &'static [&'static str] {
        match self {
            Mode::Commits => &["log", "--format=%H"],
            Mode::Paths => &["log", "--name-only", "--no-renames", "--format=%H"],
            Mode::Merges => &[
                "log",
                "--name-only",
                "--no-renames",
                "--diff-merges=first-parent",
                "--format=%H",
            ],
        }
    }
}

const IMPLS: [&str; 4] = ["git", "git2", "gix", "gix-tuned"];

/// What a walk read; equal counts show that two walks read the same history.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    commits: u64,
    /// Parent links (0 from `git log`, which is not asked for them).
    parents: u64,
    /// Bytes of the authors' names and emails (0 from `git log`).
    author_bytes: u64,
    paths: u64,
}

impl Counts {
    fn line(&self) -> String {
        format!(
            "commits={} parents={} author_bytes={} paths={}",
            self.commits, self.parents, self.author_bytes, self.paths
        )
    }

    fn parse(line: &str) -> Result<Counts> {
        let mut c = Counts::default();
        for field in line.split_whitespace() {
            let (key, value) = field.split_once('=').ok_or("bad counts line")?;
            let value: u64 = value.parse()?;
            match key {
                "commits" => c.commits = value,
                "parents" => c.parents = value,
                "author_bytes" => c.author_bytes = value,
                "paths" => c.paths = value,
                _ => return Err(format!("unknown count {key}").into()),
            }
        }
        Ok(c)
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, imp, mode, repo] if flag == "--child" => {
            let mode = Mode::parse(mode)?;
            let counts = match imp.as_str() {
                "git2" => git2_walk(Path::new(repo), mode)?,
                "gix" => gix_walk(Path::new(repo), mode, false)?,
                "gix-tuned" => gix_walk(Path::new(repo), mode, true)?,
                _ => return Err(format!("unknown implementation {imp}").into()),
            };
            println!("{}", counts.line());
            Ok(())
        }
        [repo] => compare(repo, 3),
        [repo, runs] => compare(repo, runs.parse()?),
        _ => Err("usage: gix-walk REPO [RUNS]".into()),
    }
}

/// One child run: wall seconds, CPU seconds (user + system), peak RSS in KiB, and its counts.
struct Run {
    wall: f64,
    cpu: f64,
    rss_kib: u64,
    counts: Counts,
}

fn compare(repo: &str, runs: usize) -> Result<()> {
    let me = std::env::current_exe()?;
    println!("repository: {repo}, {runs} runs, implementations alternating");
    for mode in Mode::ALL {
        let mut results: BTreeMap<&str, Vec<Run>> = BTreeMap::new();
        for run in 0..runs {
            // Each run starts with the next implementation, so none is always first.
            for k in 0..IMPLS.len() {
                let imp = IMPLS[(run + k) % IMPLS.len()];
                let out = if imp == "git" {
                    let mut cmd = Command::new("git");
                    cmd.arg("-C").arg(repo).args(mode.git_args());
                    measure(cmd, count_git_log)?
                } else {
                    let mut cmd = Command::new(&me);
                    cmd.args(["--child", imp, mode.name(), repo]);
                    measure(cmd, |text| Counts::parse(text.trim()))?
                };
                results.entry(imp).or_default().push(out);
            }
        }
        report(mode, &results)?;
    }
    Ok(())
}

fn report(mode: Mode, results: &BTreeMap<&str, Vec<Run>>) -> Result<()> {
    let git = median(&results["git"], |r| r.wall);
    println!(
        "\nmode {} (git: git {})",
        mode.name(),
        mode.git_args().join(" ")
    );
    println!(
        "  {:<10} {:>9} {:>9} {:>9} {:>9}  counts (equal in every run)",
        "impl", "wall s", "x git", "cpu s", "peak MiB"
    );
    for imp in IMPLS {
        let runs = &results[imp];
        let counts = runs[0].counts;
        if runs.iter().any(|r| r.counts != counts) {
            return Err(format!("{imp} counted differently between runs").into());
        }
        let wall = median(runs, |r| r.wall);
        println!(
            "  {:<10} {:>9.3} {:>9.2} {:>9.3} {:>9.1}  {}",
            imp,
            wall,
            wall / git,
            median(runs, |r| r.cpu),
            median(runs, |r| r.rss_kib as f64) / 1024.0,
            counts.line()
        );
    }
    let git2 = results["git2"][0].counts;
    for imp in ["gix", "gix-tuned"] {
        if results[imp][0].counts != git2 {
            return Err(format!(
                "{imp} and git2 disagree: {imp} {:?}, git2 {git2:?}",
                results[imp][0].counts
            )
            .into());
        }
    }
    let git = results["git"][0].counts;
    if git.commits != git2.commits || git.paths != git2.paths {
        println!("  note: git log counts differ from git2's: {git:?}");
    }
    Ok(())
}

fn median(runs: &[Run], value: impl Fn(&Run) -> f64) -> f64 {
    let mut v: Vec<f64> = runs.iter().map(value).collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs `cmd` with its output read by `parse`, and its own resource use from `wait4`.
fn measure(mut cmd: Command, parse: impl Fn(&str) -> Result<Counts>) -> Result<Run> {
    let start = Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).spawn()?;
    let mut text = String::new();
    child
        .stdout
        .take()
        .ok_or("no stdout")?
        .read_to_string(&mut text)?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own unwaited child; `status` and `usage` outlive the call.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    if waited != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("{cmd:?} failed (status {status})").into());
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Run {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        rss_kib: usage.ru_maxrss as u64,
        counts: parse(&text)?,
    })
}

/// `git log --format=%H [--name-only]`: a line of 40 hex digits is a commit, any other
/// non-empty line a path.
fn count_git_log(text: &str) -> Result<Counts> {
    let mut c = Counts::default();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if line.len() == 40 && line.bytes().all(|b| b.is_ascii_hexdigit()) {
            c.commits += 1;
        } else {
            c.paths += 1;
        }
    }
    Ok(c)
}

/// The walk as samdscan's history extractor does it with libgit2 (see the module docs).
fn git2_walk(path: &Path, mode: Mode) -> Result<Counts> {
    use git2::{Commit, Repository, Sort};
    git2::opts::strict_hash_verification(false);
    git2::opts::enable_caching(false);
    let repo = Repository::open(path)?;
    let tip = repo.head()?.peel_to_commit()?.id();
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    walk.push(tip)?;
    let oids = walk.collect::<std::result::Result<Vec<_>, _>>()?;
    let mut differ = tree_diff::TreeDiffer::new(&repo);
    let mut last_parent: Option<Commit<'_>> = None;
    let mut c = Counts::default();
    for oid in oids {
        let commit = match last_parent.take() {
            Some(parent) if parent.id() == oid => parent,
            _ => repo.find_commit(oid)?,
        };
        c.commits += 1;
        c.parents += commit.parent_count() as u64;
        let author = commit.author();
        c.author_bytes += (author.name_bytes().len() + author.email_bytes().len()) as u64;
        std::hint::black_box((commit.id(), commit.message_bytes(), author.when()));
        if !mode.diffs(commit.parent_count()) {
            continue;
        }
        let parent_tree = match commit.parent_ids().next() {
            Some(p) => {
                let parent = repo.find_commit(p)?;
                let tree = parent.tree_id();
                last_parent = Some(parent);
                Some(tree)
            }
            None => None,
        };
        let changes = differ.changed_files(parent_tree, Some(commit.tree_id()))?;
        // The differ pairs exact renames; unpaired, a rename is a deletion and an addition.
        c.paths += changes
            .iter()
            .map(|ch| 1 + u64::from(ch.old_path.is_some()))
            .sum::<u64>();
    }
    Ok(c)
}

/// The same walk with gix; `tuned` adds the caches of `gix-tuned` (see the module docs).
fn gix_walk(path: &Path, mode: Mode, tuned: bool) -> Result<Counts> {
    use gix::bstr::ByteSlice;
    use gix::diff::tree::{Recorder, State, recorder::Change};
    use gix::objs::TreeRefIter;
    use gix::revision::walk::Sorting;

    let mut repo = gix::open(path)?;
    use gix::odb::pack::cache::lru::{MemoryCappedHashmap, StaticLinkedList};
    if tuned {
        repo.objects
            .set_pack_cache(|| Box::new(MemoryCappedHashmap::new(DELTA_BASE_BUDGET)));
        repo.object_cache_size(TREE_BUDGET);
    } else {
        // What the `max-performance` feature sets by default: a 64-entry delta-base cache.
        repo.objects
            .set_pack_cache(|| Box::<StaticLinkedList<64>>::default());
    }
    let kind = repo.object_hash();
    let tip = repo.head_id()?.detach();
    let ids = repo
        .rev_walk([tip])
        .sorting(Sorting::TopoOrder)
        .all()?
        .map(|info| info.map(|i| i.id))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut state = State::default();
    let mut last_parent: Option<gix::Commit<'_>> = None;
    let mut c = Counts::default();
    for id in ids {
        let commit = match last_parent.take() {
            Some(parent) if parent.id == id => parent,
            _ => repo.find_commit(id)?,
        };
        let decoded = commit.decode()?;
        let parents: Vec<gix::ObjectId> = decoded.parents().collect();
        c.commits += 1;
        c.parents += parents.len() as u64;
        let author = decoded.author()?;
        c.author_bytes += (author.name.len() + author.email.len()) as u64;
        std::hint::black_box((commit.id, decoded.message, author.time()?));
        if !mode.diffs(parents.len()) {
            continue;
        }
        let new_tree = repo.find_tree(decoded.tree())?;
        let old_tree = match parents.first() {
            Some(p) => {
                let parent = repo.find_commit(*p)?;
                let tree = repo.find_tree(parent.tree_id()?)?;
                last_parent = Some(parent);
                Some(tree)
            }
            None => None,
        };
        let old = old_tree.as_ref().map_or(&[][..], |t| t.data.as_slice());
        let mut recorder = Recorder::default();
        gix::diff::tree(
            TreeRefIter::from_bytes(old, kind),
            TreeRefIter::from_bytes(&new_tree.data, kind),
            &mut state,
            &repo.objects,
            &mut recorder,
        )?;
        let mut paths: Vec<String> = recorder
            .records
            .into_iter()
            .filter_map(|change| match change {
                Change::Addition {
                    entry_mode, path, ..
                }
                | Change::Deletion {
                    entry_mode, path, ..
                }
                | Change::Modification {
                    entry_mode, path, ..
                } => (!entry_mode.is_tree()).then(|| path.to_str_lossy().into_owned()),
            })
            .collect();
        // As samdscan's differ returns them, by path.
        paths.sort();
        c.paths += paths.len() as u64;
    }
    Ok(c)
}
