//! Generates the synthetic repository the history benchmark walks: `git fast-import` fed with
//! 50,000 linear commits over a tree of about 5,000 files in nested folders, with change sizes
//! drawn from a skewed distribution (most commits touch 1-3 files, some a dozen, a few up to 80,
//! with files added and deleted along the way), and a release tag 50 commits before the tip; and
//! a clone of it, whose pack is written the way a user's clone is.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub const COMMITS: usize = 50_000;
const TOP: usize = 10;
const MID: usize = 10;
const LEAF: usize = 5;
const FILES_PER_DIR: usize = 10;
/// Commits after the release tag `v1.0.0`, for the `--base` scan.
pub const AFTER_RELEASE: usize = 50;

/// A small deterministic generator (xorshift64*), so every run builds the same repository
/// (shared with the merge-heavy generator, `merge_repo.rs`).
pub struct Rng(pub u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

fn path_of(file: usize) -> String {
    let d = file / FILES_PER_DIR;
    let (top, mid, leaf) = (d / (MID * LEAF) % TOP, d / LEAF % MID, d % LEAF);
    let f = file % FILES_PER_DIR;
    format!(
        "src/mod{top}/sub{mid}/leaf{leaf}/file{f}_{}.rs",
        file / (TOP * MID * LEAF * FILES_PER_DIR)
    )
}

fn change_size(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..70 => 1 + rng.below(3),
        70..95 => 4 + rng.below(12),
        _ => 16 + rng.below(65),
    }
}

fn data(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    write!(out, "data {}\n{text}\n", text.len())
}

/// Writes the fast-import stream for the whole history.
fn stream(out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Rng(0x5eed_cafe_f00d_beef);
    let initial = TOP * MID * LEAF * FILES_PER_DIR;
    let mut live: Vec<usize> = (0..initial).collect();
    let mut next_file = initial;
    for n in 0..COMMITS {
        let time = 1_700_000_000 + n as i64 * 600;
        writeln!(out, "commit refs/heads/main\nmark :{}", n + 1)?;
        writeln!(out, "committer Dev <dev@example.com> {time} +0000")?;
        data(out, &format!("Change {n} (CR-{n})\n\nRefs: CR-{n}\n"))?;
        if n > 0 {
            writeln!(out, "from :{n}")?;
        }
        if n == 0 {
            for &f in &live {
                writeln!(out, "M 100644 inline {}", path_of(f))?;
                data(out, &format!("// file {f}\n"))?;
            }
        } else {
            edit(out, &mut rng, &mut live, &mut next_file, n)?;
        }
        if n == COMMITS - 1 - AFTER_RELEASE {
            writeln!(out, "reset refs/tags/v1.0.0\nfrom :{}", n + 1)?;
        }
    }
    Ok(())
}

fn edit(
    out: &mut impl Write,
    rng: &mut Rng,
    live: &mut Vec<usize>,
    next_file: &mut usize,
    n: usize,
) -> std::io::Result<()> {
    let size = change_size(rng);
    let mut touched = std::collections::BTreeSet::new();
    for _ in 0..size {
        touched.insert(rng.below(live.len()));
    }
    for (k, &i) in touched.iter().enumerate().rev() {
        let file = live[i];
        match (rng.below(50), k) {
            (0, _) if live.len() > 4_000 => {
                writeln!(out, "D {}", path_of(file))?;
                live.swap_remove(i);
            }
            (1, 0) => {
                let new = *next_file;
                *next_file += 1;
                live.push(new);
                writeln!(out, "M 100644 inline {}", path_of(new))?;
                data(out, &format!("// file {new}\n"))?;
            }
            _ => {
                writeln!(out, "M 100644 inline {}", path_of(file))?;
                data(out, &format!("// file {file} at change {n}\n"))?;
            }
        }
    }
    Ok(())
}

/// Builds the repository at `dir` unless a complete one is already there.
pub fn ensure(dir: &Path) -> std::io::Result<()> {
    if dir.join(".git/refs/tags/v1.0.0").exists() || dir.join(".git/packed-refs").exists() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(dir).status();
    git(&["init", "-q", "-b", "main"])?;
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()?;
    {
        let mut stdin = std::io::BufWriter::new(child.stdin.take().expect("piped stdin"));
        stream(&mut stdin)?;
        stdin.flush()?;
    }
    if !child.wait()?.success() {
        return Err(std::io::Error::other("git fast-import failed"));
    }
    git(&["checkout", "-q", "main"])?;
    Ok(())
}

/// Clones `source` to `dir` through git's transport (`--no-local`), unless already there, so
/// that its pack is written by `git pack-objects` as in a user's clone (fast-import's pack
/// deltas run from old to new objects; a clone's from new to old).
pub fn ensure_clone(source: &Path, dir: &Path) -> std::io::Result<()> {
    if dir.join(".git/packed-refs").exists() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    let status = Command::new("git")
        .args(["clone", "-q", "--no-local"])
        .arg(source)
        .arg(dir)
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other("git clone failed"));
    }
    Ok(())
}
