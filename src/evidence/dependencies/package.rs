//! A locked package and the ecosystem it comes from, with the per-ecosystem rules that make two
//! spellings of one package compare equal: PEP 503 names for Python, `group:artifact` against a
//! purl's `group/artifact` for Maven, `%40scope` in npm purls, `v` prefixes of Go versions.

use super::lockfile::LOCKFILE_FORMATS;
use serde::Serialize;

/// A package ecosystem, named (in the evidence too) by its purl type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ecosystem {
    Cargo,
    Npm,
    Pypi,
    Golang,
    Gem,
    Composer,
    Maven,
    Nuget,
    Swift,
    Cocoapods,
    Conda,
    Conan,
    /// vcpkg has no registered purl type; `vcpkg` is the name it goes by.
    Vcpkg,
    Pub,
    Hex,
}

impl Serialize for Ecosystem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.purl_type())
    }
}

impl Ecosystem {
    /// The purl type of the ecosystem's packages.
    pub fn purl_type(self) -> &'static str {
        match self {
            Ecosystem::Cargo => "cargo",
            Ecosystem::Npm => "npm",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Golang => "golang",
            Ecosystem::Gem => "gem",
            Ecosystem::Composer => "composer",
            Ecosystem::Maven => "maven",
            Ecosystem::Nuget => "nuget",
            Ecosystem::Swift => "swift",
            Ecosystem::Cocoapods => "cocoapods",
            Ecosystem::Conda => "conda",
            Ecosystem::Conan => "conan",
            Ecosystem::Vcpkg => "vcpkg",
            Ecosystem::Pub => "pub",
            Ecosystem::Hex => "hex",
        }
    }

    /// The ecosystem of a purl type, among those of the lockfile table.
    pub fn from_purl_type(t: &str) -> Option<Ecosystem> {
        LOCKFILE_FORMATS
            .iter()
            .map(|f| f.ecosystem)
            .find(|e| e.purl_type().eq_ignore_ascii_case(t))
    }

    /// The name as compared: case-folded, with the ecosystem's equivalent spellings unified.
    pub fn normalise_name(self, name: &str) -> String {
        let lower = name.trim().to_lowercase();
        match self {
            Ecosystem::Pypi | Ecosystem::Cargo => generic_name(&lower),
            Ecosystem::Maven => lower.replace(':', "/"),
            Ecosystem::Swift => lower
                .trim_end_matches(".git")
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            _ => lower,
        }
    }

    /// The version as compared: Go's `v` prefix and `+incompatible` suffix dropped.
    pub fn normalise_version(self, version: &str) -> String {
        let v = version.trim().trim_start_matches('=');
        match self {
            Ecosystem::Golang => v
                .trim_start_matches('v')
                .trim_end_matches("+incompatible")
                .to_string(),
            _ => v.to_string(),
        }
    }
}

/// A name compared across ecosystems (an SBOM component without a purl): lower case, with runs
/// of `-`, `_` and `.` made one `-`, and Maven's `:` made `/`.
pub fn generic_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for ch in name.trim().chars().flat_map(char::to_lowercase) {
        if matches!(ch, '-' | '_' | '.') {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            out.push(if ch == ':' { '/' } else { ch });
            in_run = false;
        }
    }
    out
}

/// One package in a lockfile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Package {
    pub ecosystem: Ecosystem,
    pub name: String,
    pub version: String,
    /// A direct dependency of the product (as far as the file tells).
    pub direct: bool,
    /// The product's own code (a workspace member, a path or link dependency): not SOUP.
    pub local: bool,
}

impl Package {
    pub fn new(
        ecosystem: Ecosystem,
        name: impl Into<String>,
        version: impl Into<String>,
    ) -> Package {
        Package {
            ecosystem,
            name: name.into(),
            version: version.into(),
            direct: false,
            local: false,
        }
    }

    pub fn direct(mut self, direct: bool) -> Package {
        self.direct = direct;
        self
    }

    pub fn local(mut self, local: bool) -> Package {
        self.local = local;
        self
    }
}

/// A purl split into ecosystem, full name (namespace and name joined by `/`) and version.
pub fn parse_purl(purl: &str) -> Option<(Ecosystem, String, Option<String>)> {
    let rest = purl.trim().strip_prefix("pkg:")?.trim_start_matches('/');
    let rest = rest.split(['?', '#']).next()?;
    let (kind, path) = rest.split_once('/')?;
    let ecosystem = Ecosystem::from_purl_type(kind)?;
    let (path, version) = match path.rsplit_once('@') {
        Some((p, v)) if !p.is_empty() => (p, Some(percent_decode(v))),
        _ => (path, None),
    };
    Some((ecosystem, percent_decode(path), version))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `(name, version, direct, local)` of each package, for parser tests.
#[cfg(test)]
pub fn summary(packages: &[Package]) -> Vec<(&str, &str, bool, bool)> {
    packages
        .iter()
        .map(|p| (p.name.as_str(), p.version.as_str(), p.direct, p.local))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_per_ecosystem() {
        assert_eq!(
            Ecosystem::Pypi.normalise_name("Zope.Interface__x"),
            "zope-interface-x"
        );
        assert_eq!(
            Ecosystem::Maven.normalise_name("org.Apache:commons"),
            "org.apache/commons"
        );
        assert_eq!(Ecosystem::Npm.normalise_name("@Types/node"), "@types/node");
        assert_eq!(
            Ecosystem::Swift.normalise_name("https://github.com/apple/swift-nio.git"),
            "swift-nio"
        );
        assert_eq!(
            Ecosystem::Golang.normalise_version("v0.0.0-20230101-abcdef+incompatible"),
            "0.0.0-20230101-abcdef"
        );
    }

    #[test]
    fn purls_parse_with_namespaces_and_escapes() {
        assert_eq!(
            parse_purl("pkg:npm/%40angular/core@16.0.0?x=1"),
            Some((
                Ecosystem::Npm,
                "@angular/core".into(),
                Some("16.0.0".into())
            ))
        );
        assert_eq!(
            parse_purl("pkg:maven/org.x/lib@2#sub"),
            Some((Ecosystem::Maven, "org.x/lib".into(), Some("2".into())))
        );
        assert_eq!(parse_purl("pkg:deb/debian/x@1"), None);
        assert_eq!(
            parse_purl("pkg:pypi/requests"),
            Some((Ecosystem::Pypi, "requests".into(), None))
        );
        assert_eq!(parse_purl("not a purl"), None);
        assert_eq!(
            parse_purl("pkg:CocoaPods/Alamofire@5"),
            Some((Ecosystem::Cocoapods, "Alamofire".into(), Some("5".into())))
        );
        assert_eq!(serde_json::to_value(Ecosystem::Golang).unwrap(), "golang");
    }
}
