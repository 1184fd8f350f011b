//! Embeds every file under `policies/` in the binary, so the built-in rules travel with it and
//! adding a policy touches `policies/` only; and every file of the example folders under
//! `examples/`, the golden corpus `samdscan self-test` runs.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join("policies"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego"))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    let mut out = String::from("pub static BUILTIN_POLICIES: &[(&str, &str)] = &[\n");
    for f in files {
        let rel = f
            .strip_prefix(root)
            .expect("walked under the crate root")
            .to_string_lossy()
            .replace('\\', "/");
        // Resolved against the crate being compiled, not baked in as this build's absolute path,
        // so a build directory shared between two checkouts never points into the other one.
        writeln!(
            out,
            "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_policies.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    embed_examples(root);
}

/// `EXAMPLE_FILES`: (path under `examples/`, bytes) of every file in an example folder (one
/// holding a README.md), sorted.
fn embed_examples(root: &std::path::Path) {
    println!("cargo:rerun-if-changed=examples");
    let examples = root.join("examples");
    let mut files: Vec<_> = walkdir::WalkDir::new(&examples)
        .min_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .filter(|p| {
            let rel = p.strip_prefix(&examples).expect("walked under examples");
            let folder = rel.components().next().expect("min_depth 2");
            examples.join(folder).join("README.md").is_file()
        })
        .collect();
    files.sort();
    let mut out = String::from("pub static EXAMPLE_FILES: &[(&str, &[u8])] = &[\n");
    for f in files {
        let rel = f
            .strip_prefix(root)
            .expect("walked under the crate root")
            .to_string_lossy()
            .replace('\\', "/");
        let name = rel.strip_prefix("examples/").expect("under examples");
        writeln!(
            out,
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("example_files.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
