//! Python: `requirements*.txt` (pinned with `==` or not; pip-compile's `# via` comments tell
//! direct from transitive), `poetry.lock`, `uv.lock` and `Pipfile.lock`. Names compare per
//! PEP 503 (see [`super::package::Ecosystem::normalise_name`]).

use super::package::{Ecosystem, Package};
use crate::evidence::value::{array, entries, str_at};
use serde_json::Value;
use std::collections::HashSet;

/// A requirements file: pinned packages, and the names of requirements without an exact pin.
pub fn parse_requirements(text: &str) -> (Vec<Package>, Vec<String>) {
    let mut packages: Vec<Package> = vec![];
    let mut unpinned = vec![];
    let mut last_pinned = false;
    for line in logical_lines(text) {
        let line = line.trim();
        if let Some(via) = line
            .strip_prefix('#')
            .map(str::trim)
            .and_then(|c| c.strip_prefix("via"))
        {
            // pip-compile: a package required only by other packages is transitive.
            if last_pinned
                && !via.contains("-r ")
                && !via.trim().is_empty()
                && let Some(p) = packages.last_mut()
            {
                p.direct = false;
            }
            continue;
        }
        let spec = line.split(" #").next().unwrap_or_default().trim();
        last_pinned = false;
        if spec.is_empty()
            || spec.starts_with('#')
            || spec.starts_with('-')
            || spec.starts_with('.')
            || spec.contains("://")
        {
            continue;
        }
        let spec = spec.split(';').next().unwrap_or(spec).trim();
        let name_end = spec
            .find(|c: char| !(c.is_alphanumeric() || "-_.".contains(c)))
            .unwrap_or(spec.len());
        let name = &spec[..name_end];
        let rest = spec[name_end..].trim_start();
        let rest = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .map_or(rest, |(_, r)| r.trim_start());
        let pin = rest.strip_prefix("===").or_else(|| rest.strip_prefix("=="));
        let pin = pin.map(|v| v.split_whitespace().next().unwrap_or_default());
        match pin {
            Some(v) if !v.is_empty() && !v.contains(['*', ',']) && !name.is_empty() => {
                packages.push(Package::new(Ecosystem::Pypi, name, v).direct(true));
                last_pinned = true;
            }
            _ if !name.is_empty() => unpinned.push(name.to_string()),
            _ => {}
        }
    }
    (packages, unpinned)
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
pub fn parse_poetry(text: &str) -> Result<Vec<Package>, String> {
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
pub fn parse_uv(text: &str) -> Result<Vec<Package>, String> {
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
pub fn parse_pipfile_lock(bytes: &[u8]) -> Result<Vec<Package>, String> {
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
        let text = "# comment\n-r base.txt\nNumPy==2.1.3 ; python_version>'3.8'\nrequests[socks]==2.32.0 \\\n    --hash=sha256:ab\n    # via -r requirements.in\nidna==3.7\n    # via requests\nflask>=3\n-e .\ndjango\n";
        let (pins, loose) = parse_requirements(text);
        let show: Vec<(&str, &str, bool)> = pins
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str(), p.direct))
            .collect();
        assert_eq!(
            show,
            [
                ("NumPy", "2.1.3", true),
                ("requests", "2.32.0", true),
                ("idna", "3.7", false)
            ]
        );
        assert_eq!(loose, ["flask", "django"]);
    }

    #[test]
    fn poetry_uv_and_pipfile_locks() {
        let poetry = "[[package]]\nname = \"Zope.Interface\"\nversion = \"6.0\"\n[[package]]\nname = \"mylib\"\nversion = \"0.1\"\n[package.source]\ntype = \"directory\"\nurl = \"../mylib\"\n";
        let p = parse_poetry(poetry).unwrap();
        assert_eq!((p[0].version.as_str(), p[1].local), ("6.0", true));
        let uv = "version = 1\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\ndependencies = [{ name = \"httpx\" }]\n[[package]]\nname = \"httpx\"\nversion = \"0.27.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n[[package]]\nname = \"idna\"\nversion = \"3.7\"\nsource = { registry = \"https://pypi.org/simple\" }\n";
        let u = parse_uv(uv).unwrap();
        let show: Vec<(&str, bool, bool)> = u
            .iter()
            .map(|p| (p.name.as_str(), p.direct, p.local))
            .collect();
        assert_eq!(
            show,
            [
                ("app", false, true),
                ("httpx", true, false),
                ("idna", false, false)
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
