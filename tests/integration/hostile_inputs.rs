//! Hostile repositories, built here by test code: symlinks of every kind (the config among them),
//! huge sparse files, many files, deep nesting in each structured format, YAML and XML bombs,
//! external entities, binary and invalid UTF-8 text, odd file names, and git repositories that
//! are shallow, corrupt, missing objects, empty, bare, worktrees, with submodules, 10,000 tags
//! or a 1 MB commit message. Every scan must end (a timeout here), without a panic, within a
//! bounded peak memory (measured with `/usr/bin/time` where it exists), and name the file or
//! object it could not use. `.ci/integrations.sh` scans a hostile repository under `strace` to
//! check that nothing outside the root is opened.
#![cfg(unix)]

use crate::common::{git, git_repo, git_repo_with, samdscan, write_files};
use serde_json::Value;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::Duration;

/// How long one scan of a hostile repository may take (a debug build on a busy machine).
const SCAN_TIMEOUT: Duration = Duration::from_secs(120);
/// The most memory one scan of these small repositories may use.
const PEAK_MEMORY_KIB: u64 = 1024 * 1024;

/// What one scan did.
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    fn report(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("no JSON report ({e}); stderr: {}", self.stderr))
    }

    /// The messages of every finding of `rule`.
    fn messages(&self, rule: &str) -> Vec<String> {
        let report = self.report();
        let findings = report["findings"].as_array().unwrap();
        (findings.iter())
            .filter(|f| f["rule_id"] == rule)
            .map(|f| f["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Asserts a finding of `rule` whose message contains `text`.
    fn has(&self, rule: &str, text: &str) {
        let found = self.messages(rule);
        assert!(
            found.iter().any(|m| m.contains(text)),
            "no {rule} finding containing {text:?}: {found:?}"
        );
    }
}

/// `samdscan scan --format json ARGS ROOT` under the timeout (and `/usr/bin/time` when present):
/// asserts it ended by itself, without a panic, within [`PEAK_MEMORY_KIB`].
fn scan(root: &Path, args: &[&str]) -> Outcome {
    let measured = Path::new("/usr/bin/time").exists();
    let peak_file = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = if measured {
        let mut c = assert_cmd::Command::new("/usr/bin/time");
        c.args(["-f", "%M", "-o"]).arg(peak_file.path());
        c.arg(assert_cmd::cargo::cargo_bin("samdscan"));
        c
    } else {
        samdscan()
    };
    cmd.args(["scan", "--format", "json", "--fail-on", "never", "--as-of"])
        .arg("2026-10-01")
        .args(args)
        .arg(root)
        .timeout(SCAN_TIMEOUT);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed (timeout or signal) {:?}: {stderr}", out.status));
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(code == 0 || code == 2, "exit {code}: {stderr}");
    if measured {
        let text = std::fs::read_to_string(peak_file.path()).unwrap();
        let kib: u64 = text
            .lines()
            .last()
            .unwrap_or("0")
            .trim()
            .parse()
            .unwrap_or(0);
        assert!(kib < PEAK_MEMORY_KIB, "peak memory {kib} KiB");
    }
    Outcome {
        code,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

/// A file outside every repository, with a marker that must never appear in any output.
fn secret() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.yaml");
    std::fs::write(&file, "root:x:0:0:SECRET-MARKER:/root:/bin/bash\n").unwrap();
    (dir, file)
}

fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

// ---- the config and the files it names ----

#[test]
fn a_config_symlink_out_of_the_root_is_refused_unread() {
    let (_dir, secret) = secret();
    for location in [".samdscan.yaml", ".github/samdscan.yaml"] {
        let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
            std::fs::create_dir_all(dir.join(".github")).unwrap();
            symlink(&secret, dir.join(location));
        });
        let out = scan(repo.path(), &[]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                "{location}: is a symlink to a file outside the repository"
            )),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("SECRET-MARKER"), "{}", out.stderr);
    }
    // A `.github` folder that is itself a symlink out of the root.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("samdscan.yaml"), "SECRET-MARKER: 1\n").unwrap();
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        symlink(outside.path(), dir.join(".github"));
    });
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(".github/samdscan.yaml: is a symlink"));
    assert!(!out.stderr.contains("SECRET-MARKER"));
}

#[test]
fn a_config_named_on_the_command_line_is_read_where_it_is() {
    let outside = tempfile::tempdir().unwrap();
    let config = outside.path().join("samdscan.yaml");
    std::fs::write(&config, "product: {name: Outside}\n").unwrap();
    let repo = git_repo(&[("README.md", "# r\n")]);
    let out = scan(repo.path(), &["--config", config.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_huge_sparse_config_is_refused_without_reading_it() {
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        let f = std::fs::File::create(dir.join(".samdscan.yaml")).unwrap();
        f.set_len(2 << 30).unwrap();
    });
    let start = std::time::Instant::now();
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(".samdscan.yaml: is over the 1048576-byte limit"),
        "{}",
        out.stderr
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn config_errors_show_short_escaped_excerpts() {
    let long = "A".repeat(5000);
    let config = format!("product:\n  grade: \"{long}\\u001b[31m\"\n  name: [\"\\u001b]8;;x\"]\n");
    let repo = git_repo(&[("README.md", "# r\n"), (".samdscan.yaml", &config)]);
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(".samdscan.yaml:2:"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    assert!(
        out.stderr.lines().all(|l| l.chars().count() < 400),
        "{}",
        out.stderr
    );
}

#[test]
fn config_paths_out_of_the_root_are_config_errors() {
    let policies = tempfile::tempdir().unwrap();
    write_files(
        policies.path(),
        &[(
            "p.rego",
            "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: USER-001\n#   severity: warning\npackage user.outside\n\nimport rego.v1\n\ndeny contains f if {\n\tf := {\"msg\": \"OUTSIDE POLICY RAN\"}\n}\n",
        )],
    );
    let outside = policies.path().to_str().unwrap().to_string();
    let cases = [
        ("policies:\n  paths: [../elsewhere]\n", "policies.paths[0]"),
        (
            &format!("policies:\n  paths: [{outside}]\n"),
            "policies.paths[0]",
        ),
        ("policies:\n  paths: [policy]\n", "policies.paths[0]"),
        ("evidence:\n  index: /etc/passwd\n", "evidence.index"),
        ("evidence:\n  index: ../../index.yaml\n", "evidence.index"),
        ("evidence:\n  index: linked.yaml\n", "evidence.index"),
    ];
    for (config, key) in cases {
        let repo = git_repo_with(&[("README.md", "# r\n"), (".samdscan.yaml", config)], |d| {
            symlink(policies.path(), d.join("policy"));
            symlink("/etc/passwd", d.join("linked.yaml"));
        });
        let out = scan(repo.path(), &[]);
        assert_eq!(out.code, 2, "{config}: {}", out.stderr);
        assert!(
            out.stderr.contains(".samdscan.yaml:2:")
                && out.stderr.contains(key)
                && out.stderr.contains("inside the repository"),
            "{config}: {}",
            out.stderr
        );
        assert!(!out.stdout.contains("OUTSIDE POLICY RAN"));
    }
    // The same folder named with --policy is the user's choice, and runs.
    let repo = git_repo(&[("README.md", "# r\n")]);
    let out = scan(repo.path(), &["--policy", &outside]);
    out.has("USER-001", "OUTSIDE POLICY RAN");
}

#[test]
fn a_huge_policy_file_in_the_repository_is_refused_by_name() {
    // A plain folder: `git add` would hash all 2 GiB.
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("README.md", "# r\n"),
            (".samdscan.yaml", "policies:\n  paths: [policy]\n"),
        ],
    );
    std::fs::create_dir(dir.path().join("policy")).unwrap();
    let f = std::fs::File::create(dir.path().join("policy/huge.rego")).unwrap();
    f.set_len(2 << 30).unwrap();
    let out = scan(dir.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("policy/huge.rego: cannot read policy: file is 2147483648 bytes"),
        "{}",
        out.stderr
    );
}

// ---- symlinks, big and many files, odd names, bad text ----

#[test]
fn symlinks_of_every_kind_are_recorded_not_followed() {
    let (_dir, secret) = secret();
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        std::fs::create_dir_all(dir.join("docs")).unwrap();
        symlink(&secret, dir.join("docs/risk-table.yaml"));
        symlink(secret.parent().unwrap(), dir.join("outside-dir"));
        symlink(".git/config", dir.join("git-config.yaml"));
        symlink("../../../../../../etc/passwd", dir.join("docs/up.md"));
        symlink("loop-b", dir.join("loop-a"));
        symlink("loop-a", dir.join("loop-b"));
        symlink(".", dir.join("self"));
        symlink("nowhere", dir.join("dangling.cdx.json"));
    });
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("SECRET-MARKER"));
    for link in ["docs/risk-table.yaml", "outside-dir", "docs/up.md"] {
        out.has("SAMDSCAN-004", &format!("{link} is a symlink"));
    }
    // The same tree as a plain folder (the walk, not the git index).
    std::fs::remove_dir_all(repo.path().join(".git")).unwrap();
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("SECRET-MARKER"));
    out.has("SAMDSCAN-004", "docs/risk-table.yaml is a symlink");
}

#[test]
fn a_huge_sparse_evidence_file_is_named_and_skipped() {
    // A plain folder: `git add` would hash all 3 GiB.
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &[("README.md", "# r\n")]);
    std::fs::create_dir_all(dir.path().join("sbom")).unwrap();
    let f = std::fs::File::create(dir.path().join("sbom/huge.cdx.json")).unwrap();
    f.set_len(3 << 30).unwrap();
    let out = scan(dir.path(), &[]);
    out.has(
        "SAMDSCAN-004",
        "sbom/huge.cdx.json: file is 3221225472 bytes",
    );
}

#[test]
fn many_files_scan_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        let folder = dir.path().join(format!("d{i}"));
        std::fs::create_dir(&folder).unwrap();
        for j in 0..100 {
            std::fs::write(folder.join(format!("f{j}.txt")), "x").unwrap();
        }
    }
    let out = scan(dir.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn odd_file_names_and_bad_text_are_diagnostics() {
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        std::fs::create_dir_all(dir.join("docs")).unwrap();
        std::fs::write(dir.join("docs/risk\nmanagement-plan.md"), "# Plan\n").unwrap();
        std::fs::write(dir.join("docs/risk-table.csv"), b"ID,Hazard\n\xff\xfe,x\n").unwrap();
        std::fs::write(dir.join("docs/hazard-log.yaml"), b"\x00\x01binary\x00").unwrap();
        std::fs::write(
            dir.join(std::ffi::OsStr::from_bytes(b"docs/bad-\xff.md")),
            "# x\n",
        )
        .unwrap();
    });
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.has("SAMDSCAN-004", "docs/risk-table.csv: not valid UTF-8");
    out.has("SAMDSCAN-004", "docs/hazard-log.yaml: binary content");
    out.has("SAMDSCAN-004", "path is not UTF-8");
}

// ---- nesting and bombs, one per format ----

#[test]
fn deep_nesting_in_every_format_is_refused_by_name() {
    let n = 200_000;
    let yaml = format!("risks: {}", "[".repeat(n));
    let xml = |root: &str, inner: &str| {
        format!(
            "<?xml version=\"1.0\"?>{root}{}{}",
            format!("<{inner}>").repeat(n / 10),
            format!("</{inner}>").repeat(n / 10)
        )
    };
    let cdx = xml(
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components>",
        "component",
    );
    let junit = xml("<testsuites>", "testsuite");
    let cobertura = xml("<coverage line-rate=\"0.5\"><packages>", "package");
    let json = format!("{{\"bomFormat\":\"CycloneDX\",\"x\":{}}}", "[".repeat(n));
    let toml = format!("[[package]]\nname = \"x\"\nversion = {}\n", "[".repeat(n));
    let index = format!("MFDS-PMS-001: {}", "{a: ".repeat(n / 4));
    let repo = git_repo(&[
        ("README.md", "# r\n"),
        ("docs/risk-table.yaml", &yaml),
        ("sbom/deep.cdx.xml", &cdx),
        ("reports/junit.xml", &junit),
        ("reports/coverage.xml", &cobertura),
        ("sbom/deep.cdx.json", &json),
        (
            "Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
        ),
        ("Cargo.lock", &toml),
        ("regulatory/evidence-index.yaml", &index),
    ]);
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diagnostics = out.messages("SAMDSCAN-004").join("\n");
    for (file, why) in [
        ("docs/risk-table.yaml", "deeper than 64 flow levels"),
        (
            "regulatory/evidence-index.yaml",
            "deeper than 64 flow levels",
        ),
        ("reports/junit.xml", "deeper than 256 elements"),
        ("reports/coverage.xml", "deeper than 256 elements"),
    ] {
        assert!(
            diagnostics
                .lines()
                .any(|l| l.starts_with(file) && l.contains(why)),
            "{file}: {why}: {diagnostics}"
        );
    }
    // The SBOMs are judged by MFDS-CYB-001, which names them and why.
    let cyb = out.messages("MFDS-CYB-001").join("\n");
    assert!(
        cyb.contains("sbom/deep.cdx.xml") && cyb.contains("deeper than 256"),
        "{cyb}"
    );
    assert!(
        cyb.contains("sbom/deep.cdx.json") && cyb.contains("recursion limit"),
        "{cyb}"
    );
    assert!(
        diagnostics
            .lines()
            .any(|l| l.starts_with("Cargo.lock") && l.contains("invalid TOML")),
        "{diagnostics}"
    );
    // Diagnostics quote at most a short excerpt of what the parsers saw.
    assert!(
        diagnostics.lines().all(|l| l.chars().count() < 600),
        "{diagnostics}"
    );
}

#[test]
fn a_deep_config_is_a_config_error_at_its_line() {
    let config = format!("product:\n  name: {}\n", "[".repeat(200_000));
    let repo = git_repo(&[("README.md", "# r\n"), (".samdscan.yaml", &config)]);
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(".samdscan.yaml:2:1: YAML nested deeper than 64"),
        "{}",
        out.stderr
    );
}

#[test]
fn yaml_and_xml_bombs_and_external_entities_are_not_expanded() {
    let (_dir, secret) = secret();
    let mut laughs = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        laughs.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let risks = format!("{laughs}risks: [{{id: R-1, hazard: *i}}]\n");
    let secret = secret.display();
    let entities = format!(
        "<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"file://{secret}\"><!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
    );
    let cdx = format!(
        "<?xml version=\"1.0\"?>{entities}<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><metadata><component type=\"application\"><name>app&xxe;&lol3;</name><version>1.0</version></component></metadata></bom>"
    );
    let junit = format!(
        "<?xml version=\"1.0\"?>{entities}<testsuite name=\"&xxe;\"><testcase name=\"&lol3;\"/></testsuite>"
    );
    let repo = git_repo(&[
        ("README.md", "# r\n"),
        ("docs/risk-table.yaml", &risks),
        ("sbom/app.cdx.xml", &cdx),
        ("reports/junit.xml", &junit),
    ]);
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("SECRET-MARKER"));
    assert!(!out.stdout.contains("lollollol"));
    let evidence = samdscan()
        .args(["evidence"])
        .arg(repo.path())
        .timeout(SCAN_TIMEOUT)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&evidence.stdout);
    assert!(!text.contains("SECRET-MARKER") && !text.contains("lollollol"));
    assert!(text.len() < 1 << 20, "evidence of {} bytes", text.len());
}

// ---- git repositories ----

#[test]
fn odd_git_repositories_scan_without_panicking() {
    // Empty (unborn HEAD).
    let empty = tempfile::tempdir().unwrap();
    git(empty.path(), &["init", "-q"]);
    assert_eq!(scan(empty.path(), &[]).code, 0);
    // Bare.
    let bare = tempfile::tempdir().unwrap();
    git(bare.path(), &["init", "-q", "--bare"]);
    assert_eq!(scan(bare.path(), &[]).code, 0);
    // Shallow clone, a worktree and a submodule.
    let origin = git_repo(&[("README.md", "# r\n")]);
    for i in 0..3 {
        crate::common::commit_files(origin.path(), &[("f.txt", &i.to_string())], "Change (CR-2)");
    }
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let out = scan(&clones.path().join("shallow"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    git(origin.path(), &["worktree", "add", "-q", "../wt-of-origin"]);
    let worktree = origin.path().parent().unwrap().join("wt-of-origin");
    let out = scan(&worktree, &[]);
    std::fs::remove_dir_all(&worktree).unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let with_sub = git_repo(&[("README.md", "# r\n")]);
    git(
        with_sub.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            &url,
            "lib",
        ],
    );
    git(
        with_sub.path(),
        &["commit", "-q", "-m", "Add submodule (CR-3)"],
    );
    assert_eq!(scan(with_sub.path(), &[]).code, 0);
}

#[test]
fn corrupt_and_missing_git_objects_are_named() {
    let repo = git_repo(&[("README.md", "# r\n"), ("docs/a.md", "# A\n")]);
    crate::common::commit_files(repo.path(), &[("docs/a.md", "# A2\n")], "Edit (CR-2)");
    let object = |rev: &str| {
        let id = git(repo.path(), &["rev-parse", rev]).trim().to_string();
        repo.path()
            .join(".git/objects")
            .join(&id[..2])
            .join(&id[2..])
    };
    // The first commit's version of docs/a.md goes missing; the first commit is not zlib at all.
    std::fs::remove_file(object("HEAD~1:docs/a.md")).unwrap();
    let commit = object("HEAD~1");
    std::fs::remove_file(&commit).unwrap();
    std::fs::write(&commit, b"this is not a zlib stream").unwrap();
    let out = scan(repo.path(), &[]);
    assert!(
        out.code == 0 || out.stderr.contains("object"),
        "{}",
        out.stderr
    );
    // The loose-object check refuses the repository before the revision is read, naming the
    // corrupt object itself.
    let corrupt_id = format!(
        "{}{}",
        commit
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy(),
        commit.file_name().unwrap().to_string_lossy()
    );
    let out = scan(repo.path(), &["--rev", "HEAD~1"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(&corrupt_id), "{}", out.stderr);
}

#[test]
fn ten_thousand_tags_and_a_megabyte_commit_message() {
    let repo = git_repo(&[("README.md", "# r\n")]);
    let head = git(repo.path(), &["rev-parse", "HEAD"]).trim().to_string();
    let refs: String = (0..10_000)
        .map(|i| format!("create refs/tags/v0.{i}.0 {head}\n"))
        .collect();
    let mut update = std::process::Command::new("git")
        .args(["update-ref", "--stdin"])
        .current_dir(repo.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(update.stdin.as_mut().unwrap(), refs.as_bytes()).unwrap();
    assert!(update.wait().unwrap().success());
    let message = format!("Huge (CR-9)\n\n{}", "words and more words\n".repeat(50_000));
    write_files(
        repo.path(),
        &[("f.txt", "x"), (".git/message.txt", &message)],
    );
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-F", ".git/message.txt"]);
    let out = scan(repo.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn git_alternates_outside_the_root_are_refused_by_name() {
    // `git clone --shared` leaves `objects/info/alternates` naming the origin's object folder,
    // outside the clone: samdscan refuses to read objects from there, naming the file.
    let origin = git_repo(&[("README.md", "# r\n"), ("docs/a.md", "# A\n")]);
    let clones = tempfile::tempdir().unwrap();
    let url = origin.path().display().to_string();
    git(clones.path(), &["clone", "-q", "--shared", &url, "shared"]);
    let clone = clones.path().join("shared");
    let out = scan(&clone, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("info/alternates"), "{}", out.stderr);
    assert!(
        out.stderr.contains("outside the repository"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    // Once the objects are copied in and the alternates file removed, the clone scans.
    git(&clone, &["repack", "-q", "-a", "-d"]);
    std::fs::remove_file(clone.join(".git/objects/info/alternates")).unwrap();
    let out = scan(&clone, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.report()["repository"]["is_git"], true, "{}", out.stdout);
    // An alternate inside the root is accepted.
    std::fs::create_dir_all(clone.join("vendor/objects")).unwrap();
    std::fs::write(
        clone.join(".git/objects/info/alternates"),
        "../../vendor/objects\n",
    )
    .unwrap();
    assert_eq!(scan(&clone, &[]).code, 0);
}
