//! The product's own version as its build manifests declare it, so that a policy can hold every
//! declaration to `product.version` (MFDS-CHG-003): `Cargo.toml` `[package].version` (with
//! `version.workspace = true` resolved from the enclosing workspace's
//! `[workspace.package].version`), `package.json` `"version"`, `pyproject.toml` `[project]` or
//! `[tool.poetry]` `version`, and Gradle `versionName` or `version`. Only the product's manifests
//! count: those at the repository root and at the root folder of each software system
//! (`product.software_systems[].paths`), never vendored packages or test fixtures deeper down.
//! Each record names the file and the line the version is written on.

use super::dependencies::lockfile::file_name;
use super::dependencies::manifest::{json_doc, toml_doc, unparsed_message};
use super::{Context, Extractor};
use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::LazyLock;
use toml::Spanned;

pub(super) struct ProductVersionExtractor;

/// One product manifest's declaration of the product version.
#[derive(Debug, PartialEq, Serialize)]
struct DeclaredVersion {
    path: String,
    line: usize,
    kind: &'static str,
    /// The version as written; `None` when the manifest does not state it literally.
    version: Option<String>,
    /// Why no version is stated (dynamic, an expression...), when `version` is `None`.
    reason: Option<String>,
    /// The workspace manifest a Cargo `version.workspace = true` takes its version from.
    inherited_from: Option<String>,
}

/// What a manifest says about its version.
#[derive(Debug, PartialEq)]
enum Declared {
    Version(String),
    Unstated(String),
    /// Cargo's `version.workspace = true`.
    FromWorkspace,
}

/// A version statement and the 1-based line it is on.
#[derive(Debug, PartialEq)]
struct Statement {
    line: usize,
    declared: Declared,
}

/// Reads one kind of manifest: `Ok(None)` when it declares no version at all.
type ReadVersion = fn(&str) -> Result<Option<Statement>, String>;

impl Extractor for ProductVersionExtractor {
    fn key(&self) -> &'static str {
        "product_versions"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let folders = product_folders(ctx);
        let declared: Vec<DeclaredVersion> = ctx
            .files("manifest")
            .iter()
            .filter(|path| folders.iter().any(|f| f == folder_of(path)))
            .filter_map(|path| declared_version(ctx, path))
            .collect();
        serde_json::to_value(declared).unwrap_or_default()
    }
}

/// The repository root and the literal folder of each software system's path globs.
fn product_folders(ctx: &Context) -> Vec<String> {
    let systems = ctx
        .config
        .config
        .product
        .as_ref()
        .and_then(|p| p.software_systems.as_deref())
        .unwrap_or_default();
    let globs = systems.iter().flat_map(|s| s.paths.iter().flatten());
    let mut folders: Vec<String> = std::iter::once(String::new())
        .chain(globs.map(|g| literal_folder(g)))
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

/// The folder a glob starts from: its leading components without wildcards (`src/app/**` ->
/// `src/app`); a glob without wildcards names a file, so its folder is the parent.
fn literal_folder(glob: &str) -> String {
    let parts: Vec<&str> = glob.trim_start_matches("./").split('/').collect();
    let literal = parts
        .iter()
        .take_while(|p| !p.contains(['*', '?', '[', '{']))
        .count();
    parts[..literal.min(parts.len() - 1)].join("/")
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

fn version_reader(name: &str) -> Option<(&'static str, ReadVersion)> {
    Some(match name.to_ascii_lowercase().as_str() {
        "cargo.toml" => ("cargo", cargo_version),
        "package.json" => ("npm", package_json_version),
        "pyproject.toml" => ("pyproject", pyproject_version),
        "build.gradle" | "build.gradle.kts" => ("gradle", gradle_version),
        _ => return None,
    })
}

fn declared_version(ctx: &Context, path: &str) -> Option<DeclaredVersion> {
    let (kind, read) = version_reader(file_name(path))?;
    let statement = match read(&ctx.read_text(path)?) {
        Ok(statement) => statement?,
        Err(e) => {
            ctx.diagnose(path, unparsed_message(&e));
            return None;
        }
    };
    let (inherited_from, declared) = match statement.declared {
        Declared::FromWorkspace => inherit_workspace_version(ctx, path),
        declared => (None, declared),
    };
    let (version, reason) = match declared {
        Declared::Version(v) => (Some(v), None),
        Declared::Unstated(why) => (None, Some(why)),
        Declared::FromWorkspace => (None, Some("the workspace version inherits itself".into())),
    };
    Some(DeclaredVersion {
        path: path.to_string(),
        line: statement.line,
        kind,
        version,
        reason,
        inherited_from,
    })
}

/// The `[workspace.package].version` of the nearest `Cargo.toml` at or above a member's folder
/// that declares `[workspace]`, with that manifest's path.
fn inherit_workspace_version(ctx: &Context, member: &str) -> (Option<String>, Declared) {
    for candidate in enclosing_cargo_manifests(member) {
        if ctx.source.inventory().get(&candidate).is_none() {
            continue;
        }
        if let Some(declared) = workspace_declaration(ctx, &candidate) {
            return (Some(candidate), declared);
        }
    }
    let why = "inherits the workspace version, but no enclosing Cargo.toml declares [workspace]";
    (None, unstated(why))
}

/// `Cargo.toml` in a member's folder, then in each folder above it up to the root.
fn enclosing_cargo_manifests(member: &str) -> impl Iterator<Item = String> {
    let folders = std::iter::successors(Some(folder_of(member)), |f| {
        (!f.is_empty()).then(|| folder_of(f))
    });
    folders.map(|f| match f {
        "" => "Cargo.toml".to_string(),
        f => format!("{f}/Cargo.toml"),
    })
}

/// The version a workspace manifest gives its members; `None` when it declares no `[workspace]`.
fn workspace_declaration(ctx: &Context, path: &str) -> Option<Declared> {
    let Some(text) = ctx.read_text(path) else {
        return Some(unstated("the workspace manifest cannot be read"));
    };
    match toml_doc::<CargoManifest>(&text) {
        Ok(doc) => doc
            .workspace
            .map(|ws| match ws.package.and_then(|p| p.version) {
                Some(v) => toml_statement(&text, &v).declared,
                None => unstated("the workspace declares no [workspace.package].version"),
            }),
        Err(_) => Some(unstated("the workspace manifest does not parse")),
    }
}

fn unstated(why: &str) -> Declared {
    Declared::Unstated(why.to_string())
}

#[derive(Deserialize)]
struct CargoManifest {
    package: Option<VersionTable>,
    workspace: Option<CargoWorkspace>,
}

#[derive(Deserialize)]
struct CargoWorkspace {
    package: Option<VersionTable>,
}

/// Any TOML table with a `version` key (`[package]`, `[project]`, `[tool.poetry]`).
#[derive(Deserialize)]
struct VersionTable {
    version: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
struct Pyproject {
    project: Option<PyprojectProject>,
    tool: Option<PyprojectTool>,
}

#[derive(Deserialize)]
struct PyprojectProject {
    version: Option<Spanned<Value>>,
    dynamic: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
struct PyprojectTool {
    poetry: Option<VersionTable>,
}

fn toml_statement(text: &str, version: &Spanned<Value>) -> Statement {
    let declared = match version.get_ref() {
        Value::String(s) => Declared::Version(s.clone()),
        v if v.get("workspace") == Some(&Value::Bool(true)) => Declared::FromWorkspace,
        other => Declared::Unstated(format!("the version is not a string: {other}")),
    };
    Statement {
        line: line_at(text, version.span().start),
        declared,
    }
}

/// A pure workspace root (no `[package]`) declares no version of its own.
fn cargo_version(text: &str) -> Result<Option<Statement>, String> {
    let doc: CargoManifest = toml_doc(text)?;
    Ok(doc
        .package
        .and_then(|p| p.version)
        .map(|v| toml_statement(text, &v)))
}

/// `[project].version`, else `[tool.poetry].version`, else a `dynamic` version (not stated).
fn pyproject_version(text: &str) -> Result<Option<Statement>, String> {
    let doc: Pyproject = toml_doc(text)?;
    let (version, dynamic) = doc.project.map_or((None, None), |p| (p.version, p.dynamic));
    let poetry = doc.tool.and_then(|t| t.poetry).and_then(|p| p.version);
    if let Some(v) = version.or(poetry) {
        return Ok(Some(toml_statement(text, &v)));
    }
    let dynamic = dynamic.filter(|d| {
        d.get_ref()
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "version"))
    });
    Ok(dynamic.map(|d| Statement {
        line: line_at(text, d.span().start),
        declared: unstated(
            "dynamic: [project].dynamic lists \"version\", so the build backend sets it",
        ),
    }))
}

/// `"version"`; a `"private": true` package without one is an application that needs none.
fn package_json_version(text: &str) -> Result<Option<Statement>, String> {
    let doc = json_doc(text)?;
    let declared = match doc.get("version") {
        Some(Value::String(v)) => Declared::Version(v.clone()),
        Some(other) => Declared::Unstated(format!("the version is not a string: {other}")),
        None if doc.get("private") == Some(&Value::Bool(true)) => return Ok(None),
        None => unstated("no \"version\" in a package that is not \"private\""),
    };
    Ok(Some(Statement {
        line: json_member_line(text, "version").unwrap_or(1),
        declared,
    }))
}

static GRADLE_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^[ \t]*(versionName|version)\b[ \t]*=?[ \t]*([^\r\n]*)"#)
        .expect("a fixed pattern compiles")
});
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\(?\s*["']([^"'$]+)["']\s*\)?\s*(?://.*)?$"#).expect("a fixed pattern compiles")
});

/// `versionName` (Android), else the project `version`; an expression is not a stated version.
fn gradle_version(text: &str) -> Result<Option<Statement>, String> {
    let matches: Vec<_> = GRADLE_VERSION.captures_iter(text).collect();
    let chosen = matches
        .iter()
        .find(|c| &c[1] == "versionName")
        .or(matches.first());
    Ok(chosen.map(|c| {
        let value = c[2].trim();
        let declared = match QUOTED.captures(value) {
            Some(q) => Declared::Version(q[1].to_string()),
            None => Declared::Unstated(format!("set by an expression: {value}")),
        };
        Statement {
            line: line_at(text, c.get(1).map_or(0, |m| m.start())),
            declared,
        }
    }))
}

/// The 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line of `key` among the members of the top-level JSON object in `text`.
fn json_member_line(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            '"' if depth == 1 && is_member(&text[i..], &quoted) => return Some(line_at(text, i)),
            '"' => in_string = true,
            _ => {}
        }
    }
    None
}

/// True when `rest` starts with the quoted name followed by `:`.
fn is_member(rest: &str, quoted: &str) -> bool {
    rest.strip_prefix(quoted)
        .is_some_and(|after| after.trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(read: ReadVersion, text: &str) -> Option<(usize, Declared)> {
        read(text).unwrap().map(|s| (s.line, s.declared))
    }

    fn version(v: &str) -> Declared {
        Declared::Version(v.to_string())
    }

    #[test]
    fn cargo_versions_are_read_with_their_line() {
        let text = "[package]\nname = \"app\"\nversion = \"1.2.0\"\n";
        assert_eq!(statement(cargo_version, text), Some((3, version("1.2.0"))));
        let member = "[package]\nname = \"app\"\n\nversion.workspace = true\n";
        assert_eq!(
            statement(cargo_version, member),
            Some((4, Declared::FromWorkspace))
        );
        let root = "[workspace]\nmembers = [\"app\"]\n[workspace.package]\nversion = \"2.0.0\"\n";
        assert_eq!(statement(cargo_version, root), None);
        assert!(cargo_version("[package\nversion = 1").is_err());
    }

    #[test]
    fn pyproject_versions_include_poetry_and_dynamic() {
        let pep621 = "[project]\nname = \"x\"\nversion = \"0.3\"\n";
        assert_eq!(
            statement(pyproject_version, pep621),
            Some((3, version("0.3")))
        );
        let poetry = "[tool.poetry]\nname = \"x\"\nversion = \"1.0.0\"\n";
        assert_eq!(
            statement(pyproject_version, poetry),
            Some((3, version("1.0.0")))
        );
        let dynamic = "[project]\nname = \"x\"\ndynamic = [\"version\"]\n";
        let (line, declared) = statement(pyproject_version, dynamic).unwrap();
        assert!(
            line == 3
                && matches!(declared, Declared::Unstated(ref why) if why.starts_with("dynamic"))
        );
        assert_eq!(statement(pyproject_version, "[tool.black]\n"), None);
    }

    #[test]
    fn package_json_version_is_the_top_level_member() {
        let text = "{\n  \"name\": \"app\",\n  \"engines\": {\"version\": \"9\"},\n  \"description\": \"a \\\"version\\\": x\",\n  \"version\": \"v1.4.0\"\n}\n";
        assert_eq!(
            statement(package_json_version, text),
            Some((5, version("v1.4.0")))
        );
        assert_eq!(
            statement(package_json_version, r#"{"private": true}"#),
            None
        );
        assert!(matches!(
            statement(package_json_version, r#"{"name": "lib"}"#),
            Some((1, Declared::Unstated(_)))
        ));
        assert!(package_json_version("{\"version\": ").is_err());
    }

    #[test]
    fn gradle_prefers_version_name_and_flags_expressions() {
        let android = "android {\n  defaultConfig {\n    versionCode 3\n    versionName \"3.1.0\"\n  }\n}\nversion = '9.9'\n";
        assert_eq!(
            statement(gradle_version, android),
            Some((4, version("3.1.0")))
        );
        let kts = "plugins { kotlin(\"jvm\") version \"1.9.0\" }\nversion = \"2.0.0\" // release\n";
        assert_eq!(statement(gradle_version, kts), Some((2, version("2.0.0"))));
        let computed = "version = computeVersion()\n";
        assert!(matches!(
            statement(gradle_version, computed),
            Some((1, Declared::Unstated(_)))
        ));
        assert_eq!(statement(gradle_version, "dependencies {}\n"), None);
    }

    #[test]
    fn system_globs_give_their_literal_folder() {
        assert_eq!(literal_folder("src/app/**"), "src/app");
        assert_eq!(literal_folder("src/**/*.rs"), "src");
        assert_eq!(literal_folder("**/*.py"), "");
        assert_eq!(literal_folder("./firmware/main.c"), "firmware");
        assert_eq!(literal_folder("tools/"), "tools");
    }
}
