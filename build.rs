//! Embeds every file under `policies/` in the binary, so the built-in rules travel with it and
//! adding a policy touches `policies/` only; and every file of the example folders under
//! `examples/`, the golden corpus `samdscan self-test` runs.

use std::fmt::Write;
use std::path::{Path, PathBuf};

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
    table.write(root, policies);
    embed_examples(root);
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
            let rel = f
                .strip_prefix(root)
                .expect("walked under the crate root")
                .to_string_lossy()
                .replace('\\', "/");
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
        let dest =
            Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(self.file);
        std::fs::write(dest, out).expect("OUT_DIR is writable");
    }
}
