//! The GitHub Action's steps, run as GitHub would run them: each `action/*.sh` under bash with a
//! stand-in `GITHUB_*` environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME, ...)
//! against example repositories; the outputs, the job summary and the gate are checked. The
//! steps GitHub itself provides (actions/cache, upload-sarif) are not run here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn action_script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("action")
        .join(name)
}

/// What one step left behind.
struct Step {
    code: Option<i32>,
    stdout: String,
    outputs: BTreeMap<String, String>,
    summary: String,
}

/// A stand-in runner: a temporary RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
struct Runner {
    dir: tempfile::TempDir,
}

impl Runner {
    fn new() -> Runner {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("temp")).unwrap();
        Runner { dir }
    }

    /// Runs `script` in `cwd` with only PATH, HOME, the runner files and `env`.
    fn run(&self, script: &Path, cwd: &Path, env: &[(&str, &str)]) -> Step {
        let output = self.dir.path().join("output");
        let summary = self.dir.path().join("summary");
        for f in [&output, &summary] {
            std::fs::write(f, "").unwrap();
        }
        let out = Command::new("bash")
            .arg(script)
            .current_dir(cwd)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("RUNNER_TEMP", self.dir.path().join("temp"))
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("GITHUB_REPOSITORY", "acme/cardiowatch")
            .env("GITHUB_ACTOR", "alice")
            .env("GITHUB_EVENT_NAME", "push")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let outputs = std::fs::read_to_string(&output)
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Step {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            outputs,
            summary: std::fs::read_to_string(&summary).unwrap(),
        }
    }
}

/// Findings of the last scan by state, counted from its JSON report (independently of the
/// script's jq): (active, new, unchanged, fixed). Active: neither waived nor fixed.
fn counts_from_json(runner: &Runner) -> (usize, usize, usize, usize) {
    let path = runner.dir.path().join("temp/samdscan/report.json");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let unwaived: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["waiver"].is_null())
        .collect();
    let state = |s: &str| unwaived.iter().filter(|f| f["baseline_state"] == s).count();
    let fixed = state("absent");
    (
        unwaived.len() - fixed,
        state("new"),
        state("unchanged"),
        fixed,
    )
}

fn samdscan_bin() -> String {
    assert_cmd::cargo::cargo_bin("samdscan")
        .display()
        .to_string()
}

/// Runs the scan step on an imported example with the action's default inputs plus `inputs`.
fn scan_example(runner: &Runner, example: &str, inputs: &[(&str, &str)]) -> Step {
    let dir = crate::common::import_example(example);
    let bin = samdscan_bin();
    let mut env = vec![
        ("SAMDSCAN_BIN", bin.as_str()),
        ("INPUT_PATH", example),
        ("INPUT_FAIL_ON", "error"),
        ("INPUT_UPLOAD_SARIF", "true"),
        ("INPUT_CATEGORY", "samdscan"),
    ];
    env.extend_from_slice(inputs);
    runner.run(&action_script("scan.sh"), dir.path(), &env)
}

/// Runs the gate step as action.yml does after the scan step.
fn gate(runner: &Runner, scan: &Step, fail_on: &str, base: &str) -> Step {
    let o = |k: &str| scan.outputs.get(k).cloned().unwrap_or_default();
    let (code, findings, new) = (o("exit-code"), o("findings"), o("new-findings"));
    runner.run(
        &action_script("gate.sh"),
        runner.dir.path(),
        &[
            ("SCAN_EXIT_CODE", code.as_str()),
            ("INPUT_FAIL_ON", fail_on),
            ("INPUT_BASE", base),
            ("FINDINGS", findings.as_str()),
            ("NEW_FINDINGS", new.as_str()),
        ],
    )
}

/// A policy directory (in the runner's folder) holding one user rule `id` whose `deny` body is `body`.
fn user_policy(runner: &Runner, id: &str, level: &str, body: &str) -> PathBuf {
    let dir = runner.dir.path().join(id);
    let package = id.to_lowercase().replace('-', "_");
    let rego = format!(
        "# METADATA\n# title: {id}\n# description: A team's own rule.\n# custom:\n#   id: {id}\n#   severity: {level}\npackage team.{package}\n\nimport rego.v1\n\ndeny contains f if {{\n\t{body}\n}}\n"
    );
    crate::common::write_files(&dir, &[("rule.rego", rego.as_str())]);
    dir
}

#[test]
fn a_compliant_repository_passes_with_zero_findings_and_a_summary() {
    let runner = Runner::new();
    let scan = scan_example(&runner, "01-cardiowatch-compliant", &[]);
    assert_eq!(scan.code, Some(0), "{}", scan.stdout);
    assert_eq!(scan.outputs["findings"], "0");
    assert_eq!(scan.outputs["max-level"], "none");
    assert_eq!(scan.outputs["exit-code"], "0");
    assert_eq!(scan.outputs["upload"], "true");
    assert_eq!(scan.outputs["new-findings"], "", "no base on a push");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&scan.outputs["sarif-file"]).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["automationDetails"]["id"], "samdscan/");
    assert!(
        scan.summary.starts_with("## samdscan: CardioWatch\n"),
        "{}",
        scan.summary
    );
    assert!(scan.outputs["checkout-path"].ends_with("01-cardiowatch-compliant"));
    let gate = gate(&runner, &scan, "error", "");
    assert_eq!(gate.code, Some(0), "{}", gate.stdout);
}

#[test]
fn findings_reach_the_outputs_and_fail_the_gate_not_the_scan_step() {
    let runner = Runner::new();
    let scan = scan_example(
        &runner,
        "03-broken-evidence",
        &[("INPUT_CATEGORY", "planner")],
    );
    assert_eq!(scan.code, Some(0), "findings must not fail the scan step");
    let (active, _, _, _) = counts_from_json(&runner);
    assert!(active > 1, "the broken example has several findings");
    assert_eq!(scan.outputs["findings"], active.to_string());
    assert_eq!(scan.outputs["max-level"], "error");
    assert_eq!(scan.outputs["exit-code"], "1");
    assert!(scan.summary.contains("### Findings"), "{}", scan.summary);
    assert!(scan.summary.contains("MFDS-GEN-001"), "{}", scan.summary);
    let sarif = std::fs::read_to_string(&scan.outputs["sarif-file"]).unwrap();
    assert!(
        sarif.contains("\"id\": \"planner/\""),
        "category reaches the SARIF"
    );
    let gate = gate(&runner, &scan, "error", "");
    assert_eq!(gate.code, Some(1));
    assert!(
        gate.stdout.contains(&format!(
            "::error title=samdscan::{active} findings, at least one at or above 'error'"
        )),
        "{}",
        gate.stdout
    );
}

#[test]
fn fail_on_never_keeps_the_job_green_but_still_reports() {
    let runner = Runner::new();
    let scan = scan_example(&runner, "03-broken-evidence", &[("INPUT_FAIL_ON", "never")]);
    assert_eq!(scan.outputs["exit-code"], "0");
    assert_eq!(
        scan.outputs["findings"],
        counts_from_json(&runner).0.to_string()
    );
    assert_eq!(gate(&runner, &scan, "never", "").code, Some(0));
}

#[test]
fn a_custom_sarif_file_and_extra_policy_directories_are_used() {
    let runner = Runner::new();
    let policies = user_policy(
        &runner,
        "ACME-001",
        "warning",
        "f := {\"msg\": \"team rule fired\", \"key\": \"k\"}",
    );
    let sarif = runner.dir.path().join("reports/out.sarif");
    let policy_input = format!("\n  {}  \n\n", policies.display());
    let scan = scan_example(
        &runner,
        "01-cardiowatch-compliant",
        &[
            ("INPUT_POLICY", policy_input.as_str()),
            ("INPUT_SARIF_FILE", sarif.to_str().unwrap()),
        ],
    );
    assert_eq!(scan.code, Some(0), "{}", scan.stdout);
    assert_eq!(scan.outputs["sarif-file"], sarif.display().to_string());
    assert_eq!(scan.outputs["findings"], "1");
    assert_eq!(scan.outputs["max-level"], "warning");
    assert!(
        std::fs::read_to_string(&sarif)
            .unwrap()
            .contains("ACME-001")
    );
    assert_eq!(gate(&runner, &scan, "error", "").code, Some(0));
}

#[test]
fn fork_pull_requests_and_dependabot_skip_the_upload_with_a_notice() {
    let runner = Runner::new();
    let fork: &[(&str, &str)] = &[
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("PR_HEAD_REPO", "mallory/cardiowatch"),
    ];
    let same_repo: &[(&str, &str)] = &[
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("PR_HEAD_REPO", "acme/cardiowatch"),
    ];
    let dependabot: &[(&str, &str)] = &[("GITHUB_ACTOR", "dependabot[bot]")];
    let turned_off: &[(&str, &str)] = &[("INPUT_UPLOAD_SARIF", "false")];
    // (inputs, upload, the notice expected when skipped for lack of permission)
    let cases = [
        (
            fork,
            "false",
            Some("pull requests from forks get a read-only token"),
        ),
        (same_repo, "true", None),
        (
            dependabot,
            "false",
            Some("Dependabot runs get a read-only token"),
        ),
        (turned_off, "false", None),
    ];
    for (inputs, upload, notice) in cases {
        let scan = scan_example(&runner, "01-cardiowatch-compliant", inputs);
        assert_eq!(scan.outputs["upload"], upload, "{inputs:?}");
        match notice {
            Some(why) => {
                let line = format!("::notice title=samdscan::SARIF upload skipped: {why}");
                assert!(scan.stdout.contains(&line), "{}", scan.stdout);
                assert!(scan.summary.contains("the SARIF was not uploaded"));
            }
            None => assert!(!scan.stdout.contains("::notice"), "{inputs:?}"),
        }
    }
}

/// Runs the scan step on the compliant example with `inputs`; it must fail (exit 2) saying `message`.
fn scan_step_fails(inputs: &[(&str, &str)], message: &str) -> Step {
    let runner = Runner::new();
    let scan = scan_example(&runner, "01-cardiowatch-compliant", inputs);
    assert_eq!(scan.code, Some(2), "{}", scan.stdout);
    assert!(scan.stdout.contains(message), "{}", scan.stdout);
    assert!(
        !scan.outputs.contains_key("exit-code"),
        "no result, no gate"
    );
    scan
}

#[test]
fn bad_inputs_fail_the_step_with_an_escaped_annotation() {
    let scan = scan_step_fails(
        &[("INPUT_FAIL_ON", "high\n::warning::injected")],
        "::error title=samdscan::fail-on: expected error, warning, note or never, got 'high%0A::warning::injected'",
    );
    assert!(!scan.stdout.lines().any(|l| l.starts_with("::warning::")));
    scan_step_fails(&[("INPUT_PATH", "nope")], "path: 'nope' is not a directory");
    scan_step_fails(
        &[("INPUT_UPLOAD_SARIF", "yes")],
        "upload-sarif: expected true or false, got 'yes'",
    );
}

#[test]
fn args_are_words_passed_as_they_are_and_shell_syntax_is_refused() {
    for bad in [
        "--since v1.0.0; curl evil.sh",
        "$(id)",
        "--since `id`",
        "--min-level 'warning'",
        "--since v1\n--hook",
        "*",
    ] {
        scan_step_fails(&[("INPUT_ARGS", bad)], "args: ");
    }
    scan_step_fails(
        &[("INPUT_ARGS", "--since v1\n--hook")],
        "args: expected one line",
    );
    scan_step_fails(
        &[("INPUT_ARGS", "--format=json")],
        "args: --format=json is set by the action's own inputs",
    );
    let runner = Runner::new();
    let scan = scan_example(
        &runner,
        "03-broken-evidence",
        &[
            ("INPUT_ARGS", "--min-level error  --since 1"),
            ("INPUT_FAIL_ON", "never"),
        ],
    );
    assert_eq!(scan.code, Some(0), "{}", scan.stdout);
    assert!(
        scan.stdout
            .contains("--min-level error --since 1 -- 03-broken-evidence"),
        "{}",
        scan.stdout
    );
    assert!(!scan.summary.contains("| warning |"), "{}", scan.summary);
}

#[test]
fn annotations_are_one_workflow_command_per_live_finding() {
    let runner = Runner::new();
    let scan = scan_example(
        &runner,
        "03-broken-evidence",
        &[("INPUT_ANNOTATIONS", "true"), ("INPUT_FAIL_ON", "never")],
    );
    assert_eq!(scan.code, Some(0), "{}", scan.stdout);
    let annotations: Vec<&str> = scan
        .stdout
        .lines()
        .filter(|l| {
            ["::error file=", "::warning file=", "::notice file="]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    let (active, ..) = counts_from_json(&runner);
    assert_eq!(annotations.len(), active, "{}", scan.stdout);
    assert!(
        annotations.contains(&"::error file=sbom/planner.cdx.json,line=1,title=MFDS-CYB-001::SBOM sbom/planner.cdx.json does not parse: invalid JSON: EOF while parsing a string at line 5 column 41"),
        "{annotations:#?}"
    );
    let off = scan_example(
        &Runner::new(),
        "03-broken-evidence",
        &[("INPUT_FAIL_ON", "never")],
    );
    assert!(
        !off.stdout.contains("::error file="),
        "annotations are off by default"
    );
}

/// Runs action/annotations.jq over a JSON report, as the scan step does.
fn annotations_of(report: &serde_json::Value, base: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    std::fs::write(&file, report.to_string()).unwrap();
    let out = Command::new("jq")
        .args(["-r", "--arg", "base", base, "-f"])
        .arg(action_script("annotations.jq"))
        .arg(&file)
        .output()
        .expect("jq runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn annotations_escape_file_names_and_messages_so_they_cannot_inject_commands() {
    let finding = |path: &str, message: &str, state: &str| {
        serde_json::json!({"rule_id": "ACME-1", "level": "warning", "message": message,
            "path": path, "line": 3, "waiver": null, "baseline_state": state})
    };
    let report = serde_json::json!({"findings": [
        finding("docs/a,b:c\n::error::x.md", "50% done\r\n::error::injected", "new"),
        finding("old.md", "was already there", "unchanged"),
        finding("gone.md", "fixed", "absent"),
    ]});
    let lines = annotations_of(&report, "");
    assert_eq!(
        lines,
        "::warning file=docs/a%2Cb%3Ac%0A%3A%3Aerror%3A%3Ax.md,line=3,title=ACME-1::50%25 done%0D%0A::error::injected\n\
         ::warning file=old.md,line=3,title=ACME-1::was already there\n"
    );
    let with_base = annotations_of(&report, "main");
    assert_eq!(
        with_base.lines().count(),
        1,
        "with a base, new findings only: {with_base}"
    );
}

#[test]
fn a_samdscan_error_fails_the_scan_step() {
    let dir = tempfile::tempdir().unwrap();
    let bad_config = dir.path().join("bad.yaml");
    std::fs::write(&bad_config, "product:\n  grdae: 3\n").unwrap();
    scan_step_fails(
        &[("INPUT_CONFIG", bad_config.to_str().unwrap())],
        "samdscan stopped with exit code 2 (a usage, config or policy error",
    );
}

#[test]
fn a_base_missing_from_the_clone_is_explained() {
    scan_step_fails(
        &[("INPUT_BASE", "0123456789abcdef0123456789abcdef01234567")],
        "is not in the clone: check out with 'fetch-depth: 0'",
    );
}

#[test]
fn a_summary_over_the_step_summary_limit_is_cut_with_a_note() {
    let runner = Runner::new();
    // 4,000 findings of 300-character messages: a Markdown summary over 1 MB.
    let policies = user_policy(
        &runner,
        "ACME-002",
        "note",
        "some i in numbers.range(1, 4000)\n\tf := {\"msg\": sprintf(\"finding %d %s\", [i, concat(\"\", [\"x\" | some _ in numbers.range(1, 300)])]), \"key\": sprintf(\"%d\", [i])}",
    );
    let scan = scan_example(
        &runner,
        "01-cardiowatch-compliant",
        &[
            ("INPUT_POLICY", policies.to_str().unwrap()),
            ("INPUT_ARGS", "--verbose"),
        ],
    );
    assert_eq!(scan.outputs["findings"], "4000");
    assert!(scan.summary.len() <= 1_000_200, "{}", scan.summary.len());
    assert!(scan.summary.len() > 900_000);
    assert!(
        scan.summary
            .ends_with("every finding is in the SARIF file.\n")
    );
}

/// Copies the action's install scripts and Cargo.toml (the action's version) into `to`, without
/// any pinned checksums; returns the copy's `action/` folder.
fn copy_install_scripts(to: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let action = to.join("action");
    std::fs::create_dir_all(&action).unwrap();
    for f in ["lib.sh", "plan-install.sh", "install.sh"] {
        std::fs::copy(root.join("action").join(f), action.join(f)).unwrap();
    }
    std::fs::copy(root.join("Cargo.toml"), to.join("Cargo.toml")).unwrap();
    action
}

/// A copy of the action's install files with its own pinned checksums, and a release mirror.
struct FakeRelease {
    dir: tempfile::TempDir,
    /// The checksum the archive really has.
    sha256: String,
}

impl FakeRelease {
    /// Publishes the test binary as this runner's asset; `pinned` is the checksum written into
    /// the copy's dist/checksums/vVERSION.txt (`None`: the real one).
    fn new(version: &str, pinned: Option<&str>) -> FakeRelease {
        let dir = tempfile::tempdir().unwrap();
        copy_install_scripts(&dir.path().join("action-copy"));
        let asset = format!("samdscan-{version}-x86_64-unknown-linux-musl.tar.gz");
        // A stand-in executable: install.sh only asks the binary for its version.
        let stage = dir.path().join("stage");
        std::fs::create_dir(&stage).unwrap();
        let exe = stage.join("samdscan");
        std::fs::write(&exe, format!("#!/bin/sh\necho 'samdscan {version}'\n")).unwrap();
        std::fs::set_permissions(&exe, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let mirror = dir.path().join(format!("mirror/v{version}"));
        std::fs::create_dir_all(&mirror).unwrap();
        let status = Command::new("tar")
            .arg("-czf")
            .arg(mirror.join(&asset))
            .arg("-C")
            .arg(&stage)
            .arg("samdscan")
            .status()
            .unwrap();
        assert!(status.success());
        let sum = Command::new("sha256sum")
            .arg(mirror.join(&asset))
            .output()
            .unwrap();
        let actual = String::from_utf8_lossy(&sum.stdout)
            .split_whitespace()
            .next()
            .unwrap()
            .to_string();
        let checksums = dir.path().join("action-copy/dist/checksums");
        std::fs::create_dir_all(&checksums).unwrap();
        // As the release writes them: other assets around this runner's.
        let other = format!(
            "{}  samdscan-{version}-aarch64-apple-darwin.tar.gz",
            "a".repeat(64)
        );
        std::fs::write(
            checksums.join(format!("v{version}.txt")),
            format!("{other}\n{}  {asset}\n", pinned.unwrap_or(&actual)),
        )
        .unwrap();
        FakeRelease {
            dir,
            sha256: actual,
        }
    }

    fn script(&self, name: &str) -> PathBuf {
        self.dir.path().join("action-copy/action").join(name)
    }

    /// Runs the plan step of the copy with `env`.
    fn plan(&self, runner: &Runner, env: &[(&str, &str)]) -> Step {
        runner.run(&self.script("plan-install.sh"), runner.dir.path(), env)
    }

    fn mirror(&self) -> String {
        format!("file://{}", self.dir.path().join("mirror").display())
    }

    /// Runs the plan step, then the install step with the plan's outputs.
    fn plan_and_install(&self, runner: &Runner) -> (Step, Step) {
        let plan = self.plan(runner, &[]);
        let o = |k: &str| plan.outputs.get(k).cloned().unwrap_or_default();
        let env: Vec<(String, String)> = [
            ("PLAN_METHOD", "method"),
            ("PLAN_SOURCE", "source"),
            ("PLAN_VERSION", "version"),
            ("PLAN_ASSET", "asset"),
            ("PLAN_SHA256", "sha256"),
            ("PLAN_INSTALL_DIR", "install-dir"),
        ]
        .iter()
        .map(|(var, key)| (var.to_string(), o(key)))
        .collect();
        let mut env: Vec<(&str, &str)> =
            env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mirror = self.mirror();
        env.push(("SAMDSCAN_RELEASE_MIRROR", &mirror));
        let install = runner.run(&self.script("install.sh"), runner.dir.path(), &env);
        (plan, install)
    }
}

#[test]
fn a_pinned_release_is_downloaded_verified_and_installed() {
    let runner = Runner::new();
    let release = FakeRelease::new(env!("CARGO_PKG_VERSION"), None);
    let (plan, install) = release.plan_and_install(&runner);
    assert_eq!(plan.outputs["method"], "release");
    assert_eq!(plan.outputs["target"], "x86_64-unknown-linux-musl");
    assert_eq!(
        plan.outputs["cache-key"],
        format!(
            "samdscan-Linux-X64-{}-release-{}",
            env!("CARGO_PKG_VERSION"),
            &release.sha256[..16]
        ),
        "the cache key names what is installed"
    );
    assert_eq!(install.code, Some(0), "{}", install.stdout);
    let bin = &install.outputs["bin"];
    let version = Command::new(bin).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("samdscan {}", env!("CARGO_PKG_VERSION"))
    );
    // A second run finds the binary in place (as after a cache restore) and downloads nothing.
    let (_, again) = release.plan_and_install(&runner);
    assert!(
        again.stdout.contains("restored from the cache"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_release_asset_with_the_wrong_checksum_is_refused() {
    let runner = Runner::new();
    let release = FakeRelease::new(env!("CARGO_PKG_VERSION"), Some(&"0".repeat(64)));
    let (plan, install) = release.plan_and_install(&runner);
    assert_eq!(plan.outputs["method"], "release");
    assert_eq!(install.code, Some(2));
    assert!(
        install.stdout.contains("checksum mismatch")
            && install.stdout.contains("refusing to install it"),
        "{}",
        install.stdout
    );
    assert!(!install.outputs.contains_key("bin"));
    let installed = Path::new(&plan.outputs["install-dir"]).join("bin/samdscan");
    assert!(!installed.exists(), "nothing unpacked");
}

#[test]
fn the_install_input_chooses_between_the_release_and_the_source() {
    let runner = Runner::new();
    let version = env!("CARGO_PKG_VERSION");
    let release = FakeRelease::new(version, None);
    let source = release.plan(&runner, &[("INPUT_INSTALL", "source")]);
    assert_eq!(source.code, Some(0), "{}", source.stdout);
    assert_eq!(source.outputs["method"], "cargo", "asked for the source");
    assert_eq!(source.outputs["source"], "path");
    let forced = release.plan(&runner, &[("INPUT_INSTALL", "release")]);
    assert_eq!(forced.outputs["method"], "release");
    // Another version has no pinned release: `auto` builds it, `release` refuses.
    let auto = release.plan(&runner, &[("INPUT_VERSION", "9.8.7")]);
    assert_eq!(auto.outputs["method"], "cargo");
    assert_eq!(auto.outputs["source"], "crates-io");
    let refused = release.plan(
        &runner,
        &[("INPUT_VERSION", "9.8.7"), ("INPUT_INSTALL", "release")],
    );
    assert_eq!(refused.code, Some(2));
    assert!(
        refused.stdout.contains(
            "install: release, but no release binary of samdscan 9.8.7 for x86_64-unknown-linux-musl is pinned in dist/checksums/v9.8.7.txt"
        ),
        "{}",
        refused.stdout
    );
    let bad = release.plan(&runner, &[("INPUT_INSTALL", "binary\n::warning::x")]);
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stdout
            .contains("install: expected auto, release or source, got 'binary%0A::warning::x'"),
        "{}",
        bad.stdout
    );
}

#[test]
fn a_malformed_checksums_file_is_named() {
    let runner = Runner::new();
    let version = env!("CARGO_PKG_VERSION");
    let release = FakeRelease::new(version, Some("not-a-digest"));
    let plan = release.plan(&runner, &[]);
    assert_eq!(plan.code, Some(2));
    assert!(
        plan.stdout.contains(&format!(
            "dist/checksums/v{version}.txt: the line for samdscan-{version}-x86_64-unknown-linux-musl.tar.gz does not start with a SHA-256"
        )),
        "{}",
        plan.stdout
    );
}

#[test]
fn without_a_pinned_release_the_plan_builds_from_source_with_a_content_cache_key() {
    let runner = Runner::new();
    let plan = runner.run(&action_script("plan-install.sh"), runner.dir.path(), &[]);
    assert_eq!(plan.code, Some(0), "{}", plan.stdout);
    assert_eq!(plan.outputs["method"], "cargo");
    assert_eq!(plan.outputs["source"], "path");
    assert_eq!(plan.outputs["version"], env!("CARGO_PKG_VERSION"));
    let key = &plan.outputs["cache-key"];
    let prefix = format!("samdscan-Linux-X64-{}-src-", env!("CARGO_PKG_VERSION"));
    assert!(
        key.starts_with(&prefix) && key.len() == prefix.len() + 16,
        "{key}"
    );
    let again = runner.run(&action_script("plan-install.sh"), runner.dir.path(), &[]);
    assert_eq!(&again.outputs["cache-key"], key, "the key is stable");

    let other = runner.run(
        &action_script("plan-install.sh"),
        runner.dir.path(),
        &[("INPUT_VERSION", "v9.8.7")],
    );
    assert_eq!(other.outputs["source"], "crates-io");
    assert_eq!(other.outputs["version"], "9.8.7");

    let bad = runner.run(
        &action_script("plan-install.sh"),
        runner.dir.path(),
        &[("INPUT_VERSION", "latest; rm -rf /")],
    );
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stdout
            .contains("version: expected empty or a version like 1.2.3")
    );
}

#[test]
fn the_cache_key_follows_the_source_it_builds() {
    let runner = Runner::new();
    let copy = tempfile::tempdir().unwrap();
    let plan = copy_install_scripts(copy.path()).join("plan-install.sh");
    let key = || runner.run(&plan, runner.dir.path(), &[]).outputs["cache-key"].clone();
    let without_sources = key();
    crate::common::write_files(copy.path(), &[("src/main.rs", "fn main() {}\n")]);
    let with_main = key();
    crate::common::write_files(copy.path(), &[("src/main.rs", "fn main() { }\n")]);
    let edited = key();
    crate::common::write_files(copy.path(), &[("policies/x/y.rego", "package x\n")]);
    let with_policy = key();
    let keys = [&without_sources, &with_main, &edited, &with_policy];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b, "every source change gives a new key");
        }
    }
    assert_eq!(key(), with_policy);
}

/// An imported example with a feature branch on top whose change is `change`; returns the
/// example's directory and the base commit.
fn pull_request(example: &str, change: impl Fn(&Path)) -> (tempfile::TempDir, String) {
    let dir = crate::common::import_example(example);
    let repo = crate::common::example_repo(&dir, example);
    let base = crate::common::git(&repo, &["rev-parse", "HEAD"])
        .trim()
        .to_string();
    crate::common::git(&repo, &["checkout", "-q", "-b", "feature"]);
    change(&repo);
    crate::common::git(&repo, &["add", "-A"]);
    crate::common::git(&repo, &["commit", "-q", "-m", "Change (CR-2)"]);
    (dir, base)
}

fn scan_pull_request(runner: &Runner, dir: &Path, example: &str, base: &str) -> Step {
    let bin = samdscan_bin();
    runner.run(
        &action_script("scan.sh"),
        dir,
        &[
            ("SAMDSCAN_BIN", bin.as_str()),
            ("INPUT_PATH", example),
            ("INPUT_BASE", base),
            ("INPUT_FAIL_ON", "error"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("PR_HEAD_REPO", "acme/cardiowatch"),
        ],
    )
}

#[test]
fn a_pull_request_summary_leads_with_its_new_findings_and_only_they_gate() {
    let example = "01-cardiowatch-compliant";
    let (dir, base) = pull_request(example, |repo| {
        std::fs::write(repo.join("SECURITY.md"), "# Security\n\nNo contact yet.\n").unwrap();
        std::fs::remove_file(repo.join("docs/sdlc/software-development-plan.md")).unwrap();
    });
    let runner = Runner::new();
    let scan = scan_pull_request(&runner, dir.path(), example, &base);
    assert_eq!(scan.code, Some(0), "{}", scan.stdout);
    // The contact-less SECURITY.md (CYB-006) and the missing plan (SWL-001); the development
    // procedure (QMS-001) is attested in the evidence index, so it does not depend on the plan.
    assert_eq!(scan.outputs["new-findings"], "2");
    assert_eq!(scan.outputs["findings"], "2");
    assert_eq!(scan.outputs["exit-code"], "1");
    assert_eq!(scan.outputs["upload"], "true");
    let s = &scan.summary;
    assert!(s.contains(&format!("### Compared with `{base}`")), "{s}");
    assert!(
        s.contains("| New | Fixed | Unchanged |\n|---|---|---|\n| 2 | 0 | 0 |"),
        "{s}"
    );
    let new = s
        .split("#### New findings")
        .nth(1)
        .expect("new findings listed");
    assert!(
        new.contains("`SECURITY.md:1` | SECURITY.md names no reporting contact"),
        "{new}"
    );
    // A repository-level finding (a missing document), which code scanning would not show in
    // the diff, is listed in full at the config line it is anchored to.
    assert!(
        new.contains("MFDS-SWL-001") && new.contains("`.samdscan.yaml:"),
        "{new}"
    );
    let gate = gate(&runner, &scan, "error", &base);
    assert_eq!(gate.code, Some(1));
    assert!(
        gate.stdout
            .contains(&format!("2 new findings since {base}")),
        "{}",
        gate.stdout
    );
}

#[test]
fn a_pull_request_that_fixes_a_finding_lists_it_and_passes_despite_old_errors() {
    let example = "03-broken-evidence";
    let (dir, base) = pull_request(example, |repo| {
        let contact = "# Security\n\nReport vulnerabilities to security@example.com.\n";
        std::fs::write(repo.join("SECURITY.md"), contact).unwrap();
    });
    let runner = Runner::new();
    let scan = scan_pull_request(&runner, dir.path(), example, &base);
    assert_eq!(scan.outputs["new-findings"], "0");
    assert_eq!(scan.outputs["max-level"], "error", "old errors remain");
    assert_eq!(
        scan.outputs["exit-code"], "0",
        "only new findings gate a pull request"
    );
    let s = &scan.summary;
    let (_, new, unchanged, fixed) = counts_from_json(&runner);
    assert_eq!((new, fixed), (0, 1));
    assert!(unchanged > 0);
    assert!(s.contains(&format!("| 0 | 1 | {unchanged} |")), "{s}");
    let fixed = s.split("#### Fixed").nth(1).expect("fixed findings listed");
    assert!(fixed.contains("MFDS-CYB-006"), "{fixed}");
    assert_eq!(gate(&runner, &scan, "error", &base).code, Some(0));
}
