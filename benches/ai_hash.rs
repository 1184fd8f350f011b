//! What a large model artifact costs a scan: `cargo bench --bench ai_hash`.
//!
//! Writes a sparse model file (2 GiB by default; `AI_HASH_BENCH_BYTES` to change) into two
//! temporary product directories and times, in the same run:
//! - baseline: a bare streamed SHA-256 of the file (sha2, 1 MiB reads), the least any tool can do;
//! - needed: `samdscan evidence` when the model card records the artifact's SHA-256;
//! - not needed: `samdscan evidence` when nothing records a hash.
//!
//! Each is run `AI_HASH_BENCH_RUNS` times (default 3), interleaved, and the fastest run counts.
//! On a loaded machine wall time mostly measures waiting for a core, so on Linux the CPU time
//! (user + system, from /proc/self/stat: this process's for the baseline, the finished children's
//! for the scans) is compared too. Both are printed as ratios to the baseline, with the bytes
//! samdscan reports hashing (`ai.hash_cost`): expect about 1x and exactly the file's size when the
//! hash is needed, about 0 and no bytes otherwise. The file is sparse, so reads come from zero
//! pages: this measures hashing, not the disk.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const DEFAULT_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const DEFAULT_RUNS: usize = 3;

fn baseline_sha256(path: &Path) -> String {
    let mut file = std::fs::File::open(path).expect("open model");
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1024 * 1024];
    loop {
        let n = file.read(&mut buf).expect("read model");
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_product(dir: &Path, bytes: u64, card_sha: Option<&str>) {
    std::fs::create_dir_all(dir.join("models")).expect("mkdir");
    let config = "product:\n  name: Bench\n  ai: {enabled: true}\n";
    std::fs::write(dir.join(".samdscan.yaml"), config).expect("config");
    let front = card_sha.map_or(String::new(), |h| {
        format!("---\nartifact: models/big.onnx\nartifact_sha256: {h}\n---\n")
    });
    std::fs::write(dir.join("models/MODEL_CARD.md"), format!("{front}# big\n")).expect("card");
    let model = std::fs::File::create(dir.join("models/big.onnx")).expect("model");
    model.set_len(bytes).expect("sparse model");
}

/// Runs `samdscan evidence` and returns the bytes it reports hashing.
fn scan(dir: &Path) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_samdscan"))
        .arg("evidence")
        .arg(dir)
        .output()
        .expect("run samdscan");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let evidence: serde_json::Value = serde_json::from_slice(&out.stdout).expect("evidence JSON");
    evidence["ai"]["hash_cost"]["bytes_hashed"]
        .as_u64()
        .expect("hash_cost")
}

/// CPU seconds (user + system) used so far by this process and by its waited-for children, from
/// /proc/self/stat (Linux; clock ticks of 1/100 s). `None` elsewhere.
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<f64> = stat
        .rsplit_once(')')?
        .1
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    let tick = |i: usize| fields.get(i).copied().unwrap_or(0.0) / 100.0;
    Some((tick(11) + tick(12), tick(13) + tick(14)))
}

/// The fastest wall and CPU times seen for one measurement.
#[derive(Clone, Copy)]
struct Best {
    wall: Duration,
    cpu: Option<f64>,
}

impl Best {
    fn new() -> Self {
        Best {
            wall: Duration::MAX,
            cpu: None,
        }
    }

    /// Times `f`, counting this process's CPU time (`own`) or its children's.
    fn time<T>(&mut self, own: bool, f: impl FnOnce() -> T) -> T {
        let before = cpu_seconds();
        let start = Instant::now();
        let out = f();
        self.wall = self.wall.min(start.elapsed());
        let cpu = before
            .zip(cpu_seconds())
            .map(|((s0, c0), (s1, c1))| if own { s1 - s0 } else { c1 - c0 });
        self.cpu = match (self.cpu, cpu) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        out
    }

    fn line(&self, name: &str, base: &Best, extra: &str) -> String {
        let wall = self.wall.as_secs_f64();
        let wall_ratio = wall / base.wall.as_secs_f64();
        let cpu = match (self.cpu, base.cpu) {
            (Some(c), Some(b)) if b > 0.0 => format!("cpu {c:>7.2} s {:>6.3}x", c / b),
            _ => "cpu n/a".into(),
        };
        format!("{name:<22} wall {wall:>7.2} s {wall_ratio:>6.3}x   {cpu}   {extra}")
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let bytes = env_or("AI_HASH_BENCH_BYTES", DEFAULT_BYTES);
    let runs = env_or("AI_HASH_BENCH_RUNS", DEFAULT_RUNS).max(1);
    let root = tempfile::tempdir().expect("tempdir");
    let (needed, unneeded) = (root.path().join("needed"), root.path().join("unneeded"));
    write_product(&unneeded, bytes, None);
    write_product(&needed, bytes, Some(&"0".repeat(64)));
    let model = needed.join("models/big.onnx");
    let digest = baseline_sha256(&model);
    write_product(&needed, bytes, Some(&digest));
    let (mut baseline, mut with_hash, mut without_hash) = (Best::new(), Best::new(), Best::new());
    let (mut hashed, mut not_hashed) = (0, 0);
    for _ in 0..runs {
        assert_eq!(baseline.time(true, || baseline_sha256(&model)), digest);
        hashed = with_hash.time(false, || scan(&needed));
        not_hashed = without_hash.time(false, || scan(&unneeded));
    }
    println!("model file: {bytes} bytes (sparse); fastest of {runs} runs");
    println!("{}", baseline.line("baseline sha256", &baseline, ""));
    let extra = format!("bytes hashed: {hashed}");
    println!("{}", with_hash.line("scan, hash needed", &baseline, &extra));
    let extra = format!("bytes hashed: {not_hashed}");
    println!(
        "{}",
        without_hash.line("scan, hash not needed", &baseline, &extra)
    );
    assert_eq!(
        hashed, bytes,
        "the needed hash must read the file exactly once"
    );
    assert_eq!(
        not_hashed, 0,
        "nothing may be hashed when no policy needs it"
    );
}
