//! Bundler's `Gemfile.lock`: `GEM`, `GIT` and `PATH` sections list `specs` as `name (version)`
//! (a platform may follow the version: `1.15.4-x86_64-linux`); `PATH` specs are the product's
//! own gems; `DEPENDENCIES` names the direct ones.

use super::package::{Ecosystem, Package};
use std::collections::HashSet;

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let mut out = vec![];
    let mut direct: HashSet<String> = HashSet::new();
    let mut section = "";
    for line in text.lines() {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            section = line.trim();
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let entry = line.trim();
        let (name, version) = match entry.split_once(" (") {
            Some((n, v)) => (n, v.trim_end_matches(')')),
            None => (entry.trim_end_matches('!'), ""),
        };
        match (section, indent) {
            ("GEM" | "GIT" | "PATH", 4) => {
                let version = version.split('-').next().unwrap_or(version);
                out.push(Package::new(Ecosystem::Gem, name, version).local(section == "PATH"));
            }
            ("DEPENDENCIES", 2) => {
                direct.insert(name.to_string());
            }
            _ => {}
        }
    }
    if out.is_empty() && direct.is_empty() && !text.contains("BUNDLED WITH") {
        return Err("no GEM specs or DEPENDENCIES: not a Gemfile.lock".into());
    }
    for p in &mut out {
        p.direct = !p.local && direct.contains(&p.name);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_platforms_paths_and_direct_dependencies() {
        let text = "PATH\n  remote: .\n  specs:\n    hello (0.1.0)\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.15.4-x86_64-linux)\n      racc (~> 1.4)\n    racc (1.7.1)\n\nDEPENDENCIES\n  hello!\n  nokogiri (~> 1.15)\n";
        let p = parse_lock(text).unwrap();
        let show = super::super::package::summary(&p);
        assert_eq!(
            show,
            [
                ("hello", "0.1.0", false, true),
                ("nokogiri", "1.15.4", true, false),
                ("racc", "1.7.1", false, false)
            ]
        );
    }
}
