//! The fuzz smoke of `cargo test`: every direct fuzz target (`samdscan::fuzzing::parse_as`, the
//! entry points of `fuzz/`, and the config parser) is fed its seed files, from the shared data and
//! the examples as `fuzz/smoke.sh` seeds it, and a fixed number of deterministic mutations of them
//! (bit flips, truncations, insertions of tokens the formats care about, deletions, repeats and
//! splices of two seeds), from a seeded PRNG, so every run feeds the same inputs. A panic in a
//! parser fails the test, naming the target and the input's seed and mutation, with the input
//! written to a file to replay. Not coverage-guided: libFuzzer (`fuzz/smoke.sh`) goes deeper;
//! this keeps the parsers' entry points total in every CI run for a few seconds of debug build.

use crate::common::{examples_dir, shared_data};
use samdscan::fuzzing::{TARGETS, config, parse_as};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Mutated inputs per target (the seeds themselves come on top).
const MUTATIONS: usize = 4000;
/// The run stops after this many panics (each prints its message and backtrace as it happens).
const MAX_CRASHES: usize = 10;
/// Seeds are mutated from their first bytes up to this length (libFuzzer's `-max_len` is 64 KiB).
const MAX_SEED_BYTES: usize = 16 * 1024;

/// The seed folders of a target, as in `fuzz/smoke.sh` (`shared/data` folders first, then the
/// examples').
fn seed_dirs(target: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match target {
        "sbom_json" | "sbom_xml" | "sbom_spdx" => (&["sbom"], &[]),
        "coverage" => (&["coverage"], &["06-untested-requirements/reports"]),
        "vuln_report" => (&["sarif"], &["01-cardiowatch-compliant/reports"]),
        "junit" => (&[], &["01-cardiowatch-compliant/reports"]),
        "vex" => (&[], &["01-cardiowatch-compliant/vex"]),
        "codeowners" | "issue_templates" => (&[], &["01-cardiowatch-compliant/.github"]),
        "risk_table" | "front_matter" => (&[], &["01-cardiowatch-compliant/docs"]),
        "evidence_index" | "crosswalk" => (&[], &["01-cardiowatch-compliant/regulatory"]),
        "dicom" => (&[], &[]),
        "lockfile" | "config" => (&[], &["01-cardiowatch-compliant", "07-ai-cxr-compliant"]),
        other => panic!("no seeds for fuzz target {other}"),
    }
}

/// The files below `dir`, sorted, so that the seeds and so the mutations are the same each run.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// The seeds of `target` as fuzz inputs: each file of its folders that has the name or the
/// extension of one of the target's file names, once, led by the byte that makes `parse_as` give
/// it that name; for `config`, the examples' `.samdscan.yaml` files as they are.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let (shared, examples) = seed_dirs(target);
    let mut dirs: Vec<PathBuf> = shared.iter().filter_map(|d| shared_data(d)).collect();
    dirs.extend(examples.iter().map(|d| examples_dir().join(d)));
    let names = TARGETS
        .iter()
        .find(|(t, _)| *t == target)
        .map_or(&[][..], |(_, n)| *n);
    let mut out = vec![];
    if target == "dicom" {
        // No seed folder holds a DICOM file: fuzz/seeds/dicom has three built ones, each led by
        // its name byte already.
        let dir = examples_dir().join("../fuzz/seeds/dicom");
        return files_below(&dir)
            .into_iter()
            .map(|f| (f.display().to_string(), std::fs::read(&f).unwrap()))
            .collect();
    }
    // Without the shared data (a note says so; CI requires it) a target seeded from it alone is
    // left out.
    if dirs.is_empty() {
        return out;
    }
    for dir in dirs {
        assert!(dir.is_dir(), "seed folder {} is missing", dir.display());
        for file in files_below(&dir) {
            let bytes = std::fs::read(&file).unwrap();
            let label = file.display().to_string();
            if target == "config" {
                if file.file_name().is_some_and(|n| n == ".samdscan.yaml") {
                    out.push((label, bytes));
                }
                continue;
            }
            if let Some(pick) = name_for(names, &file) {
                out.push((label, [&[pick][..], &bytes].concat()));
            }
        }
    }
    assert!(!out.is_empty(), "no seeds for fuzz target {target}");
    out
}

/// The index in `names` of the file name `file` has, else of one with its extension.
fn name_for(names: &[&str], file: &Path) -> Option<u8> {
    let base = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = |n: &str| n.rsplit_once('.').map(|(_, e)| e.to_string());
    let by = |f: &dyn Fn(&str) -> bool| names.iter().position(|n| f(n));
    by(&|n| n.rsplit('/').next() == Some(base))
        .or_else(|| by(&|n| ext(n).is_some() && ext(n) == ext(base)))
        .map(|i| u8::try_from(i).unwrap())
}

/// SplitMix64: a small deterministic PRNG, enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes the parsers branch on: structure of JSON, XML, YAML, CSV, Markdown and the line formats,
/// numbers at the edges, and bytes that are not UTF-8.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"<",
    b">",
    b"</",
    b"/>",
    b"<!--",
    b"&amp;",
    b"\n",
    b"\r\n",
    b"\t",
    b"---\n",
    b"- ",
    b"|",
    b"#",
    b"*",
    b"=",
    b"@",
    b"\\",
    b"null",
    b"true",
    b"-1",
    b"0",
    b"1e999",
    b"18446744073709551616",
    b"NaN",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\0",
    b"SF:",
    b"DA:",
    b"end_of_record",
    b"mode: set\n",
    b"\xea\xb0\x80",
];

/// One mutation of `seed` (`other`, another seed, for splices); the first byte, which picks the
/// file name, is mutated like the rest.
fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut data = seed[..seed.len().min(MAX_SEED_BYTES)].to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.truncate(at),
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            4 => {
                let end = (at + 1 + rng.below(32)).min(data.len());
                let piece = data[at.min(end)..end].repeat(1 + rng.below(8));
                data.splice(at..at, piece);
            }
            5 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(512)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            _ => data.push(rng.next() as u8),
        }
    }
    data
}

/// Runs `target` over `input`; the panic message when it panics.
fn run(target: &str, input: &[u8]) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| match target {
        "config" => config(input),
        _ => parse_as(target, input),
    }))
    .err()
    .map(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn every_direct_fuzz_target_survives_its_seeds_and_their_mutations() {
    let out = tempfile::tempdir().unwrap();
    let mut targets: Vec<&str> = TARGETS.iter().map(|(t, _)| *t).collect();
    targets.push("config");
    let mut crashes: Vec<String> = vec![];
    let mut summary = vec![];
    for target in targets {
        let started = Instant::now();
        let seeds = seeds(target);
        if seeds.is_empty() {
            continue;
        }
        let mut rng = Rng(0x5AD5_CA11 ^ target.len() as u64);
        let mutations = (0..MUTATIONS).map(|i| {
            let s = rng.below(seeds.len());
            let o = rng.below(seeds.len());
            let input = mutate(&mut rng, &seeds[s].1, &seeds[o].1);
            (format!("mutation {i} of {}", seeds[s].0), input)
        });
        let mut inputs = 0;
        for (label, input) in seeds.iter().cloned().chain(mutations) {
            if crashes.len() >= MAX_CRASHES {
                break;
            }
            inputs += 1;
            if let Some(message) = run(target, &input) {
                let file = out.path().join(format!("{target}-{}", crashes.len()));
                std::fs::write(&file, &input).unwrap();
                crashes.push(format!(
                    "{target}: {label}: {message} (input: {})",
                    file.display()
                ));
            }
        }
        summary.push(format!(
            "{target}: {inputs} inputs in {:.2?}",
            started.elapsed()
        ));
    }
    eprintln!("{}", summary.join("\n"));
    if !crashes.is_empty() {
        // Keep the inputs to replay them.
        let kept = out.keep();
        panic!(
            "{} fuzz inputs panicked (inputs kept in {}):\n{}",
            crashes.len(),
            kept.display(),
            crashes.join("\n")
        );
    }
}
