//! Every lockfile format through `samdscan evidence`: found by name, read by the right parser,
//! paired with its manifest (workspace lockfiles above member manifests), direct dependencies
//! listed at their locked versions, and Dockerfile base images recorded. Per-format quirks are
//! unit-tested beside each parser in `src/evidence/dependencies/`.

use serde_json::Value;
use std::collections::BTreeMap;

const FILES: &[(&str, &str)] = &[
    (
        "Cargo.lock",
        "version = 3\n[[package]]\nname = \"member\"\nversion = \"0.1.0\"\ndependencies = [\"serde\"]\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
    ),
    (
        "crates/member/Cargo.toml",
        "[package]\nname = \"member\"\n[dependencies]\nserde = \"1\"\n",
    ),
    (
        "web/package.json",
        "{\"dependencies\":{\"@angular/core\":\"^16\"}}",
    ),
    (
        "web/package-lock.json",
        "{\"lockfileVersion\":3,\"packages\":{\"\":{\"dependencies\":{\"@angular/core\":\"^16\"}},\"node_modules/@angular/core\":{\"version\":\"16.2.0\"},\"node_modules/tslib\":{\"version\":\"2.6.2\"}}}",
    ),
    ("ui/package.json", "{\"dependencies\":{\"react\":\"^18\"}}"),
    (
        "ui/yarn.lock",
        "# yarn lockfile v1\n\nreact@^18:\n  version \"18.2.0\"\n",
    ),
    (
        "pn/pnpm-lock.yaml",
        "lockfileVersion: '6.0'\ndependencies:\n  ms:\n    specifier: ^2\n    version: 2.1.3\npackages:\n  /ms@2.1.3:\n    resolution: {integrity: sha512-x}\n",
    ),
    (
        "py/pyproject.toml",
        "[project]\nname = \"p\"\ndependencies = [\"Requests>=2\"]\n",
    ),
    (
        "py/requirements-lock.txt",
        "requests==2.32.0\nidna==3.7\n    # via requests\n",
    ),
    (
        "po/poetry.lock",
        "[[package]]\nname = \"zope.interface\"\nversion = \"6.0\"\n",
    ),
    (
        "uv/uv.lock",
        "version = 1\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { virtual = \".\" }\ndependencies = [{ name = \"httpx\" }]\n[[package]]\nname = \"httpx\"\nversion = \"0.27.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n",
    ),
    (
        "pf/Pipfile.lock",
        "{\"_meta\":{},\"default\":{\"flask\":{\"version\":\"==3.0.0\"}}}",
    ),
    (
        "go/go.mod",
        "module example.com/x\n\ngo 1.22\n\nrequire golang.org/x/sys v0.0.0-20230101120000-abcdef123456 // indirect\nrequire github.com/pkg/errors v0.9.1\n",
    ),
    ("go/go.sum", "github.com/pkg/errors v0.9.1 h1:x=\n"),
    ("rb/Gemfile", "gem 'rake'\n"),
    (
        "rb/Gemfile.lock",
        "GEM\n  specs:\n    rake (13.0.6)\n\nDEPENDENCIES\n  rake\n",
    ),
    (
        "php/composer.lock",
        "{\"packages\":[{\"name\":\"symfony/console\",\"version\":\"v5.4.0\"}]}",
    ),
    (
        "jvm/gradle.lockfile",
        "org.slf4j:slf4j-api:2.0.9=runtimeClasspath\nempty=\n",
    ),
    (
        "net/packages.lock.json",
        "{\"version\":1,\"dependencies\":{\"net8.0\":{\"Serilog\":{\"type\":\"Direct\",\"resolved\":\"3.1.1\"}}}}",
    ),
    (
        "swift/Package.resolved",
        "{\"pins\":[{\"identity\":\"swift-nio\",\"state\":{\"version\":\"2.60.0\"}}],\"version\":2}",
    ),
    (
        "ios/Podfile.lock",
        "PODS:\n  - Alamofire (5.8.0)\nDEPENDENCIES:\n  - Alamofire (~> 5.8)\n",
    ),
    (
        "nolock/package.json",
        "{\"dependencies\":{\"left-pad\":\"*\"}}",
    ),
    (
        "Dockerfile",
        "FROM python:3.12-slim@sha256:0123456789abcdef AS build\nFROM build\nFROM nginx:latest\n",
    ),
];

fn evidence() -> Value {
    let repo = crate::common::git_repo(FILES);
    crate::common::evidence_json(repo.path(), &[])
}

#[test]
fn every_format_is_found_and_read() {
    let ev = evidence();
    assert_eq!(ev["diagnostics"], serde_json::json!([]));
    let lockfiles: BTreeMap<&str, (&str, u64)> = ev["dependencies"]["lockfiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap(),
                (
                    l["ecosystem"].as_str().unwrap(),
                    l["package_count"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    let expected: BTreeMap<&str, (&str, u64)> = [
        ("Cargo.lock", ("cargo", 1)),
        ("web/package-lock.json", ("npm", 2)),
        ("ui/yarn.lock", ("npm", 1)),
        ("pn/pnpm-lock.yaml", ("npm", 1)),
        ("py/requirements-lock.txt", ("pypi", 2)),
        ("po/poetry.lock", ("pypi", 1)),
        ("uv/uv.lock", ("pypi", 1)),
        ("pf/Pipfile.lock", ("pypi", 1)),
        ("go/go.mod", ("golang", 2)),
        ("rb/Gemfile.lock", ("gem", 1)),
        ("php/composer.lock", ("composer", 1)),
        ("jvm/gradle.lockfile", ("maven", 1)),
        ("net/packages.lock.json", ("nuget", 1)),
        ("swift/Package.resolved", ("swift", 1)),
        ("ios/Podfile.lock", ("cocoapods", 1)),
    ]
    .into_iter()
    .collect();
    assert_eq!(lockfiles, expected);
}

#[test]
fn manifests_pair_with_lockfiles_and_direct_dependencies_are_locked() {
    let ev = evidence();
    let pairs: BTreeMap<&str, Option<&str>> = ev["dependencies"]["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["path"].as_str().unwrap(), m["lockfile"].as_str()))
        .collect();
    assert_eq!(pairs["crates/member/Cargo.toml"], Some("Cargo.lock"));
    assert_eq!(pairs["py/pyproject.toml"], Some("py/requirements-lock.txt"));
    assert_eq!(pairs["go/go.mod"], Some("go/go.sum"));
    assert_eq!(pairs["nolock/package.json"], None);
    let direct: Vec<(&str, &str, bool)> = ev["dependencies"]["direct"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap(),
                d["version"].as_str().unwrap(),
                d["locked"].as_bool().unwrap(),
            )
        })
        .collect();
    for expected in [
        ("serde", "1.0.200", true),
        ("@angular/core", "16.2.0", true),
        ("requests", "2.32.0", true),
        ("httpx", "0.27.0", true),
        ("github.com/pkg/errors", "v0.9.1", true),
        ("rake", "13.0.6", true),
        ("Serilog", "3.1.1", true),
        ("Alamofire", "5.8.0", true),
        ("left-pad", "*", false),
    ] {
        assert!(direct.contains(&expected), "{expected:?} not in {direct:?}");
    }
    assert!(
        !direct
            .iter()
            .any(|d| d.0 == "idna" || d.0 == "tslib" || d.0 == "golang.org/x/sys")
    );
    let images: Vec<(u64, bool)> = ev["dependencies"]["base_images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["line"].as_u64().unwrap(), i["pinned"].as_bool().unwrap()))
        .collect();
    assert_eq!(images, [(1, true), (3, false)]);
}
