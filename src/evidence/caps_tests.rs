//! The extractors' caps, each hit on purpose: a record cut at its cap says so (a flag, or a
//! count beside what is kept) and the file is named in a diagnostic with the count, so no cap
//! changes a verdict unseen (the policies' side: `policies/lib/truncated.rego`).

use super::context::memory_source::MemorySource;
use super::{Diagnostic, registry};
use serde_json::Value;

/// The record of extractor `key` over `files`, and the diagnostics of the scan.
fn collect(key: &str, files: &[(&str, String)]) -> (Value, Vec<Diagnostic>) {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    MemorySource::from_bytes(&files).with_context(|ctx| {
        let extractor = registry().into_iter().find(|x| x.key() == key).unwrap();
        (extractor.collect(ctx), ctx.take_diagnostics())
    })
}

/// The messages of the diagnostics about `path`.
fn about<'d>(diagnostics: &'d [Diagnostic], path: &str) -> Vec<&'d str> {
    diagnostics
        .iter()
        .filter(|d| d.path == path)
        .map(|d| d.message.as_str())
        .collect()
}

/// A Trivy report of `n` critical vulnerabilities (one CVE in `n` packages).
fn trivy(n: usize) -> String {
    let vulns: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"VulnerabilityID": "CVE-2026-4242", "PkgName": "pkg{i}", "InstalledVersion": "1.0", "Severity": "CRITICAL"}}"#))
        .collect();
    format!(
        r#"{{"SchemaVersion": 2, "CreatedAt": "2026-09-25T10:00:00Z", "ArtifactName": ".", "Results": [{{"Target": "requirements.txt", "Vulnerabilities": [{}]}}]}}"#,
        vulns.join(",")
    )
}

#[test]
fn serious_vulnerabilities_past_the_cap_are_flagged_and_named() {
    let (whole, d) = collect("vulnerability_scans", &[("trivy.json", trivy(500))]);
    assert_eq!(
        (&whole["reports"][0]["serious_truncated"], d.len()),
        (&Value::Bool(false), 0)
    );
    let (cut, d) = collect("vulnerability_scans", &[("trivy.json", trivy(501))]);
    let r = &cut["reports"][0];
    assert_eq!(
        (
            &r["serious_truncated"],
            &r["serious_count"],
            r["serious"].as_array().unwrap().len()
        ),
        (&Value::Bool(true), &Value::from(501), 500)
    );
    assert_eq!(
        about(&d, "trivy.json"),
        [
            "lists 501 serious vulnerabilities; only the first 500 are kept in the evidence, so the rules that judge them are not evaluated"
        ]
    );
}

/// An OpenVEX document of `n` statements.
fn openvex(n: usize) -> String {
    let statements: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"vulnerability": "CVE-2026-{i:05}", "status": "fixed"}}"#))
        .collect();
    format!(
        r#"{{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{}]}}"#,
        statements.join(",")
    )
}

/// A CycloneDX SBOM with `n` VEX analyses.
fn cyclonedx_vex(n: usize) -> String {
    let vulns: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "CVE-2026-{i:05}", "analysis": {{"state": "resolved"}}}}"#))
        .collect();
    format!(
        r#"{{"bomFormat": "CycloneDX", "specVersion": "1.6", "vulnerabilities": [{}]}}"#,
        vulns.join(",")
    )
}

#[test]
fn vex_statements_past_the_cap_are_flagged_and_named() {
    let (vex, d) = collect("vex", &[("vex/app.openvex.json", openvex(201))]);
    let v = &vex["documents"][0]["vex"];
    assert_eq!(
        (
            &v["truncated"],
            &v["count"],
            v["statements"].as_array().unwrap().len()
        ),
        (&Value::Bool(true), &Value::from(201), 200)
    );
    assert_eq!(
        about(&d, "vex/app.openvex.json"),
        [
            "holds 201 VEX statements; only the first 200 are kept in the evidence, so the rules that read them are not evaluated"
        ]
    );
    let (sboms, d) = collect("sboms", &[("sbom/app.cdx.json", cyclonedx_vex(201))]);
    assert_eq!(sboms[0]["vex"]["truncated"], true);
    assert_eq!(about(&d, "sbom/app.cdx.json").len(), 1);
    let (whole, d) = collect("vex", &[("vex/app.openvex.json", openvex(200))]);
    assert_eq!(
        (&whole["documents"][0]["vex"]["truncated"], d.len()),
        (&Value::Bool(false), 0)
    );
}

#[test]
fn soup_entries_past_the_cap_are_flagged_and_named() {
    let rows: String = (0..5001).map(|i| format!("lib{i},1.0\n")).collect();
    let (soup, d) = collect(
        "soup",
        &[("docs/soup.csv", format!("name,version\n{rows}"))],
    );
    let list = &soup["lists"][0];
    assert_eq!(
        (
            &list["truncated"],
            list["entries"].as_array().unwrap().len()
        ),
        (&Value::Bool(true), 5000)
    );
    assert_eq!(
        about(&d, "docs/soup.csv"),
        [
            "lists 5001 SOUP items; only the first 5000 are kept in the evidence, so the rules that read them are not evaluated"
        ]
    );
}

#[test]
fn direct_dependencies_past_the_cap_are_flagged_and_named() {
    let reqs: String = (0..2001).map(|i| format!("lib{i}==1.0\n")).collect();
    let (deps, d) = collect("dependencies", &[("requirements.txt", reqs)]);
    assert_eq!(
        (
            &deps["direct_truncated"],
            &deps["direct_total"],
            deps["direct"].as_array().unwrap().len()
        ),
        (&Value::Bool(true), &Value::from(2001), 2000)
    );
    assert_eq!(
        about(&d, "requirements.txt"),
        [
            "the manifests and lockfiles declare 2001 direct dependencies; only the first 2000 are kept in the evidence, so the rules that read them are not evaluated"
        ]
    );
}

#[test]
fn a_document_longer_than_the_text_cap_is_named() {
    let long = format!(
        "# Software development plan\n\n{}",
        "plan text. ".repeat(7000)
    );
    let (docs, d) = collect("documents", &[("docs/sdp.md", long)]);
    let doc = &docs["software_development_plan"][0];
    assert_eq!(doc["text_truncated"], true, "{doc}");
    let messages = about(&d, "docs/sdp.md");
    assert!(
        messages.len() == 1 && messages[0].starts_with("77029 bytes of text; only the first 65536"),
        "{messages:?}"
    );
}

#[test]
fn a_source_file_over_the_size_cap_is_named() {
    let big = format!("# Verifies: REQ-1\n{}", "x = 1\n".repeat(200_000));
    let (refs, d) = collect("requirement_references", &[("src/big.py", big)]);
    assert_eq!(refs["skipped"][0]["path"], "src/big.py");
    assert_eq!(
        about(&d, "src/big.py"),
        ["1200018 bytes, over 1048576: not searched for requirement references"]
    );
}

#[test]
fn pages_an_index_leads_to_past_its_bounds_are_named() {
    let mut files: Vec<(String, String)> = vec![];
    let links: String = (0..42).map(|i| format!("- [p{i}](p{i:02}.md)\n")).collect();
    files.push(("docs/sdp/index.md".into(), format!("# Plan\n{links}")));
    for i in 0..42 {
        files.push((
            format!("docs/sdp/p{i:02}.md"),
            format!("# Part {i}\ntext\n"),
        ));
    }
    let deep = [
        ("docs/sop/index.md", "# SOP\n- [a](a.md)\n"),
        ("docs/sop/a.md", "# A\n- [b](b.md)\n"),
        ("docs/sop/b.md", "# B\n- [c](c.md)\n- [back](index.md)\n"),
        ("docs/sop/c.md", "# C\n"),
    ];
    files.extend(deep.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    MemorySource::from_bytes(&files).with_context(|ctx| {
        let wide = super::documents::read_regulatory_document(ctx, "docs/sdp/index.md").unwrap();
        assert_eq!(wide.linked_pages.len(), 40);
        let narrow = super::documents::read_regulatory_document(ctx, "docs/sop/index.md").unwrap();
        assert_eq!(narrow.linked_pages, ["docs/sop/a.md", "docs/sop/b.md"]);
        let d = ctx.take_diagnostics();
        assert_eq!(
            about(&d, "docs/sdp/index.md"),
            ["2 of the pages this index page leads to lie past its bounds (at most 40 pages, 2 links deep) and are not judged as its content: docs/sdp/p40.md, docs/sdp/p41.md"]
        );
        assert_eq!(
            about(&d, "docs/sop/index.md"),
            ["1 of the pages this index page leads to lie past its bounds (at most 40 pages, 2 links deep) and are not judged as its content: docs/sop/c.md"]
        );
    });
}
