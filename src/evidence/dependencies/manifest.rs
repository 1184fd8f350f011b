//! Dependency manifests (what the product asks for, as opposed to what a lockfile pins): the
//! direct dependencies each one names, without the product's own path, link and workspace
//! packages. Read to tell direct from transitive and to find manifests without a lockfile.

use crate::evidence::read::value::{array, entries, str_at};
use regex::Regex;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::sync::LazyLock;

/// A manifest's direct dependencies: (name, requirement as written).
pub type Direct = Vec<(String, String)>;

/// Reads one kind of manifest.
pub type ReadManifest = fn(&str) -> Result<Direct, String>;

const LOCAL_PREFIXES: &[&str] = &["workspace:", "file:", "link:", "portal:"];

/// One kind of manifest: its file names (`*` is any run) and its reader. Which lockfiles pin it,
/// and its ecosystem, are in the lockfile table (`lockfile`).
pub struct Manifest {
    pub names: &'static [&'static str],
    pub read: ReadManifest,
}

const fn manifest(names: &'static [&'static str], read: ReadManifest) -> Manifest {
    Manifest { names, read }
}

pub const CARGO_TOML: Manifest = manifest(&["Cargo.toml"], cargo_toml);
pub const PACKAGE_JSON: Manifest = manifest(&["package.json"], package_json);
pub const PYPROJECT: Manifest = manifest(&["pyproject.toml"], pyproject);
pub const PIPFILE: Manifest = manifest(&["Pipfile"], pipfile);
pub const REQUIREMENTS_IN: Manifest = manifest(&["requirements.in"], requirements_in);
pub const GO_MOD: Manifest = manifest(&["go.mod"], go_mod);
pub const GEMFILE: Manifest = manifest(&["Gemfile"], |t| Ok(by_pattern(&GEM, t)));
pub const GEMS_RB: Manifest = manifest(&["gems.rb"], |t| Ok(by_pattern(&GEM, t)));
pub const COMPOSER_JSON: Manifest = manifest(&["composer.json"], composer_json);
pub const BUILD_GRADLE: Manifest = manifest(&["build.gradle", "build.gradle.kts"], |t| {
    Ok(by_pattern(&GRADLE, t))
});
/// .NET project files (C#, F#).
pub const PROJECT_FILE: Manifest =
    manifest(&["*.csproj", "*.fsproj"], |t| Ok(by_pattern(&NUGET, t)));
pub const PACKAGE_SWIFT: Manifest = manifest(&["Package.swift"], |t| Ok(by_pattern(&SWIFT, t)));
pub const PODFILE: Manifest = manifest(&["Podfile"], |t| Ok(by_pattern(&POD, t)));

/// A TOML manifest read into `T` (a JSON value, or a typed view with spans).
pub fn toml_doc<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("invalid TOML: {e}"))
}

/// A JSON manifest read into a value.
pub fn json_doc(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))
}

/// The diagnostic recorded for a manifest that does not parse (the same words from every reader,
/// so that two readers of one file leave one diagnostic).
pub fn unparsed_message(error: &str) -> String {
    format!("manifest does not parse: {error}")
}

/// Entries of a TOML/JSON dependency table that are not the product's own (path, workspace links).
fn table(v: &Value, key: &str, out: &mut Direct) {
    for (name, spec) in entries(v, key) {
        let requirement = match spec {
            Value::String(s) => s.clone(),
            other => str_at(other, "version").unwrap_or_default().to_string(),
        };
        let local =
            spec.get("path").is_some() || LOCAL_PREFIXES.iter().any(|p| requirement.starts_with(p));
        let real = str_at(spec, "package").unwrap_or(name);
        let real = requirement
            .strip_prefix("npm:")
            .and_then(|a| a.get(1..).and_then(|r| r.find('@')).map(|i| &a[..i + 1]))
            .unwrap_or(real);
        if !local {
            out.push((real.to_string(), requirement));
        }
    }
}

fn cargo_toml(text: &str) -> Result<Direct, String> {
    let doc: Value = toml_doc(text)?;
    let mut out = vec![];
    let kinds = ["dependencies", "dev-dependencies", "build-dependencies"];
    for k in kinds {
        table(&doc, k, &mut out);
    }
    if let Some(ws) = doc.get("workspace") {
        table(ws, "dependencies", &mut out);
    }
    for (_, target) in entries(&doc, "target") {
        for k in kinds {
            table(target, k, &mut out);
        }
    }
    Ok(out)
}

fn package_json(text: &str) -> Result<Direct, String> {
    let doc = json_doc(text)?;
    let mut out = vec![];
    for k in ["dependencies", "devDependencies", "optionalDependencies"] {
        table(&doc, k, &mut out);
    }
    Ok(out)
}

/// A PEP 508 requirement as (name, specifier), extras and markers dropped.
fn pep508(spec: &str) -> Option<(String, String)> {
    let (name, specifier) = super::python::split_requirement(spec)?;
    Some((name.to_string(), specifier))
}

fn pyproject(text: &str) -> Result<Direct, String> {
    let doc: Value = toml_doc(text)?;
    let mut out: Direct = array(doc.get("project").unwrap_or(&Value::Null), "dependencies")
        .iter()
        .filter_map(Value::as_str)
        .filter_map(pep508)
        .collect();
    if let Some(poetry) = doc.pointer("/tool/poetry") {
        table(poetry, "dependencies", &mut out);
        for (_, group) in entries(poetry, "group") {
            table(group, "dependencies", &mut out);
        }
    }
    out.retain(|(n, _)| !n.eq_ignore_ascii_case("python"));
    Ok(out)
}

fn pipfile(text: &str) -> Result<Direct, String> {
    let doc: Value = toml_doc(text)?;
    let mut out = vec![];
    table(&doc, "packages", &mut out);
    table(&doc, "dev-packages", &mut out);
    Ok(out)
}

fn requirements_in(text: &str) -> Result<Direct, String> {
    Ok(text.lines().filter_map(pep508).collect())
}

/// go.mod is its own lock; its direct requirements are those not marked `// indirect`.
fn go_mod(text: &str) -> Result<Direct, String> {
    Ok(super::golang::parse_go_mod(text)?
        .into_iter()
        .filter(|p| p.direct && !p.local)
        .map(|p| (p.name, p.version))
        .collect())
}

fn composer_json(text: &str) -> Result<Direct, String> {
    let doc = json_doc(text)?;
    let mut out = vec![];
    table(&doc, "require", &mut out);
    table(&doc, "require-dev", &mut out);
    out.retain(|(n, _)| n.contains('/'));
    Ok(out)
}

static GEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^\s*gem\s+["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?"#)
        .expect("a fixed pattern compiles")
});
static POD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^\s*pod\s+["']([^"'/]+)[^"']*["'](?:\s*,\s*["']([^"']+)["'])?"#)
        .expect("a fixed pattern compiles")
});
static GRADLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^\s*(?:implementation|api|compileOnly|runtimeOnly|testImplementation|kapt|annotationProcessor)\s*\(?\s*["']([\w.\-]+:[\w.\-]+)(?::([^"']+))?["']"#).expect("a fixed pattern compiles")
});
static NUGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<PackageReference\s+Include="([^"]+)"(?:\s+Version="([^"]*)")?"#)
        .expect("a fixed pattern compiles")
});
static SWIFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\.package\(\s*(?:name:\s*"[^"]*",\s*)?url:\s*"([^"]+)"\s*,\s*([^)]*)\)"#)
        .expect("a fixed pattern compiles")
});

/// Dependencies found by a pattern whose first group is the name and second the requirement.
fn by_pattern(re: &Regex, text: &str) -> Direct {
    re.captures_iter(text)
        .filter_map(|c| {
            let name = c.get(1)?.as_str();
            let name = name
                .trim_end_matches(".git")
                .rsplit('/')
                .next()
                .filter(|_| name.contains("://"))
                .unwrap_or(name);
            Some((
                name.to_string(),
                c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(file: &str, text: &str) -> Result<Direct, String> {
        let (_, manifest) = super::super::lockfile::manifest_format(file).unwrap();
        (manifest.read)(text)
    }

    fn names(file: &str, text: &str) -> Vec<String> {
        read(file, text)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn each_manifest_names_its_direct_dependencies() {
        let cargo = "[dependencies]\nserde = \"1\"\nmine = { path = \"../mine\" }\nrenamed = { package = \"real\", version = \"2\" }\n[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n";
        assert_eq!(names("Cargo.toml", cargo), ["real", "serde", "libc"]);
        let npm = r#"{"dependencies":{"@scope/a":"^1","ui":"workspace:*","alias":"npm:@x/real@^2"},"devDependencies":{"jest":"29"}}"#;
        assert_eq!(names("package.json", npm), ["@scope/a", "@x/real", "jest"]);
        let py = "[project]\ndependencies = [\"requests[socks]>=2 ; python_version>'3'\", \"NumPy\"]\n[tool.poetry.dependencies]\npython = \"^3.11\"\nscipy = \"^1\"\n";
        assert_eq!(names("pyproject.toml", py), ["requests", "NumPy", "scipy"]);
        let specs: Vec<String> = read("pyproject.toml", py)
            .unwrap()
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(specs, [">=2", "", "^1"]);
        assert_eq!(
            read(
                "requirements.in",
                "torch>=2.4 # GPU\n-c constraints.txt\npkg[x]; os_name=='nt'\n"
            )
            .unwrap(),
            [("torch".into(), ">=2.4".into()), ("pkg".into(), "".into())]
        );
        assert_eq!(
            names(
                "Gemfile",
                "source 'x'\ngem \"rails\", \"~> 7.0\"\n  gem 'pg'\n"
            ),
            ["rails", "pg"]
        );
        assert_eq!(
            names(
                "composer.json",
                r#"{"require":{"php":">=8","ext-json":"*","symfony/console":"^5"}}"#
            ),
            ["symfony/console"]
        );
        assert_eq!(
            names(
                "build.gradle.kts",
                "dependencies {\n  implementation(\"org.slf4j:slf4j-api:2.0.9\")\n}\n"
            ),
            ["org.slf4j:slf4j-api"]
        );
        assert_eq!(
            names(
                "App.csproj",
                r#"<PackageReference Include="Serilog" Version="3.1.1" />"#
            ),
            ["Serilog"]
        );
        assert_eq!(
            names(
                "Package.swift",
                r#".package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),"#
            ),
            ["swift-nio"]
        );
        assert_eq!(
            names(
                "Podfile",
                "pod 'Alamofire', '~> 5.8'\npod 'Firebase/Core'\n"
            ),
            ["Alamofire", "Firebase"]
        );
        assert!(read("Cargo.toml", "[dependencies").is_err());
    }
}
