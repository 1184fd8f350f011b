//! Repository-controlled text cannot steer the outputs: a tracked file name with a newline and a
//! `::error` workflow command, and a commit subject with a Markdown image, HTML and backticks,
//! stay on their line in the text report and on standard error, and stay text in Markdown.

use std::path::Path;

const HOSTILE_SBOM: &str = "sbom/x\n::error file=a::owned.cdx.json";
const TICKED_SBOM: &str = "sbom/a``b`](evil)|x.cdx.json";
const SUBJECT: &str = "![x](https://evil.example/i.png) <img src=x onerror=alert(1)> `code`";

fn hostile_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::git(dir.path(), &["init", "-q"]);
    crate::common::write_files(
        dir.path(),
        &[
            ("README.md", "# Product\n"),
            (HOSTILE_SBOM, "{broken"),
            (TICKED_SBOM, "{broken"),
        ],
    );
    crate::common::git(dir.path(), &["add", "-A"]);
    crate::common::git(dir.path(), &["commit", "-q", "-m", SUBJECT]);
    dir
}

fn scan(repo: &Path, format: &str) -> (String, String) {
    let out = crate::common::samdscan()
        .args(["scan", "--format", format])
        .arg(repo)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2));
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// No line of a log may start (after blanks) with `::`, which the Actions runner reads as a
/// workflow command.
fn assert_no_workflow_command(what: &str, text: &str) {
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what} has a workflow command line: {line}"
        );
    }
}

#[test]
fn file_names_cannot_start_a_line_in_text_or_on_stderr() {
    let repo = hostile_repo();
    let (text, stderr) = scan(repo.path(), "text");
    assert_no_workflow_command("the text report", &text);
    assert_no_workflow_command("standard error", &stderr);
    assert!(
        text.contains("sbom/x\\n::error file=a::owned.cdx.json"),
        "the name is shown, escaped: {text}"
    );
    assert!(
        stderr.contains("warning: sbom/x\\n::error file=a::owned.cdx.json: SBOM does not parse"),
        "{stderr}"
    );
}

#[test]
fn markdown_shows_names_and_subjects_as_text() {
    let repo = hostile_repo();
    let (md, _) = scan(repo.path(), "markdown");
    assert_no_workflow_command("the Markdown summary", &md);
    assert!(
        !md.contains("![x]("),
        "an image from a commit subject: {md}"
    );
    assert!(!md.contains("<img"), "HTML from a commit subject: {md}");
    assert!(
        md.contains("\\!\\[x\\]\\(https://evil.example/i.png\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\`code\\`"),
        "{md}"
    );
    // A code span longer than any backtick run in the name keeps it in one span.
    assert!(
        md.contains("| ```sbom/a``b`](evil)\\|x.cdx.json:1``` |"),
        "{md}"
    );
    let findings = md.split("### Findings").nth(1).unwrap().trim_start();
    let findings = findings.split("\n\n").next().unwrap();
    assert!(findings.lines().count() > 2, "{findings}");
    for row in findings.lines() {
        let cells = row.matches('|').count() - row.matches("\\|").count();
        assert_eq!(cells, 5, "a table row split by a name: {row}");
    }
}
