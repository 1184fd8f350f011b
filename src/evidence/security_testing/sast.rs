//! Static-analysis results as SARIF (CodeQL, Semgrep, clippy via `clippy-sarif`, Bandit, ESLint,
//! gosec...): the runs of analysers, not of vulnerability scanners (whose SARIF the
//! vulnerability-scan evidence reads, [`is_scanner`]). Per log: the tools, how many results, and
//! the error-level results (a result's `level`, else its rule's `defaultConfiguration.level`;
//! SARIF's default is `warning`) that no suppression justifies, with the first few named.

use crate::evidence::read::value::{array, str_at};
use crate::evidence::vuln_scans::sarif::{is_sarif, is_scanner};
use serde::Serialize;
use serde_json::Value;

/// How many unjustified error results are named per log.
const MAX_NAMED: usize = 5;

/// One error-level result without a justified suppression.
#[derive(Debug, PartialEq, Serialize)]
pub(super) struct Unjustified {
    pub rule: String,
    /// `uri:line` of its first location, when it has one.
    pub location: Option<String>,
}

/// The analysers' results of one SARIF log.
#[derive(Debug, PartialEq, Serialize)]
pub(super) struct SastLog {
    pub tools: Vec<String>,
    pub results: usize,
    pub errors: usize,
    pub unjustified_count: usize,
    pub unjustified: Vec<Unjustified>,
}

/// Reads a SARIF log; `Ok(None)` when it is no SARIF or only vulnerability scanners ran.
pub(super) fn read(bytes: &[u8]) -> Result<Option<SastLog>, String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if !is_sarif(&v) {
        return Ok(None);
    }
    let runs: Vec<(&Value, &str)> = array(&v, "runs")
        .iter()
        .filter_map(|run| {
            let name = run.pointer("/tool/driver/name")?.as_str()?;
            (!is_scanner(name)).then_some((run, name))
        })
        .collect();
    if runs.is_empty() {
        return Ok(None);
    }
    let mut log = SastLog {
        tools: runs.iter().map(|(_, name)| name.to_string()).collect(),
        results: 0,
        errors: 0,
        unjustified_count: 0,
        unjustified: vec![],
    };
    for (run, _) in runs {
        let rules = run
            .pointer("/tool/driver/rules")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for result in array(run, "results") {
            log.results += 1;
            if level(result, rules) != "error" {
                continue;
            }
            log.errors += 1;
            if justified(result) {
                continue;
            }
            log.unjustified_count += 1;
            if log.unjustified.len() < MAX_NAMED {
                log.unjustified.push(Unjustified {
                    rule: str_at(result, "ruleId")
                        .unwrap_or("(no rule id)")
                        .to_string(),
                    location: location(result),
                });
            }
        }
    }
    Ok(Some(log))
}

/// A result's level: its own, else its rule's default, else SARIF's default `warning`.
fn level<'v>(result: &'v Value, rules: &'v [Value]) -> &'v str {
    str_at(result, "level").unwrap_or_else(|| {
        let id = str_at(result, "ruleId");
        rules
            .iter()
            .find(|r| id.is_some() && str_at(r, "id") == id)
            .and_then(|r| r.pointer("/defaultConfiguration/level"))
            .and_then(Value::as_str)
            .unwrap_or("warning")
    })
}

/// A suppression with a non-empty justification that is not rejected.
fn justified(result: &Value) -> bool {
    array(result, "suppressions").iter().any(|s| {
        str_at(s, "status") != Some("rejected")
            && str_at(s, "justification").is_some_and(|j| !j.trim().is_empty())
    })
}

fn location(result: &Value) -> Option<String> {
    let physical = array(result, "locations")
        .first()?
        .get("physicalLocation")?;
    let uri = physical.pointer("/artifactLocation/uri")?.as_str()?;
    Some(
        match physical
            .pointer("/region/startLine")
            .and_then(Value::as_u64)
        {
            Some(line) => format!("{uri}:{line}"),
            None => uri.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_results_need_a_justified_suppression() {
        let log = br#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Semgrep OSS","rules":[
            {"id":"py.eval","defaultConfiguration":{"level":"error"}},{"id":"py.style"}]}},
          "results":[
            {"ruleId":"py.eval","locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/x.py"},"region":{"startLine":3}}}]},
            {"ruleId":"py.eval","suppressions":[{"kind":"inSource","justification":"input is a constant"}]},
            {"ruleId":"py.eval","suppressions":[{"kind":"inSource","justification":" "}]},
            {"ruleId":"py.style","level":"note"},
            {"ruleId":"py.style"}]}]}"#;
        let log = read(log).unwrap().unwrap();
        assert_eq!(log.tools, ["Semgrep OSS"]);
        assert_eq!((log.results, log.errors, log.unjustified_count), (5, 3, 2));
        assert_eq!(log.unjustified[0].location.as_deref(), Some("src/x.py:3"));
    }

    #[test]
    fn scanner_sarif_and_other_json_are_not_sast() {
        let trivy =
            br#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Trivy"}},"results":[]}]}"#;
        assert_eq!(read(trivy), Ok(None));
        assert_eq!(read(br#"{"name":"x"}"#), Ok(None));
        assert!(read(b"{").is_err());
    }
}
