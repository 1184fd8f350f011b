//! `--format html` (the readiness dossier) and `samdscan self-test` (the tool-validation run):
//! the dossier is the same bytes twice, has every section, escapes repository text and speaks
//! Korean; the self-test passes on the built-in corpus and fails when an expectation is changed.

fn dossier(repo: &std::path::Path, extra: &[&str]) -> String {
    let out = crate::common::samdscan()
        .args(["scan", "--format", "html", "--fail-on", "never"])
        .args(extra)
        .arg(repo)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_dossier_is_deterministic_and_has_every_section() {
    let dir = crate::common::import_example("05-untraced-changes");
    let repo = crate::common::example_repo(&dir, "05-untraced-changes");
    let first = dossier(&repo, &[]);
    assert_eq!(first, dossier(&repo, &[]), "same input, same bytes");
    for id in [
        "id=\"cover\"",
        "id=\"summary\"",
        "id=\"rules\"",
        "id=\"trace\"",
        "id=\"sbom\"",
        "id=\"releases\"",
        "id=\"waivers\"",
    ] {
        assert!(first.contains(id), "no section {id}");
    }
    assert!(first.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(first.contains("<svg role=\"img\""), "no pillar bar");
    assert!(first.contains("<th scope=\"col\">"), "tables have headers");
    // The cover names the scanned commit; the evidence files carry git blob ids and SHA-256.
    let head = crate::common::git(&repo, &["rev-parse", "HEAD"]);
    assert!(first.contains(head.trim()), "no scanned commit");
    let blob = crate::common::git(&repo, &["rev-parse", "HEAD:poetry.lock"]);
    assert!(first.contains(blob.trim()), "no blob id of poetry.lock");
    assert!(first.contains("<code>v1.2.0</code>"), "no release tag");
    assert!(first.contains("MFDS-CHG-"), "no change-control rule");
    // Nothing to load from anywhere.
    for external in ["<script", "<link", "src=", "url(", "@import"] {
        assert!(!first.contains(external), "{external} in the dossier");
    }
}

#[test]
fn the_dossier_shows_what_a_pull_request_changes() {
    let dir = crate::common::import_example("05-untraced-changes");
    let repo = crate::common::example_repo(&dir, "05-untraced-changes");
    let page = dossier(&repo, &["--base", "HEAD~1"]);
    assert!(page.contains("id=\"changes\""), "no section of the changes");
}

#[test]
fn the_dossier_escapes_hostile_file_names() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_files(
        dir.path(),
        &[(
            "sbom/<img src=x onerror=alert(1)>&'\".cdx.json",
            "{\"bomFormat\":",
        )],
    );
    let page = dossier(dir.path(), &[]);
    assert!(!page.contains("<img"), "a file name opened an element");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&#39;&quot;.cdx.json"));
}

#[test]
fn the_korean_dossier_is_in_korean() {
    let example = crate::common::import_example("01-cardiowatch-compliant");
    let repo = crate::common::example_repo(&example, "01-cardiowatch-compliant");
    let page = dossier(&repo, &["--lang", "ko", "--as-of", "2026-10-01"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ko\">"));
    assert!(page.contains("인허가 준비 현황 보고서"));
    assert!(page.contains("추적성 매트릭스"));
    assert!(!page.contains("Readiness dossier"));
}

#[test]
fn the_dossier_can_be_an_extra_report_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dossier.html");
    let example = crate::common::import_example("01-cardiowatch-compliant");
    let repo = crate::common::example_repo(&example, "01-cardiowatch-compliant");
    crate::common::samdscan()
        .args(["scan", "--as-of", "2026-10-01", "--report"])
        .arg(format!("html={}", file.display()))
        .arg(&repo)
        .assert()
        .success();
    let page = std::fs::read_to_string(file).unwrap();
    assert_eq!(page, dossier(&repo, &["--as-of", "2026-10-01"]));
}

#[test]
fn self_test_passes_on_the_built_in_corpus() {
    let out = crate::common::samdscan().arg("self-test").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("PASSED  01-cardiowatch-compliant"), "{text}");
    assert!(text.contains("policy pack digest (SHA-256): "), "{text}");
    assert!(text.contains("overall: PASSED"), "{text}");
}

#[test]
fn self_test_fails_when_an_expectation_is_tampered_with() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("examples");
    for entry in walkdir::WalkDir::new(crate::common::examples_dir()) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(crate::common::examples_dir())
            .unwrap();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(corpus.join(rel)).unwrap();
        } else {
            std::fs::copy(entry.path(), corpus.join(rel)).unwrap();
        }
    }
    let readme = corpus.join("08-ai-cxr-leaky-split/README.md");
    let text = std::fs::read_to_string(&readme).unwrap();
    let tampered = text.replacen(
        "## Expected findings\n",
        "## Expected findings\n\n- `MFDS-GEN-001` error: tampered\n",
        1,
    );
    assert_ne!(text, tampered);
    std::fs::write(&readme, tampered).unwrap();
    let out = crate::common::samdscan()
        .args(["self-test", "--corpus"])
        .arg(&corpus)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("FAILED  08-ai-cxr-leaky-split"), "{text}");
    assert!(
        text.contains("missing finding MFDS-GEN-001 error"),
        "{text}"
    );
    assert!(text.contains("PASSED  07-ai-cxr-compliant"), "{text}");
    assert!(text.contains("overall: FAILED"), "{text}");
}
