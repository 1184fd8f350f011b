//! The files users copy or reference: action.yml, the example workflow and .pre-commit-hooks.yaml.
//! These checks keep the promises a reviewer would otherwise have to re-read each time: no input
//! is interpolated into a script, every action is pinned by commit, every output the action
//! declares is written by its scan step, and the hooks and workflow keep their settings.
//! (zizmor and actionlint check the same files in .ci/integrations.sh.)

use serde_json::Value;
use std::path::Path;

fn yaml(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn text(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn steps(doc: &Value, pointer: &str) -> Vec<Value> {
    doc.pointer(pointer)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_else(|| panic!("no steps at {pointer}"))
}

fn is_commit_pin(uses: &str) -> bool {
    uses.rsplit_once('@')
        .is_some_and(|(_, r)| r.len() == 40 && r.chars().all(|c| c.is_ascii_hexdigit()))
}

#[test]
fn action_scripts_receive_inputs_only_through_the_environment() {
    let action = yaml("action.yml");
    for step in steps(&action, "/runs/steps") {
        if let Some(run) = step["run"].as_str() {
            assert!(!run.contains("${{"), "expression inside a script: {run}");
            assert!(
                run.starts_with("bash \"$GITHUB_ACTION_PATH/action/"),
                "{run}"
            );
            assert_eq!(step["shell"], "bash");
        }
        if let Some(uses) = step["uses"].as_str() {
            assert!(is_commit_pin(uses), "not pinned by commit: {uses}");
        }
    }
}

#[test]
fn every_action_input_reaches_a_script_and_every_output_is_written() {
    let action = yaml("action.yml");
    let yml = text("action.yml");
    for (name, _) in action["inputs"].as_object().unwrap() {
        assert!(
            yml.contains(&format!("${{{{ inputs.{name} }}}}")),
            "input {name} is never used"
        );
    }
    let scan = text("action/scan.sh");
    for (name, output) in action["outputs"].as_object().unwrap() {
        let value = output["value"].as_str().unwrap();
        let step_output = value
            .strip_prefix("${{ steps.scan.outputs.")
            .and_then(|v| v.strip_suffix(" }}"))
            .unwrap_or_else(|| panic!("output {name} does not come from the scan step: {value}"));
        assert!(
            scan.contains(&format!("set_output {step_output} ")),
            "scan.sh never writes {step_output}"
        );
    }
}

#[test]
fn the_gate_runs_after_the_upload() {
    let action = yaml("action.yml");
    let steps = steps(&action, "/runs/steps");
    let position = |needle: &str| {
        steps
            .iter()
            .position(|s| serde_json::to_string(s).unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no step with {needle}"))
    };
    assert!(position("upload-sarif@") < position("action/gate.sh"));
    assert_eq!(
        steps.last().unwrap()["if"],
        "${{ !cancelled() && steps.scan.outputs.exit-code != '' }}"
    );
}

#[test]
fn the_example_workflow_has_the_permissions_and_history_it_needs() {
    let wf = yaml("examples/workflows/samdscan.yml");
    assert_eq!(wf["permissions"], serde_json::json!({}));
    let job = &wf["jobs"]["samdscan"];
    assert_eq!(job["permissions"]["security-events"], "write");
    assert_eq!(job["permissions"]["contents"], "read");
    let steps = steps(job, "/steps");
    let checkout = &steps[0];
    assert!(is_commit_pin(checkout["uses"].as_str().unwrap()));
    assert_eq!(
        checkout["with"]["fetch-depth"], 0,
        "history rules and --base need history"
    );
    assert_eq!(checkout["with"]["persist-credentials"], false);
    assert!(
        steps[1]["uses"]
            .as_str()
            .unwrap()
            .starts_with("samdscan/samdscan@")
    );
    for event in ["push", "pull_request"] {
        assert!(wf["on"].get(event).is_some(), "runs on {event}");
    }
}

#[test]
fn the_pre_commit_hooks_check_the_whole_staged_repository() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let hook = |id: &str| {
        hooks
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("no hook {id}"))
            .clone()
    };
    let scan = hook("samdscan");
    assert_eq!(scan["language"], "rust");
    assert_eq!(scan["pass_filenames"], false);
    assert_eq!(scan["always_run"], true);
    assert!(
        scan["entry"]
            .as_str()
            .unwrap()
            .starts_with("samdscan scan ")
    );
    let test = hook("samdscan-policy-test");
    assert_eq!(test["language"], "rust");
    assert_eq!(test["entry"], "samdscan policy test");
    assert_eq!(test["files"], "\\.rego$");
}
