//! Embeds every file under `policies/` in the binary, so the built-in rules travel with it and
//! adding a policy touches `policies/` only.

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
}
