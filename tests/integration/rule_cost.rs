//! No built-in rule costs more than about n log n in its input: the built-in policies are
//! evaluated, one area at a time (`MFDS-RSK`, `MFDS-CYB`, ...), over the evidence of a generated
//! product at two sizes ten times apart (risk rows, SBOM components, requirements), and each
//! area's cost must grow less than 20 times (n log n gives about 13, n² 100). Costs are measured
//! above the cost of the same rules on empty evidence (engine set-up), and a cost under
//! [`FLOOR`] counts as [`FLOOR`], so timer noise on tiny inputs cannot fail the test.

use crate::common::{samdscan, write_files};
use samdscan::evidence::Evidence;
use samdscan::policy::{PolicySet, Rule};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// The smaller size; the larger is ten times it.
const SMALL: usize = 2_000;
/// The largest growth allowed for ten times the input.
const MAX_GROWTH: f64 = 20.0;
/// Costs below this are not told apart.
const FLOOR: Duration = Duration::from_millis(100);

/// A product with `n` risk rows and SBOM components and `n / 4` requirements.
fn product(dir: &Path, n: usize) {
    let config = "product:\n  name: Gen\n  regime: DMPA\n  grade: 3\n  connected: true\n  \
                  software_systems:\n    - {name: app, paths: ['src/**'], safety_class: C}\n";
    let mut risks = String::from(
        "ID,Hazard,Hazardous situation,Harm,Severity,Probability,Risk control,Residual risk,Verification\n",
    );
    for i in 0..n {
        risks.push_str(&format!(
            "RSK-{i},Hazard {i},Situation {i},Harm {i},Serious,Remote,Control by REQ-{},Acceptable,TEST-{i}\n",
            i % (n / 4).max(1)
        ));
    }
    let components: Vec<Value> = (0..n)
        .map(|i| {
            serde_json::json!({"type": "library", "name": format!("lib{i}"), "version": "1.0.0",
                "purl": format!("pkg:npm/lib{i}@1.0.0"), "bom-ref": format!("lib{i}")})
        })
        .collect();
    let sbom = serde_json::json!({"bomFormat": "CycloneDX", "specVersion": "1.6",
        "metadata": {"timestamp": "2026-09-01T00:00:00Z",
            "component": {"type": "application", "name": "Gen", "version": "1.0.0"}},
        "components": components});
    let mut requirements = String::from("# Software requirements\n\n");
    for i in 0..n / 4 {
        requirements.push_str(&format!("- REQ-{i}: The system shall do thing {i}.\n"));
    }
    write_files(
        dir,
        &[
            (".samdscan.yaml", config),
            ("README.md", "# Gen\n"),
            ("docs/risk-table.csv", &risks),
            ("sbom/app.cdx.json", &sbom.to_string()),
            ("docs/software-requirements.md", &requirements),
        ],
    );
}

/// The evidence document of a product of size `n` (0: no evidence files at all).
fn evidence(n: usize) -> Value {
    let dir = tempfile::tempdir().unwrap();
    match n {
        0 => write_files(dir.path(), &[("README.md", "# Gen\n")]),
        n => product(dir.path(), n),
    }
    let out = crate::common::succeeded(
        samdscan()
            .args(["evidence", "--as-of", "2026-10-01"])
            .arg(dir.path()),
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The built-in rules by area: `MFDS-RSK` for `MFDS-RSK-002`.
fn areas(set: &PolicySet) -> BTreeMap<String, Vec<&Rule>> {
    let mut areas: BTreeMap<String, Vec<&Rule>> = BTreeMap::new();
    for rule in set.rules.iter() {
        let area = rule
            .id()
            .rsplit_once('-')
            .map_or("", |(a, _)| a)
            .to_string();
        areas.entry(area).or_default().push(rule);
    }
    areas
}

/// How long `rules` take over `input`.
fn time(set: &PolicySet, rules: &[&Rule], input: &Evidence) -> Duration {
    let start = Instant::now();
    set.evaluate(rules, input)
        .unwrap_or_else(|e| panic!("{}: {e}", rules[0].id()));
    start.elapsed()
}

/// The time each area's rules take over `input`.
fn area_times(set: &PolicySet, input: &Evidence) -> BTreeMap<String, Duration> {
    (areas(set).into_iter())
        .map(|(area, rules)| (area, time(set, &rules, input)))
        .collect()
}

#[test]
fn no_rule_area_grows_faster_than_n_log_n() {
    let set = PolicySet::builtin().unwrap();
    let base = area_times(&set, &Evidence::from(evidence(0)));
    let small = area_times(&set, &Evidence::from(evidence(SMALL)));
    let large_input = evidence(SMALL * 10);

    // The evidence is as large as generated (the risk table cut to its 10,000-row bound).
    let large_n = SMALL * 10;
    assert_eq!(large_input["sboms"][0]["component_count"], large_n);
    assert_eq!(
        large_input["requirements"]["items"]
            .as_array()
            .unwrap()
            .len(),
        large_n / 4
    );
    let rows = large_input["risks"]["tables"][0]["rows"]
        .as_array()
        .unwrap();
    assert_eq!(rows.len(), large_n.min(10_000));
    let large_input = Evidence::from(large_input);
    let large = area_times(&set, &large_input);
    let mut table = Vec::new();
    for (area, t_large) in &large {
        let above = |t: Duration| t.saturating_sub(base[area]).max(FLOOR);
        let growth = above(*t_large).as_secs_f64() / above(small[area]).as_secs_f64();
        table.push(format!(
            "{area}: {:?} -> {:?} ({growth:.1}x)",
            small[area], t_large
        ));
        if growth >= MAX_GROWTH {
            let rules: Vec<String> = areas(&set)[area]
                .iter()
                .map(|r| format!("{}: {:?}", r.id(), time(&set, &[r], &large_input)))
                .collect();
            panic!(
                "{area} grew {growth:.1}x for 10x the input; its rules on the larger input:\n{}\n\nareas:\n{}",
                rules.join("\n"),
                table.join("\n")
            );
        }
    }
    eprintln!("{}", table.join("\n"));
}
