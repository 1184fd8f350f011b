//! Generates a merge-heavy repository like real product histories, for the history benchmark:
//! `git fast-import` fed with pull requests (a topic branch of 1-5 commits off main, merged with
//! `Merge pull request #N from org/topic-N`), a long-lived `develop` branch that takes sync merges
//! of main (`Merge branch 'main' into develop`) and is merged back now and then, an octopus merge
//! of three topics every 400 pull requests, exact renames, and release tags of several shapes
//! (`v1.2.3`, `1.2.3.4`, `release-1.2`, `pump@1.2.3`, `R2024.1`). About a quarter of the commits
//! are merges. A merge's tree is its first parent's plus what the branch changed, so its
//! first-parent change is the pull request's.
//!
//! A [`Shape`] sets the size (commits, files) and the tags' shape: [`Shape::MERGES_80K`] is the
//! history benchmark's repository; [`Shape::DOTTED_20K`] (20,000 commits, 7,000 files, tags like
//! `3.4.2.2`, no `v`) is the default-scope benchmark's, like the product that issue 13 measured.
#![allow(unreachable_pub)] // helpers shared between bench and test modules

use crate::history_repo::Rng;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What a generated repository looks like.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// About how many commits.
    pub commits: usize,
    /// Files in the first commit's tree.
    pub files: usize,
    pub tags: TagShape,
}

/// How the release tags are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagShape {
    /// Five shapes in turn: `v1.2.0`, `1.2.0.1`, `release-1.2`, `pump@1.2.0`, `R2004.2`.
    Mixed,
    /// Four numbers without a `v`: `3.4.2.2`.
    Dotted,
}

impl Shape {
    pub const MERGES_80K: Shape = Shape {
        commits: 80_000,
        files: 5_000,
        tags: TagShape::Mixed,
    };
    #[allow(dead_code)] // the history benchmark, which includes this module too, does not use it
    pub const DOTTED_20K: Shape = Shape {
        commits: 20_000,
        files: 7_000,
        tags: TagShape::Dotted,
    };
}

fn path_of(file: usize) -> String {
    format!(
        "src/mod{}/sub{}/file{}.rs",
        file % 10,
        file / 10 % 50,
        file / 500
    )
}

/// A file edit: the path and its new content (`None`: deleted).
type Edits = BTreeMap<String, Option<String>>;

/// Writes the fast-import stream; marks number the commits, so the last mark is their count.
struct Stream<W: Write> {
    out: W,
    files: usize,
    rng: Rng,
    mark: usize,
    time: i64,
    renamed: usize,
}

impl<W: Write> Stream<W> {
    fn data(&mut self, text: &str) -> std::io::Result<()> {
        write!(self.out, "data {}\n{text}\n", text.len())
    }

    /// One commit on `branch` with parents `from` (and `merges`); returns its mark.
    fn commit(
        &mut self,
        branch: &str,
        message: &str,
        from: Option<usize>,
        merges: &[usize],
        edits: &Edits,
    ) -> std::io::Result<usize> {
        self.mark += 1;
        self.time += 60;
        writeln!(self.out, "commit refs/heads/{branch}\nmark :{}", self.mark)?;
        writeln!(
            self.out,
            "committer Dev <dev@example.com> {} +0000",
            self.time
        )?;
        self.data(message)?;
        if let Some(f) = from {
            writeln!(self.out, "from :{f}")?;
        }
        for m in merges {
            writeln!(self.out, "merge :{m}")?;
        }
        for (path, content) in edits {
            match content {
                Some(text) => {
                    writeln!(self.out, "M 100644 inline {path}")?;
                    self.data(text)?;
                }
                None => writeln!(self.out, "D {path}")?,
            }
        }
        Ok(self.mark)
    }

    /// A change of 1-3 files (sometimes a dozen), now and then an exact rename.
    fn edits(&mut self, n: usize) -> Edits {
        let size = match self.rng.below(100) {
            0..75 => 1 + self.rng.below(3),
            75..97 => 4 + self.rng.below(9),
            _ => 13 + self.rng.below(40),
        };
        let mut edits = Edits::new();
        for _ in 0..size {
            let f = self.rng.below(self.files);
            edits.insert(path_of(f), Some(format!("// file {f} at change {n}\n")));
        }
        if self.rng.below(40) == 0 {
            self.renamed += 1;
            let f = self.rng.below(self.files);
            let to = format!("src/moved/file{}_{}.rs", f, self.renamed);
            edits.insert(path_of(f), None);
            edits.insert(to, Some(format!("// file {f}\n")));
        }
        edits
    }

    fn tag(&mut self, name: &str, mark: usize) -> std::io::Result<()> {
        writeln!(self.out, "reset refs/tags/{name}\nfrom :{mark}")
    }
}

/// The `k`-th release's tag.
fn tag_name(shape: TagShape, k: usize) -> String {
    let (major, minor) = (k / 10 + 1, k % 10);
    if shape == TagShape::Dotted {
        return format!("{major}.{minor}.{}.{}", k % 3, k % 4);
    }
    match k % 5 {
        0 => format!("v{major}.{minor}.0"),
        1 => format!("{major}.{minor}.0.1"),
        2 => format!("release-{major}.{minor}"),
        3 => format!("pump@{major}.{minor}.0"),
        _ => format!("R{}.{minor}", 2000 + k),
    }
}

/// Writes a history of `shape`.
fn stream(out: impl Write, shape: Shape) -> std::io::Result<()> {
    let commits = shape.commits;
    let mut s = Stream {
        out,
        files: shape.files,
        rng: Rng(0x5eed_cafe_f00d_beef),
        mark: 0,
        time: 1_600_000_000,
        renamed: 0,
    };
    let initial: Edits = (0..shape.files)
        .map(|f| (path_of(f), Some(format!("// file {f}\n"))))
        .collect();
    let mut main = s.commit("main", "Initial import (CR-1)\n", None, &[], &initial)?;
    let mut develop = s.commit("develop", "Start develop\n", Some(main), &[], &Edits::new())?;
    let mut develop_edits = Edits::new();
    // What main changed since develop last took it: a sync merge's first-parent change.
    let mut main_edits = Edits::new();
    let mut pr = 0;
    while s.mark < commits {
        pr += 1;
        if pr % 400 == 0 {
            // An octopus merge of three topics.
            let mut tips = Vec::new();
            let mut all = Edits::new();
            for t in 0..3 {
                let edits = s.edits(s.mark);
                let branch = format!("octopus-{t}");
                tips.push(s.commit(&branch, "Octopus part\n", Some(main), &[], &edits)?);
                all.extend(edits);
            }
            let message = format!("Merge pull request #{pr} (three topics)\n");
            main = s.commit("main", &message, Some(main), &tips, &all)?;
            main_edits.extend(all);
            continue;
        }
        if pr % 25 == 0 {
            // develop takes main, works, and is merged back.
            let message = "Merge branch 'main' into develop\n";
            let synced = std::mem::take(&mut main_edits);
            develop = s.commit("develop", message, Some(develop), &[main], &synced)?;
            let edits = s.edits(s.mark);
            develop = s.commit("develop", "Develop work\n", Some(develop), &[], &edits)?;
            develop_edits.extend(edits);
            if pr % 100 == 0 {
                let message = "Merge remote-tracking branch 'origin/develop'\n";
                let edits = std::mem::take(&mut develop_edits);
                main = s.commit("main", message, Some(main), &[develop], &edits)?;
            }
            continue;
        }
        let branch = "topic";
        let mut tip = main;
        let mut all = Edits::new();
        for k in 0..1 + s.rng.below(5) {
            let edits = s.edits(s.mark);
            let message = if k == 0 && s.rng.below(2) == 0 {
                format!("fix: problem in topic {pr} (PR-{pr})\n")
            } else {
                format!("Work on topic {pr}\n")
            };
            tip = s.commit(branch, &message, Some(tip), &[], &edits)?;
            all.extend(edits);
        }
        let message = format!("Merge pull request #{pr} from org/topic-{pr}\n");
        main = s.commit("main", &message, Some(main), &[tip], &all)?;
        main_edits.extend(all);
        if pr % 150 == 1 {
            s.tag(&tag_name(shape.tags, pr / 150), main)?;
        }
    }
    s.tag("v-last", main)
}

/// Builds a repository of `shape` at `dir` unless one is already there.
pub fn ensure(dir: &Path, shape: Shape) -> std::io::Result<()> {
    if dir.join(".git/refs/tags/v-last").exists() {
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
        stream(&mut stdin, shape)?;
        stdin.flush()?;
    }
    if !child.wait()?.success() {
        return Err(std::io::Error::other("git fast-import failed"));
    }
    git(&["checkout", "-q", "main"])?;
    Ok(())
}
