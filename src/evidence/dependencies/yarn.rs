//! `yarn.lock`, classic (v1: `"name@^1", "name@^1.2":` then `  version "1.2.3"`) and berry
//! (v2+: YAML with `resolution: "name@npm:1.2.3"`). Entry keys may be aliases
//! (`alias@npm:real@^1`); `workspace:`, `link:`, `portal:` and `file:` entries are the product's
//! own code.

use super::package::{Ecosystem, Package};

const LOCAL_PROTOCOLS: &[&str] = &["workspace:", "link:", "portal:", "file:"];

/// The package name and the range part of one entry spec (`@scope/name@npm:^1` -> name, `npm:^1`).
fn split_spec(spec: &str) -> (&str, &str) {
    let spec = spec.trim().trim_matches('"');
    let at = spec
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '@')
        .map(|(i, _)| i);
    match at {
        Some(i) => (&spec[..i], &spec[i + 1..]),
        None => (spec, ""),
    }
}

/// The real name of a spec: an alias `npm:real@range` names another package.
fn real_name(spec: &str) -> (String, bool) {
    let (name, range) = split_spec(spec);
    let local = LOCAL_PROTOCOLS.iter().any(|p| range.starts_with(p));
    match range.strip_prefix("npm:").map(split_spec) {
        Some((real, rest)) if !rest.is_empty() => (real.to_string(), local),
        _ => (name.to_string(), local),
    }
}

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let mut out = vec![];
    let mut current: Option<(String, bool)> = None;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') {
            let key = line.trim_end().trim_end_matches(':');
            current = match key {
                "__metadata" => None,
                _ => key.split(", ").next().map(real_name),
            };
            continue;
        }
        let field = line.trim();
        let version = field
            .strip_prefix("version ")
            .or_else(|| field.strip_prefix("version: "))
            .map(|v| v.trim().trim_matches('"'));
        if let (Some(v), Some((name, local))) = (version, current.as_ref()) {
            out.push(
                Package::new(Ecosystem::Npm, name.clone(), v)
                    .local(*local || v == "0.0.0-use.local"),
            );
        }
    }
    if out.is_empty()
        && !text.trim().is_empty()
        && !text.contains("__metadata")
        && !text.contains("yarn lockfile")
    {
        return Err("no `version` entries: not a yarn.lock".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_scoped_and_aliased_entries() {
        let lock = "# yarn lockfile v1\n\n\"@babel/core@^7.0.0\", \"@babel/core@^7.1.0\":\n  version \"7.12.3\"\n  resolved \"https://r/x.tgz\"\n\nstring-width-cjs@npm:string-width@^4.2.0:\n  version \"4.2.3\"\n";
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("@babel/core", "7.12.3", false, false),
                ("string-width", "4.2.3", false, false)
            ]
        );
    }

    #[test]
    fn berry_entries_and_workspaces() {
        let lock = "__metadata:\n  version: 6\n\n\"lodash@npm:^4.17.21\":\n  version: 4.17.21\n  resolution: \"lodash@npm:4.17.21\"\n\n\"app@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"app@workspace:.\"\n";
        let p = parse_lock(lock).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("lodash", "4.17.21", false, false),
                ("app", "0.0.0-use.local", false, true)
            ]
        );
        assert!(parse_lock("hello: world\n  nothing: here\n").is_err());
    }
}
