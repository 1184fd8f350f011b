//! Benchmark: samdscan's SBOM and lockfile extraction against a plain
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes, in the same run, so the
//! figure that matters is the ratio (extraction cost over bare JSON parsing), not the machine.
//!
//! Inputs are generated here: a CycloneDX 1.6 SBOM of about 1 MB (components with purls,
//! suppliers, hashes, licences and a dependency graph) and an npm lockfile (v3) of 5,000
//! packages. Run with `cargo bench --bench supply_chain`.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

use samdscan::evidence::dependencies::parse_lockfile;
use samdscan::evidence::sbom::{parse_sbom, summary};
use std::hint::black_box;
use std::time::{Duration, Instant};

const ROUNDS: usize = 41;

/// A CycloneDX JSON SBOM of at least `min_bytes`.
fn synthetic_sbom(min_bytes: usize) -> Vec<u8> {
    let mut components = vec![];
    let mut deps = vec![];
    let mut size = 0;
    let mut i = 0;
    while size < min_bytes {
        let c = format!(
            r#"{{"type":"library","bom-ref":"pkg:npm/pkg-{i}@1.{i}.0","name":"pkg-{i}","version":"1.{i}.0","supplier":{{"name":"Vendor {i}"}},"purl":"pkg:npm/pkg-{i}@1.{i}.0","hashes":[{{"alg":"SHA-256","content":"{:064x}"}}],"licenses":[{{"license":{{"id":"MIT"}}}}]}}"#,
            i * 7919
        );
        let d = format!(
            r#"{{"ref":"pkg:npm/pkg-{i}@1.{i}.0","dependsOn":["pkg:npm/pkg-{}@1.{}.0"]}}"#,
            i / 2,
            i / 2
        );
        size += c.len() + d.len() + 2;
        components.push(c);
        deps.push(d);
        i += 1;
    }
    format!(
        r#"{{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{{"timestamp":"2026-01-01T00:00:00Z","authors":[{{"name":"bench"}}]}},"components":[{}],"dependencies":[{}]}}"#,
        components.join(","),
        deps.join(",")
    )
    .into_bytes()
}

/// An npm v3 lockfile of `n` packages, some scoped and some nested.
fn synthetic_package_lock(n: usize) -> Vec<u8> {
    let mut entries = vec![r#""":{"name":"app","dependencies":{"pkg-0":"^1"}}"#.to_string()];
    for i in 0..n {
        let path = match i % 3 {
            0 => format!("node_modules/pkg-{i}"),
            1 => format!("node_modules/@scope{}/pkg-{i}", i % 17),
            _ => format!("node_modules/pkg-{}/node_modules/pkg-{i}", i - 1),
        };
        entries.push(format!(
            r#""{path}":{{"version":"1.{i}.0","resolved":"https://registry.npmjs.org/pkg-{i}/-/pkg-{i}-1.{i}.0.tgz","integrity":"sha512-{:064x}"}}"#,
            i * 104_729
        ));
    }
    format!(
        r#"{{"name":"app","lockfileVersion":3,"packages":{{{}}}}}"#,
        entries.join(",")
    )
    .into_bytes()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed(f: &mut impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Times the baseline and the extraction in alternating rounds (so both see the same machine
/// load) and prints the medians and their ratio.
fn report(label: &str, bytes: &[u8], mut extract: impl FnMut()) {
    let mut baseline = || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap());
    };
    baseline();
    extract();
    let (mut base, mut ours) = (vec![], vec![]);
    for _ in 0..ROUNDS {
        base.push(timed(&mut baseline));
        ours.push(timed(&mut extract));
    }
    let (base, ours) = (median(base), median(ours));
    println!(
        "{label:<38} {:>9} bytes  serde_json::Value {:>9.3} ms  samdscan {:>9.3} ms  ratio {:.2}x",
        bytes.len(),
        base.as_secs_f64() * 1e3,
        ours.as_secs_f64() * 1e3,
        ours.as_secs_f64() / base.as_secs_f64()
    );
}

fn main() {
    let sbom = synthetic_sbom(1024 * 1024);
    report("CycloneDX JSON SBOM (synthetic, 1 MB)", &sbom, || {
        let s = parse_sbom("bench.cdx.json", black_box(&sbom)).unwrap();
        black_box(summary("bench.cdx.json", &s));
    });
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/sbom/cyclonedx/juice-shop__v11.1.2__bom.json");
    if let Ok(juice) = std::fs::read(&shared) {
        report("CycloneDX JSON SBOM (juice-shop)", &juice, || {
            let s = parse_sbom("bom.json", black_box(&juice)).unwrap();
            black_box(summary("bom.json", &s));
        });
    }
    let lock = synthetic_package_lock(5000);
    report("package-lock.json (5,000 packages)", &lock, || {
        black_box(
            parse_lockfile("package-lock.json", black_box(&lock))
                .unwrap()
                .unwrap()
                .packages
                .len(),
        );
    });
}
