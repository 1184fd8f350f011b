//! Conformance over real coverage reports (`../shared/data/coverage`): every report parses, and
//! its computed totals equal the totals the report itself states, wherever it states them; the
//! deliberately invalid samples listed in the data's README give diagnostics naming the file.

use serde_json::Value;
use std::path::Path;

/// Files that must not parse (see ../shared/data/README.md), and the Istanbul test specs, which
/// are not bare coverage files.
fn must_fail(name: &str) -> bool {
    [
        "coverage-reporter__spec__fixtures__cobertura__cobertura.xml",
        "coverage-reporter__spec__fixtures__cobertura__cobertura-oneline.xml",
        "coverage-reporter__spec__fixtures__cobertura__cobertura-coverage.xml",
        "grcov__test__jacoco__not_jacoco_file.xml",
        "grcov__test__invalid_DA_record.info",
        "grcov__test__not_info_file.info",
        "coverage-reporter__spec__fixtures__lcov__empty.lcov",
    ]
    .contains(&name)
        || name.contains("__specs__")
}

fn copy_tree(from: &Path, to: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            n += copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            n += 1;
        }
    }
    n
}

/// A counter, with "none measured" and 0 of 0 taken as equal.
fn counter(v: &Value) -> (u64, u64) {
    (
        v["covered"].as_u64().unwrap_or(0),
        v["total"].as_u64().unwrap_or(0),
    )
}

/// Checks one parsed report against the totals it states; returns how many figures agreed.
fn check_stated(report: &Value, problems: &mut Vec<String>) -> usize {
    let path = report["path"].as_str().unwrap();
    let stated = &report["stated"];
    let mut checked = 0;
    for (key, rate, percent) in [
        ("lines", "line_rate", "line_percent"),
        ("branches", "branch_rate", "branch_percent"),
    ] {
        let agrees = if stated[key].is_object() {
            counter(&report[key]) == counter(&stated[key])
        } else if let Some(rate) = stated[rate].as_f64() {
            // Cobertura writes `branch-rate="0"` when it measured no branches at all.
            let measured = report[percent].as_f64();
            measured.is_none() && rate == 0.0
                || measured.is_some_and(|p| (p / 100.0 - rate).abs() < 0.0001)
        } else {
            continue;
        };
        if agrees {
            checked += 1;
        } else {
            problems.push(format!(
                "{path}: {key} {} / {} differ from the stated {} / {}",
                report[key], report[percent], stated[key], stated[rate]
            ));
        }
    }
    checked
}

#[test]
fn real_coverage_reports_parse_with_their_stated_totals() {
    let Some(data) = crate::common::shared_data("coverage") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let total = copy_tree(&data, dir.path());
    std::fs::write(
        dir.path().join("cfg.yaml"),
        "evidence:\n  coverage: ['**/*.xml', '**/*.info', '**/*.lcov', '**/*.json', '**/*.out']\n",
    )
    .unwrap();
    let out = crate::common::succeeded(
        crate::common::samdscan()
            .args(["evidence", "--config"])
            .arg(dir.path().join("cfg.yaml"))
            .arg(dir.path()),
    );
    let evidence: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = evidence["coverage"]["reports"].as_array().unwrap();
    assert_eq!(
        reports.len(),
        total,
        "every file is read as a coverage report"
    );
    let diagnosed: Vec<&str> = evidence["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    let (mut parsed, mut failed, mut figures) = (0, 0, 0);
    let mut problems = Vec::new();
    for report in reports {
        let path = report["path"].as_str().unwrap();
        let name = path.rsplit('/').next().unwrap();
        if must_fail(name) {
            if report["parsed"] != false || !diagnosed.contains(&path) {
                problems.push(format!("{path} must not parse and must give a diagnostic"));
            }
            failed += 1;
        } else {
            if report["parsed"] != true {
                problems.push(format!("{path}: {}", report["error"]));
            }
            figures += check_stated(report, &mut problems);
            parsed += 1;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!(
        "coverage conformance: {parsed} reports parsed, {figures} stated totals matched, {failed} invalid samples diagnosed"
    );
    assert!(
        parsed >= 60 && figures >= 40 && failed >= 7,
        "{parsed} parsed, {figures} figures, {failed} failed"
    );
}
