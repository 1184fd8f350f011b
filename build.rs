//! Embeds every file under `policies/` in the binary, so the built-in rules travel with it and
//! adding a policy touches `policies/` only, with each policy's METADATA block converted to JSON
//! (read at every start, and JSON reads in a fraction of YAML's time); and every file of the
//! example folders under `examples/`, the golden corpus `samdscan self-test` runs.

use std::fmt::Write;
use std::path::{Path, PathBuf};

#[path = "src/policy/metadata_block.rs"]
mod metadata_block;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let policies: Vec<_> = walkdir::WalkDir::new(root.join("policies"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego"))
        .map(|e| e.path().to_path_buf())
        .collect();
    let table = Table {
        name: "BUILTIN_POLICIES",
        item: "&str",
        include: "include_str",
        strip: "",
        file: "builtin_policies.rs",
    };
    embed_metadata(root, &policies);
    table.write(root, policies);
    embed_examples(root);
}

/// `BUILTIN_METADATA`: (path under the crate root, METADATA as JSON) of every policy whose
/// METADATA block is valid YAML, sorted by path. A block that is not is left out: the policy's
/// text is then read at run time, which reports the error with its line.
fn embed_metadata(root: &Path, policies: &[PathBuf]) {
    let mut rows: Vec<(String, String)> = policies
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            let (_, yaml) = metadata_block::metadata_yaml(&text)?;
            let value: serde_json::Value = yaml_serde::from_str(&yaml).ok()?;
            Some((relative(root, path), value.to_string()))
        })
        .collect();
    rows.sort();
    let mut out = String::from("pub(super) static BUILTIN_METADATA: &[(&str, &str)] = &[\n");
    for (path, json) in rows {
        writeln!(out, "    ({path:?}, {json:?}),").expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    write_out("builtin_metadata.rs", &out);
}

/// A path under the crate root as the tables name it: relative, with `/` separators.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .expect("walked under the crate root")
        .to_string_lossy()
        .replace('\\', "/")
}

fn write_out(file: &str, contents: &str) {
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(file);
    std::fs::write(dest, contents).expect("OUT_DIR is writable");
}

/// `EXAMPLE_FILES`: (path under `examples/`, bytes) of every file in an example folder (one
/// holding a README.md), sorted.
fn embed_examples(root: &Path) {
    println!("cargo:rerun-if-changed=examples");
    let examples = root.join("examples");
    let files: Vec<_> = walkdir::WalkDir::new(&examples)
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
    let table = Table {
        name: "EXAMPLE_FILES",
        item: "&[u8]",
        include: "include_bytes",
        strip: "examples/",
        file: "example_files.rs",
    };
    table.write(root, files);
}

/// A static table `NAME: &[(&str, ITEM)]` of (name, contents) written to `OUT_DIR/FILE`; the
/// name is the path under the crate root without `strip`.
struct Table {
    name: &'static str,
    item: &'static str,
    include: &'static str,
    strip: &'static str,
    file: &'static str,
}

impl Table {
    fn write(&self, root: &Path, mut files: Vec<PathBuf>) {
        files.sort();
        let mut out = format!("pub static {}: &[(&str, {})] = &[\n", self.name, self.item);
        for f in files {
            let rel = relative(root, &f);
            let name = rel
                .strip_prefix(self.strip)
                .expect("under the stripped folder");
            // Resolved against the crate being compiled, not baked in as this build's absolute
            // path, so a build directory shared between two checkouts never points into the other.
            writeln!(
                out,
                "    ({name:?}, {}!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),",
                self.include
            )
            .expect("writing to a String cannot fail");
        }
        out.push_str("];\n");
        write_out(self.file, &out);
    }
}
