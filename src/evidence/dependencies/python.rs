//! Python: `requirements*.txt` (pinned with `==` or not; pip-compile's `# via` comments tell
//! direct from transitive), `poetry.lock`, `uv.lock` and `Pipfile.lock` (`pdm.lock` in [`super::pdm`]). Names compare per
//! PEP 503 (see [`super::package::Ecosystem::normalise_name`]).

use super::manifest::Direct;
use super::package::{Ecosystem, Package};
use crate::evidence::read::value::{array, entries, str_at};
use serde_json::Value;
use std::collections::HashSet;

/// What pip-compile writes after `# via` when a requirement comes from the project itself.
const PROJECT_SOURCES: &[&str] = &[
    "-r ",
    "-c ",
    ".in",
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
];

/// Marks the last package transitive when its pip-compile `# via` comments name only packages.
fn settle_via(packages: &mut [Package], via: &mut Option<String>) {
    if let (Some(text), Some(p)) = (via.take(), packages.last_mut())
        && !text.trim().is_empty()
        && !PROJECT_SOURCES.iter().any(|s| text.contains(s))
    {
        p.direct = false;
    }
}

/// A requirements file: pinned packages, and the requirements without an exact pin (name and
/// specifier as written: `torch>=2.4`, `numpy~=1.26`, a bare `pkg`). Lines that are not
/// requirements (options, paths, URLs, prose) are skipped.
pub(super) fn parse_requirements(text: &str) -> (Vec<Package>, Direct) {
    let mut packages: Vec<Package> = vec![];
    let mut unpinned = vec![];
    // The `# via` text of the last pinned package, while its comment block lasts.
    let mut via: Option<String> = None;
    for line in logical_lines(text) {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix('#').map(str::trim) {
            if let Some(text) = via.as_mut() {
                // `# via a` or `# via` followed by `#   a` lines; the space marks the block open.
                match comment.strip_prefix("via") {
                    Some(rest) => text.push_str(rest),
                    None if !text.is_empty() => text.push_str(comment),
                    None => {}
                }
                if !text.is_empty() || comment.starts_with("via") {
                    text.push(' ');
                }
            }
            continue;
        }
        settle_via(&mut packages, &mut via);
        let Some((name, specifier)) = split_requirement(line) else {
            continue;
        };
        match exact_pin(&specifier) {
            Some(version) => {
                packages.push(Package::new(Ecosystem::Pypi, name, version).direct(true));
                via = Some(String::new());
            }
            None => unpinned.push((name.to_string(), specifier)),
        }
    }
    settle_via(&mut packages, &mut via);
    (packages, unpinned)
}

/// A PEP 508 requirement split into its name and version specifier (spaces removed), extras,
/// environment markers, trailing comments and pip options dropped: `pkg[extra] >= 1 ;
/// python_version<"3.12"` is `("pkg", ">=1")`. `None` for a line that is no requirement
/// (options, paths, URLs, prose).
pub(super) fn split_requirement(line: &str) -> Option<(&str, String)> {
    let spec = line.split(" #").next().unwrap_or_default().trim();
    if spec.is_empty() || spec.starts_with(['-', '.', '/', '#']) || spec.contains("://") {
        return None;
    }
    let spec = spec.split(';').next().unwrap_or(spec);
    let spec = spec.split(" --").next().unwrap_or(spec).trim();
    let name_end = spec
        .find(|c: char| !(c.is_alphanumeric() || "-_.".contains(c)))
        .unwrap_or(spec.len());
    let name = &spec[..name_end];
    let rest = spec[name_end..].trim_start();
    let rest = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map_or(rest, |(_, r)| r.trim_start());
    let rest = rest
        .strip_prefix('(')
        .map_or(rest, |r| r.trim_end_matches(')'));
    if name.is_empty() || !(rest.is_empty() || rest.starts_with(['=', '<', '>', '~', '!', '@'])) {
        return None;
    }
    Some((name, rest.split_whitespace().collect()))
}

/// The version of an exact pin (`==1.2`, `===1.2`), or `None` for a range or wildcard.
fn exact_pin(specifier: &str) -> Option<&str> {
    let pin = specifier
        .strip_prefix("===")
        .or_else(|| specifier.strip_prefix("=="))?;
    (!pin.is_empty() && !pin.contains(['*', ',', '<', '>', '=', '!', '~'])).then_some(pin)
}

/// Joins `\` continuation lines.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current = String::new();
    for line in text.lines() {
        match line.strip_suffix('\\') {
            Some(head) => current.push_str(head),
            None => {
                current.push_str(line);
                out.push(std::mem::take(&mut current));
            }
        }
    }
    out.push(current);
    out
}

fn toml_doc(text: &str) -> Result<Value, String> {
    toml::from_str(text).map_err(|e| format!("invalid TOML: {e}"))
}

/// `poetry.lock`: `[[package]]` with an optional `[package.source]` (`directory`/`file` are local).
pub(super) fn parse_poetry(text: &str) -> Result<Vec<Package>, String> {
    let doc = toml_doc(text)?;
    Ok(array(&doc, "package")
        .iter()
        .filter_map(|p| {
            let kind = p.pointer("/source/type").and_then(Value::as_str);
            let local = matches!(kind, Some("directory" | "file"));
            Some(
                Package::new(
                    Ecosystem::Pypi,
                    str_at(p, "name")?,
                    str_at(p, "version").unwrap_or_default(),
                )
                .local(local),
            )
        })
        .collect())
}

/// `uv.lock`: editable, virtual, directory and path sources are the project's own; their
/// `dependencies` are the direct ones.
pub(super) fn parse_uv(text: &str) -> Result<Vec<Package>, String> {
    let doc = toml_doc(text)?;
    let is_local = |p: &Value| {
        ["editable", "virtual", "directory", "path"]
            .iter()
            .any(|k| p.get("source").and_then(|s| s.get(k)).is_some())
    };
    let direct: HashSet<&str> = array(&doc, "package")
        .iter()
        .filter(|p| is_local(p))
        .flat_map(|p| array(p, "dependencies"))
        .filter_map(|d| str_at(d, "name"))
        .collect();
    Ok(array(&doc, "package")
        .iter()
        .filter_map(|p| {
            let name = str_at(p, "name")?;
            let local = is_local(p);
            let pkg = Package::new(
                Ecosystem::Pypi,
                name,
                str_at(p, "version").unwrap_or_default(),
            );
            Some(pkg.local(local).direct(!local && direct.contains(name)))
        })
        .collect())
}

/// `Pipfile.lock`: `default` and `develop` maps of `name -> {version: "==1.2"}`.
pub(super) fn parse_pipfile_lock(bytes: &[u8]) -> Result<Vec<Package>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if doc.get("default").is_none() && doc.get("_meta").is_none() {
        return Err("no `default` section: not a Pipfile.lock".into());
    }
    Ok(["default", "develop"]
        .iter()
        .flat_map(|section| entries(&doc, section))
        .map(|(name, d)| {
            let local = d.get("path").is_some() || d.get("editable").is_some();
            let version = str_at(d, "version")
                .unwrap_or_default()
                .trim_start_matches("==");
            Package::new(Ecosystem::Pypi, name, version).local(local)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_pins_extras_markers_and_pip_compile_comments() {
        let text = "# comment\n-r base.txt\nNumPy==2.1.3 ; python_version>'3.8'\nrequests[socks]==2.32.0 \\\n    --hash=sha256:ab\n    # via -r requirements.in\nidna==3.7\n    # via requests\ncertifi==2024.2.2\n    # via\n    #   httpx\n    #   requests\nscipy==1.14.1\n    # via\n    #   app (pyproject.toml)\nflask>=3\n-e .\ndjango\nREQ-1 The system shall alarm\n";
        let (pins, loose) = parse_requirements(text);
        let show = super::super::package::summary(&pins);
        assert_eq!(
            show,
            [
                ("NumPy", "2.1.3", true, false),
                ("requests", "2.32.0", true, false),
                ("idna", "3.7", false, false),
                ("certifi", "2024.2.2", false, false),
                ("scipy", "1.14.1", true, false)
            ]
        );
        let loose: Vec<(&str, &str)> = loose
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(loose, [("flask", ">=3"), ("django", "")]);
    }

    #[test]
    fn ranges_are_unpinned_requirements_with_clean_names() {
        let text = "torch>=2.4\nnumpy~=1.26\npkg\npkg[extra]>=1; python_version<\"3.12\"\nscipy == 1.14.1 ; sys_platform == 'linux'\nrich==13.*\nhttpx (>=0.27,<1)\nurllib3==2.2.1,<3\n";
        let (pins, loose) = parse_requirements(text);
        assert_eq!(
            super::super::package::summary(&pins),
            [("scipy", "1.14.1", true, false)]
        );
        let loose: Vec<(&str, &str)> = loose
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            loose,
            [
                ("torch", ">=2.4"),
                ("numpy", "~=1.26"),
                ("pkg", ""),
                ("pkg", ">=1"),
                ("rich", "==13.*"),
                ("httpx", ">=0.27,<1"),
                ("urllib3", "==2.2.1,<3")
            ]
        );
        assert_eq!(split_requirement("# only a comment"), None);
        assert_eq!(split_requirement("--index-url https://x"), None);
    }

    #[test]
    fn poetry_uv_and_pipfile_locks() {
        let poetry = "[[package]]\nname = \"Zope.Interface\"\nversion = \"6.0\"\n[[package]]\nname = \"mylib\"\nversion = \"0.1\"\n[package.source]\ntype = \"directory\"\nurl = \"../mylib\"\n";
        let p = parse_poetry(poetry).unwrap();
        assert_eq!((p[0].version.as_str(), p[1].local), ("6.0", true));
        let uv = "version = 1\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\ndependencies = [{ name = \"httpx\" }]\n[[package]]\nname = \"httpx\"\nversion = \"0.27.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n[[package]]\nname = \"idna\"\nversion = \"3.7\"\nsource = { registry = \"https://pypi.org/simple\" }\n";
        let u = parse_uv(uv).unwrap();
        let show = super::super::package::summary(&u);
        assert_eq!(
            show,
            [
                ("app", "0.1.0", false, true),
                ("httpx", "0.27.0", true, false),
                ("idna", "3.7", false, false)
            ]
        );
        let pip = br#"{"_meta":{},"default":{"requests":{"version":"==2.32.0"},"mine":{"path":".","editable":true}},"develop":{"pytest":{"version":"==8.0.0"}}}"#;
        let f = parse_pipfile_lock(pip).unwrap();
        assert_eq!(f.len(), 3);
        assert!(
            f.iter()
                .any(|p| p.name == "requests" && p.version == "2.32.0")
        );
        assert!(parse_poetry("[[package]\n").is_err());
    }
}
