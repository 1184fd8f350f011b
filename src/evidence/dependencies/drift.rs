//! The lockfile-versus-SBOM comparison behind MFDS-CYB-003, done here rather than in Rego so that
//! a 5,000-package lockfile yields one bounded record: counts of locked packages missing from the
//! SBOMs or present at another version ("stale"), and the first few of each.
//!
//! A package matches a component by purl (ecosystem, normalised name, version), else by name
//! normalised across ecosystems and version. The product's own packages are not compared.

use super::package::{Ecosystem, Package, generic_name, parse_purl};
use crate::evidence::sbom::Component;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// How many missing or stale packages are named per lockfile. Cannot change a verdict: the rules
/// judge `missing_count` and `stale_count`, which count every package; the names only illustrate.
pub const MAX_NAMED: usize = 5;

/// Every SBOM component, indexed for matching.
#[derive(Default)]
pub struct ComponentIndex {
    by_purl: HashMap<(Ecosystem, String), BTreeSet<String>>,
    by_name: HashMap<String, BTreeSet<String>>,
}

impl ComponentIndex {
    pub fn add(&mut self, c: &Component) {
        if let Some((eco, name, version)) = c.purl.as_deref().and_then(parse_purl) {
            let version = eco.normalise_version(
                version
                    .as_deref()
                    .or(c.version.as_deref())
                    .unwrap_or_default(),
            );
            self.by_purl
                .entry((eco, eco.normalise_name(&name)))
                .or_default()
                .insert(version);
        }
        if let Some(name) = &c.name {
            let version = c
                .version
                .as_deref()
                .unwrap_or_default()
                .trim()
                .trim_start_matches('v');
            self.by_name
                .entry(generic_name(name))
                .or_default()
                .insert(version.to_string());
        }
    }

    /// The versions an SBOM lists for a package's name (empty when it is not listed at all),
    /// and whether one of them is the locked version.
    fn lookup(&self, p: &Package) -> (bool, Vec<String>) {
        let version = p.ecosystem.normalise_version(&p.version);
        let by_purl = self
            .by_purl
            .get(&(p.ecosystem, p.ecosystem.normalise_name(&p.name)));
        if by_purl.is_some_and(|v| v.contains(&version)) {
            return (true, vec![]);
        }
        let loose = version.trim_start_matches('v');
        let by_name = self.by_name.get(&generic_name(&p.name));
        if by_name.is_some_and(|v| v.contains(loose)) {
            return (true, vec![]);
        }
        let others = by_purl
            .into_iter()
            .chain(by_name)
            .flatten()
            .cloned()
            .collect::<BTreeSet<_>>();
        (false, others.into_iter().collect())
    }
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Stale {
    pub name: String,
    pub locked: String,
    pub sbom: Vec<String>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Drift {
    pub lockfile: String,
    /// Third-party packages compared (the product's own excluded, duplicates merged).
    pub compared: usize,
    pub missing_count: usize,
    /// `name@version` of the first [`MAX_NAMED`] missing packages.
    pub missing: Vec<String>,
    pub stale_count: usize,
    pub stale: Vec<Stale>,
}

pub fn compare(lockfile: &str, packages: &[Package], index: &ComponentIndex) -> Drift {
    let mut seen = HashSet::new();
    let mut drift = Drift {
        lockfile: lockfile.to_string(),
        compared: 0,
        missing_count: 0,
        missing: vec![],
        stale_count: 0,
        stale: vec![],
    };
    for p in packages
        .iter()
        .filter(|p| !p.local && !p.version.is_empty())
    {
        if !seen.insert((generic_name(&p.name), p.version.as_str())) {
            continue;
        }
        drift.compared += 1;
        match index.lookup(p) {
            (true, _) => {}
            (false, others) if others.is_empty() => {
                drift.missing_count += 1;
                if drift.missing.len() < MAX_NAMED {
                    drift.missing.push(format!("{}@{}", p.name, p.version));
                }
            }
            (false, others) => {
                drift.stale_count += 1;
                if drift.stale.len() < MAX_NAMED {
                    drift.stale.push(Stale {
                        name: p.name.clone(),
                        locked: p.version.clone(),
                        sbom: others,
                    });
                }
            }
        }
    }
    drift
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(name: &str, version: &str, purl: Option<&str>) -> Component {
        Component {
            name: Some(name.into()),
            version: Some(version.into()),
            purl: purl.map(str::to_string),
            ..Component::default()
        }
    }

    #[test]
    fn matches_by_purl_or_name_and_reports_missing_and_stale() {
        let mut index = ComponentIndex::default();
        index.add(&component("x", "1", Some("pkg:npm/%40scope/a@1.0.0")));
        index.add(&component("Zope_Interface", "6.0", None));
        index.add(&component(
            "golang.org/x/sys",
            "0.1.0",
            Some("pkg:golang/golang.org/x/sys@v0.1.0"),
        ));
        index.add(&component(
            "requests",
            "2.31.0",
            Some("pkg:pypi/requests@2.31.0"),
        ));
        let locked = [
            Package::new(Ecosystem::Npm, "@scope/a", "1.0.0"),
            Package::new(Ecosystem::Pypi, "zope.interface", "6.0"),
            Package::new(Ecosystem::Golang, "golang.org/x/sys", "v0.1.0"),
            Package::new(Ecosystem::Pypi, "Requests", "2.32.0"),
            Package::new(Ecosystem::Pypi, "idna", "3.7"),
            Package::new(Ecosystem::Pypi, "idna", "3.7"),
            Package::new(Ecosystem::Pypi, "mine", "0.1").local(true),
        ];
        let d = compare("requirements.txt", &locked, &index);
        assert_eq!((d.compared, d.missing_count, d.stale_count), (5, 1, 1));
        assert_eq!(d.missing, ["idna@3.7"]);
        assert_eq!(
            d.stale[0],
            Stale {
                name: "Requests".into(),
                locked: "2.32.0".into(),
                sbom: vec!["2.31.0".into()]
            }
        );
    }

    #[test]
    fn thousands_of_missing_packages_are_summarised() {
        let locked: Vec<Package> = (0..5000)
            .map(|i| Package::new(Ecosystem::Npm, format!("p{i}"), "1.0.0"))
            .collect();
        let d = compare("package-lock.json", &locked, &ComponentIndex::default());
        assert_eq!((d.missing_count, d.missing.len()), (5000, MAX_NAMED));
    }
}
