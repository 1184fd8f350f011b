//! The two real lockfile/SBOM pairs of `../shared/data/sbom/pairs`, compared end to end through
//! `samdscan evidence` on a git repository holding each pair. Their real drift, checked by hand:
//!
//! - Cargo (SPDX 2.3): Cargo.lock pins 70 packages, one of them the product (`hello-server`, no
//!   source). Of the 69 third-party packages, the SBOM lists `tokio 1.19.2` and
//!   `pretty_env_logger 0.4.0` at their locked versions, `hyper` as `0.14` where 0.14.20 is
//!   locked (stale), and none of the 66 transitive packages (missing).
//! - Ruby (SPDX 2.2): Gemfile.lock pins `rake 13.0.6` and the product's own `hello` (a PATH
//!   gem); the SBOM describes only `hello`, so `rake` is missing.

fn pair_repo(dir: &str, files: &[&str]) -> Option<tempfile::TempDir> {
    let root = crate::common::shared_data(&format!("sbom/pairs/{dir}"))?;
    let contents: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            (
                f.to_string(),
                std::fs::read_to_string(root.join(f)).unwrap(),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = contents
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Some(crate::common::git_repo(&borrowed))
}

#[test]
fn cargo_pair_has_one_stale_and_sixty_six_missing_packages() {
    let Some(repo) = pair_repo(
        "spdx-example11-cargo",
        &["Cargo.lock", "Cargo.toml", "sbom.spdx.json"],
    ) else {
        return;
    };
    let ev = crate::common::evidence_json(repo.path(), &[]);
    let drift = &ev["dependencies"]["drift"][0];
    assert_eq!(drift["lockfile"], "Cargo.lock");
    assert_eq!(
        (
            drift["compared"].as_u64(),
            drift["missing_count"].as_u64(),
            drift["stale_count"].as_u64()
        ),
        (Some(69), Some(66), Some(1))
    );
    assert_eq!(
        drift["stale"][0],
        serde_json::json!({"name": "hyper", "locked": "0.14.20", "sbom": ["0.14"]})
    );
    let lock = &ev["dependencies"]["lockfiles"][0];
    assert_eq!(
        (
            lock["package_count"].as_u64(),
            lock["local_count"].as_u64(),
            lock["direct_count"].as_u64()
        ),
        (Some(69), Some(1), Some(3))
    );
    assert_eq!(ev["dependencies"]["manifests"][0]["lockfile"], "Cargo.lock");
    assert_eq!(ev["dependencies"]["freshness"][0]["stale"], false);
}

#[test]
fn ruby_pair_misses_rake_and_a_later_lockfile_change_makes_the_sbom_stale() {
    let Some(repo) = pair_repo(
        "spdx-example12-ruby",
        &["Gemfile", "Gemfile.lock", "hello-src.spdx.json"],
    ) else {
        return;
    };
    let ev = crate::common::evidence_json(repo.path(), &[]);
    let drift = &ev["dependencies"]["drift"][0];
    assert_eq!(
        (
            drift["missing_count"].as_u64(),
            drift["stale_count"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(drift["missing"], serde_json::json!(["rake@13.0.6"]));
    assert_eq!(ev["sboms"][0]["spec_version"], "2.2");

    let lock = repo.path().join("Gemfile.lock");
    let text = std::fs::read_to_string(&lock)
        .unwrap()
        .replace("rake (13.0.6)", "rake (13.1.0)");
    std::fs::write(&lock, text).unwrap();
    crate::common::git(repo.path(), &["commit", "-qam", "Bump rake (CR-2)"]);
    // The helper fixes every commit date; give this one a later committer date.
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@x",
            "commit",
            "-q",
            "--amend",
            "--no-edit",
        ])
        .env("GIT_COMMITTER_DATE", "2026-10-02T12:00:00Z")
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let fresh = &crate::common::evidence_json(repo.path(), &[])["dependencies"]["freshness"][0];
    assert_eq!(fresh["lockfile"], "Gemfile.lock");
    assert_eq!(fresh["stale"], true, "{fresh}");

    // The revision before the bump is dated by its own files: its lockfile is not newer.
    let out = crate::common::samdscan()
        .args(["evidence", "--rev", "HEAD~1"])
        .arg(repo.path())
        .output()
        .unwrap();
    let before: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        before["dependencies"]["freshness"][0]["stale"], false,
        "{}",
        before["dependencies"]
    );
}
