//! Malformed SBOMs, lockfiles, manifests and SOUP lists give a diagnostic naming the file (and a
//! record with `parsed: false`), never a panic and never a silent pass; files over
//! `evidence.max_file_size` are refused before they are read.

use serde_json::Value;

fn diagnostics_for(ev: &Value, path: &str) -> Vec<String> {
    ev["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == path)
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn malformed_inputs_are_diagnosed_by_name() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_files(
        dir.path(),
        &[
            (
                "sbom/truncated.cdx.json",
                r#"{"bomFormat":"CycloneDX","specVersion":"1.6","compo"#,
            ),
            ("sbom/deep.cdx.json", deep.as_str()),
            (
                "bom.xml",
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components>",
            ),
            (
                "package-lock.json",
                r#"{"lockfileVersion":3,"packages":{"node_modules/a":"#,
            ),
            ("web/package-lock.json", deep.as_str()),
            ("Cargo.lock", "package = 5\n"),
            ("yarn.lock", "this is not\n  a lockfile\n"),
            ("pnpm-lock.yaml", "lockfileVersion: [\n"),
            ("composer.json", "{\"require\": "),
            ("docs/soup-list.csv", "a,b\n1,2\n"),
        ],
    );
    std::fs::write(dir.path().join("Gemfile.lock"), b"GEM\n\0\0binary").unwrap();
    std::fs::write(
        dir.path().join("requirements.txt"),
        b"numpy==1.0\n\xff\xfe\n",
    )
    .unwrap();
    let ev = crate::common::evidence_json(dir.path(), &[]);
    for path in [
        "sbom/truncated.cdx.json",
        "sbom/deep.cdx.json",
        "bom.xml",
        "package-lock.json",
        "web/package-lock.json",
        "Cargo.lock",
        "yarn.lock",
        "pnpm-lock.yaml",
        "composer.json",
        "docs/soup-list.csv",
        "Gemfile.lock",
        "requirements.txt",
    ] {
        assert!(
            !diagnostics_for(&ev, path).is_empty(),
            "no diagnostic for {path}: {}",
            ev["diagnostics"]
        );
    }
    let unparsed: Vec<&str> = ev["dependencies"]["lockfiles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["parsed"] == false)
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    assert_eq!(unparsed.len(), 7, "{unparsed:?}");
    assert!(
        ev["sboms"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["parsed"] == false)
    );
}

#[test]
fn a_100_mb_sbom_is_refused_by_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = br#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":["#.to_vec();
    big.resize(100 * 1024 * 1024, b' ');
    big.extend_from_slice(b"]}");
    std::fs::create_dir_all(dir.path().join("sbom")).unwrap();
    std::fs::write(dir.path().join("sbom/big.cdx.json"), &big).unwrap();
    std::fs::write(dir.path().join("package-lock.json"), &big).unwrap();
    let ev = crate::common::evidence_json(dir.path(), &[]);
    for path in ["sbom/big.cdx.json", "package-lock.json"] {
        let d = diagnostics_for(&ev, path);
        assert!(
            d.iter()
                .any(|m| m.contains("max_file_size") || m.contains("larger")),
            "{path}: {d:?}"
        );
    }
    assert_eq!(ev["sboms"][0]["parsed"], false);
}

/// Files the user's `evidence.lockfile` and `evidence.manifest` globs name but samdscan cannot
/// read (an unknown format, a format not read, a lock that does not parse, a manifest with no
/// reader) are each a SAMDSCAN-004 finding naming the file, never dropped.
#[test]
fn unreadable_files_named_by_user_globs_are_input_problems() {
    let repo = crate::common::git_repo(&[
        (
            ".samdscan.yaml",
            "evidence:\n  lockfile: [\"deps/*.lock\"]\n  manifest: [\"deps/*.toml\", \"environment.yml\"]\n",
        ),
        ("deps/flake.lock", "{\"nodes\": {}}"),
        ("deps/mix.lock", "%{\"jason\": {:hex, :jason, \"1.4.1\"}}\n"),
        ("deps/broken.lock", "{\"locked_resolves\": [\n"),
        ("deps/poetry.lock", "[[package]\n"),
        ("deps/tools.toml", "[tool]\n"),
        ("environment.yml", "dependencies:\n  - numpy=1.26\n"),
    ]);
    let report = crate::common::scan_json(repo.path());
    let mut paths: Vec<&str> = crate::common::findings_of(&report, "SAMDSCAN-004")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "deps/broken.lock",
            "deps/flake.lock",
            "deps/mix.lock",
            "deps/poetry.lock",
            "deps/tools.toml",
            "environment.yml"
        ]
    );
    let ev = crate::common::evidence_json(repo.path(), &[]);
    let mix = diagnostics_for(&ev, "deps/mix.lock");
    assert!(mix[0].contains("does not read mix.lock"), "{mix:?}");
    assert!(diagnostics_for(&ev, "deps/tools.toml")[0].contains("not a manifest samdscan reads"));
}
