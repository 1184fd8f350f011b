//! Go: `go.mod` records the selected version of every module the build uses (Go 1.17 and later
//! list indirect ones too, marked `// indirect`), so it is both the manifest and the lock; `go.sum`
//! beside it holds the checksums. Pseudo-versions (`v0.0.0-20230101120000-abcdef123456`) are
//! versions like any other; `replace` with a local path makes a module the product's own.

use super::package::{Ecosystem, Package};
use std::collections::HashSet;

pub(super) fn parse_go_mod(text: &str) -> Result<Vec<Package>, String> {
    let mut out = vec![];
    let mut local: HashSet<String> = HashSet::new();
    let mut block: Option<String> = None;
    let mut saw_module = false;
    for raw in text.lines() {
        let (code, comment) = raw.split_once("//").unwrap_or((raw, ""));
        let words: Vec<&str> = code.split_whitespace().collect();
        match (block.as_deref(), words.as_slice()) {
            (_, ["module", ..]) => saw_module = true,
            (None, [kw, "("]) => block = Some((*kw).to_string()),
            (Some(_), [")"]) => block = None,
            (None, ["require", module, version]) | (Some("require"), [module, version]) => {
                let indirect = comment.trim() == "indirect";
                out.push(Package::new(Ecosystem::Golang, *module, *version).direct(!indirect));
            }
            (None, ["replace", rest @ ..]) | (Some("replace"), rest) => {
                if let Some(arrow) = rest.iter().position(|w| *w == "=>") {
                    let target = rest.get(arrow + 1).copied().unwrap_or_default();
                    if target.starts_with('.') || target.starts_with('/') {
                        local.extend(rest.first().map(|m| m.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    if !saw_module {
        return Err("no `module` directive: not a go.mod".into());
    }
    for p in &mut out {
        p.local = local.contains(&p.name);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_indirect_pseudo_versions_and_local_replaces() {
        let text = "module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n\nrequire (\n\tgolang.org/x/sys v0.0.0-20230101120000-abcdef123456 // indirect\n\texample.com/lib v1.0.0\n)\n\nreplace example.com/lib => ../lib\n";
        let p = parse_go_mod(text).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("github.com/pkg/errors", "v0.9.1", true, false),
                (
                    "golang.org/x/sys",
                    "v0.0.0-20230101120000-abcdef123456",
                    false,
                    false
                ),
                ("example.com/lib", "v1.0.0", true, true)
            ]
        );
        assert!(parse_go_mod("require x v1").is_err());
    }
}
