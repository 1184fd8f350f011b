//! From coverage reports to the software systems of the profile: report paths are matched to
//! repository files by suffix (reports often carry absolute CI paths, or paths relative to a
//! source root), and each system gets the coverage of the files under its `paths` globs, with
//! the threshold of its safety class (`verification.coverage`, else the documented defaults).

use super::{Counter, CoverageReport};
use crate::config::{CoverageThreshold, LoadedConfig};
use crate::evidence::Context;
use crate::evidence::extractor::compile_globs;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};

/// Default thresholds in percent (docs/verification.md): class B 60 % of lines, class C 80 %.
const DEFAULT_THRESHOLDS: [(&str, Option<f64>, Option<f64>); 3] = [
    ("A", None, None),
    ("B", Some(60.0), None),
    ("C", Some(80.0), None),
];

/// Thresholds per safety class: the defaults, overridden field by field by the config.
pub(super) fn thresholds(config: &LoadedConfig) -> BTreeMap<String, CoverageThreshold> {
    let user = config
        .config
        .verification
        .coverage
        .clone()
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for (class, line, branch) in DEFAULT_THRESHOLDS {
        let given = user.get(class);
        out.insert(
            class.to_string(),
            CoverageThreshold {
                line: given.and_then(|t| t.line).or(line),
                branch: given.and_then(|t| t.branch).or(branch),
            },
        );
    }
    out
}

/// Matches paths written in a coverage report to repository files.
pub(super) struct PathResolver {
    by_name: HashMap<String, Vec<String>>,
}

impl PathResolver {
    pub(super) fn new(ctx: &Context) -> PathResolver {
        Self::from_paths(ctx.source.inventory().file_paths())
    }

    pub(super) fn from_paths<'a>(paths: impl Iterator<Item = &'a str>) -> PathResolver {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for path in paths {
            let name = path.rsplit('/').next().unwrap_or(path);
            by_name
                .entry(name.to_string())
                .or_default()
                .push(path.to_string());
        }
        PathResolver { by_name }
    }

    /// The repository file that `reported` names: the unique candidate with the longest common
    /// suffix, where one path ends with the other or at least two components agree.
    pub(super) fn resolve(&self, reported: &str) -> Option<String> {
        let reported = reported.replace('\\', "/");
        let theirs: Vec<&str> = reported
            .split('/')
            .filter(|c| !c.is_empty() && *c != ".")
            .collect();
        let candidates = self.by_name.get(*theirs.last()?)?;
        let mut best: Option<(usize, &String)> = None;
        let mut tie = false;
        for candidate in candidates {
            let ours: Vec<&str> = candidate.split('/').collect();
            let common = ours
                .iter()
                .rev()
                .zip(theirs.iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            if !(common == ours.len() || common == theirs.len() || common >= 2) {
                continue;
            }
            match best {
                Some((n, _)) if n > common => {}
                Some((n, _)) if n == common => tie = true,
                _ => {
                    best = Some((common, candidate));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, p)| p.clone())
    }
}

/// Each declared software system with the coverage of its files, across all reports (for a file
/// in several reports, the report that measured most of it counts, so nothing is counted twice).
pub(super) fn per_system(ctx: &Context, reports: &[CoverageReport]) -> Value {
    let Some(systems) = ctx
        .config
        .config
        .product
        .as_ref()
        .and_then(|p| p.software_systems.as_ref())
    else {
        return json!([]);
    };
    let classes = thresholds(ctx.config);
    let mut out = Vec::new();
    for system in systems {
        let globs = compile_globs(&system.paths.clone().unwrap_or_default());
        let mut files: BTreeMap<&str, (Counter, Option<Counter>, &str)> = BTreeMap::new();
        for report in reports.iter().filter(|r| r.parsed) {
            for f in &report.files {
                let Some(path) = f.path.as_deref().filter(|p| globs.is_match(p)) else {
                    continue;
                };
                let slot = files
                    .entry(path)
                    .or_insert((f.lines, f.branches, &report.path));
                if f.lines.total > slot.0.total {
                    *slot = (f.lines, f.branches, &report.path);
                }
            }
        }
        out.push(system_figures(system, &classes, &files));
    }
    Value::Array(out)
}

fn system_figures(
    system: &crate::config::SoftwareSystem,
    classes: &BTreeMap<String, CoverageThreshold>,
    files: &BTreeMap<&str, (Counter, Option<Counter>, &str)>,
) -> Value {
    let mut lines = Counter::default();
    let mut branches: Option<Counter> = None;
    let mut report_paths: Vec<&str> = Vec::new();
    for (l, b, report) in files.values() {
        lines.add(*l);
        if let Some(b) = b {
            branches.get_or_insert_with(Counter::default).add(*b);
        }
        report_paths.push(report);
    }
    report_paths.sort_unstable();
    report_paths.dedup();
    let class = system.safety_class.as_deref().unwrap_or_default();
    json!({
        "name": system.name,
        "safety_class": system.safety_class,
        "threshold": classes.get(class),
        "reports": report_paths,
        "matched_files": files.len(),
        "lines": lines,
        "branches": branches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_resolve_by_suffix_in_both_directions() {
        let r = PathResolver::from_paths(
            [
                "src/alarm/threshold.py",
                "src/ingest/ecg.py",
                "a/__init__.py",
                "b/__init__.py",
                "pkg/x.go",
            ]
            .into_iter(),
        );
        let resolve = |p: &str| r.resolve(p);
        assert_eq!(
            resolve("/home/runner/work/cw/src/alarm/threshold.py").as_deref(),
            Some("src/alarm/threshold.py")
        );
        assert_eq!(
            resolve("alarm/threshold.py").as_deref(),
            Some("src/alarm/threshold.py")
        );
        assert_eq!(
            resolve("C:\\ci\\src\\ingest\\ecg.py").as_deref(),
            Some("src/ingest/ecg.py")
        );
        assert_eq!(
            resolve("github.com/org/repo/pkg/x.go").as_deref(),
            Some("pkg/x.go")
        );
        assert_eq!(resolve("__init__.py"), None, "ambiguous");
        assert_eq!(resolve("/other/threshold.py"), None, "only the name agrees");
        assert_eq!(resolve("missing.py"), None);
    }
}
