//! What a large model artifact costs a scan: `cargo bench --bench ai_hash`.
//!
//! Writes a sparse model file (2 GiB by default; `AI_HASH_BENCH_BYTES` to change) into a
//! temporary product directory and times, in the same run:
//! - baseline: a bare streamed SHA-256 of the file (sha2, 1 MiB reads), the least any tool can do;
//! - needed: `samdscan evidence` when the model card records the artifact's SHA-256;
//! - not needed: `samdscan evidence` when nothing records a hash.
//!
//! Each is run `AI_HASH_BENCH_RUNS` times (default 3), interleaved, and the fastest run counts, so
//! that other load on the machine does not decide the ratio. It prints each time as a ratio to the
//! baseline and the bytes samdscan reports hashing
//! (`ai.hash_cost`). Expect about 1.0 and exactly one file's bytes when needed, about 0 and no
//! bytes otherwise. The file is sparse, so reads come from zero pages: this measures hashing, not
//! the disk.

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
    std::fs::write(
        dir.join(".samdscan.yaml"),
        "product:\n  name: Bench\n  ai: {enabled: true}\n",
    )
    .expect("config");
    let front = card_sha.map_or(String::new(), |h| {
        format!("---\nartifact: models/big.onnx\nartifact_sha256: {h}\n---\n")
    });
    std::fs::write(dir.join("models/MODEL_CARD.md"), format!("{front}# big\n")).expect("card");
    let model = std::fs::File::create(dir.join("models/big.onnx")).expect("model");
    model.set_len(bytes).expect("sparse model");
}

/// Runs `samdscan evidence` and returns its wall time and the bytes it reports hashing.
fn scan(dir: &Path) -> (Duration, u64) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_samdscan"))
        .arg("evidence")
        .arg(dir)
        .output()
        .expect("run samdscan");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let evidence: serde_json::Value = serde_json::from_slice(&out.stdout).expect("evidence JSON");
    let bytes = evidence["ai"]["hash_cost"]["bytes_hashed"]
        .as_u64()
        .expect("hash_cost");
    (took, bytes)
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
    let digest = baseline_sha256(&needed.join("models/big.onnx"));
    write_product(&needed, bytes, Some(&digest));
    let (mut baseline, mut with_hash, mut without_hash) =
        (Duration::MAX, Duration::MAX, Duration::MAX);
    let (mut hashed, mut not_hashed) = (0, 0);
    for _ in 0..runs {
        let start = Instant::now();
        assert_eq!(baseline_sha256(&needed.join("models/big.onnx")), digest);
        baseline = baseline.min(start.elapsed());
        let (took, b) = scan(&needed);
        (with_hash, hashed) = (with_hash.min(took), b);
        let (took, b) = scan(&unneeded);
        (without_hash, not_hashed) = (without_hash.min(took), b);
    }
    let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
    println!("model file: {bytes} bytes (sparse); fastest of {runs} runs");
    println!(
        "baseline sha256:          {:>8.3} s  1.00x",
        baseline.as_secs_f64()
    );
    println!(
        "scan, hash needed:        {:>8.3} s  {:.2}x  bytes hashed: {hashed}",
        with_hash.as_secs_f64(),
        ratio(with_hash)
    );
    println!(
        "scan, hash not needed:    {:>8.3} s  {:.3}x  bytes hashed: {not_hashed}",
        without_hash.as_secs_f64(),
        ratio(without_hash)
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
