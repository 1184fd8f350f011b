//! The files users copy or reference: action.yml, the example workflow, .pre-commit-hooks.yaml
//! and its wheel-based mirror, and the release workflow and packaging that produce what they install.
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
    let action = steps[1]["uses"].as_str().unwrap();
    assert!(
        action.starts_with("samdscan/samdscan@") && is_commit_pin(action),
        "{action}"
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

#[test]
fn the_python_hooks_of_the_mirror_are_the_rust_hooks_installed_from_the_wheel() {
    let rust = yaml(".pre-commit-hooks.yaml");
    let python = yaml("pre-commit-mirror/.pre-commit-hooks.yaml");
    let (rust, python) = (rust.as_array().unwrap(), python.as_array().unwrap());
    assert_eq!(rust.len(), python.len());
    for (r, p) in rust.iter().zip(python) {
        assert_eq!(r["language"], "rust");
        assert_eq!(p["language"], "python", "{}", p["id"]);
        let mut p = p.clone();
        p["language"] = r["language"].clone();
        assert_eq!(&p, r, "the mirror's hook {} differs", r["id"]);
    }
    // The mirror installs the wheel of samdscan's own version.
    let mirror: toml::Value = toml::from_str(&text("pre-commit-mirror/pyproject.toml")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(mirror["project"]["version"].as_str(), Some(version));
    assert_eq!(
        mirror["project"]["dependencies"],
        toml::Value::Array(vec![format!("samdscan=={version}").into()])
    );
}

#[test]
fn the_wheel_is_the_binary() {
    let py: toml::Value = toml::from_str(&text("pyproject.toml")).unwrap();
    assert_eq!(
        py["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
    assert_eq!(py["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    assert_eq!(py["project"]["name"].as_str(), Some("samdscan"));
    assert_eq!(
        py["project"]["dynamic"],
        toml::Value::Array(vec!["version".into()]),
        "the version comes from Cargo.toml"
    );
}

#[test]
fn the_release_workflow_pins_its_actions_and_grants_each_job_only_what_it_needs() {
    let wf = yaml(".github/workflows/release.yml");
    assert_eq!(wf["permissions"], serde_json::json!({}));
    let tags = wf["on"]["push"]["tags"].as_array().unwrap();
    assert!(tags.iter().all(|t| t.as_str().unwrap().starts_with("v")));
    let writes = |job: &str| -> Vec<String> {
        let perms = wf["jobs"][job]["permissions"]
            .as_object()
            .unwrap_or_else(|| panic!("job {job} sets no permissions"));
        perms
            .iter()
            .filter(|(_, v)| *v == "write")
            .map(|(k, _)| k.clone())
            .collect()
    };
    for (job, expected) in [
        ("build", vec![]),
        ("sdist", vec![]),
        ("attest", vec!["attestations", "id-token"]),
        ("release", vec!["contents"]),
        ("pypi", vec!["id-token"]),
    ] {
        let mut got = writes(job);
        got.sort();
        assert_eq!(got, expected, "write permissions of job {job}");
    }
    let jobs = wf["jobs"].as_object().unwrap();
    for (name, job) in jobs {
        for step in steps(job, "/steps") {
            let Some(uses) = step["uses"].as_str() else {
                continue;
            };
            assert!(is_commit_pin(uses), "{name}: not pinned by commit: {uses}");
            if uses.starts_with("actions/checkout@") {
                assert_eq!(step["with"]["persist-credentials"], false, "{name}");
            }
        }
    }
    // Every target the action can ask for is built.
    let targets: Vec<&str> = wf["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["target"].as_str().unwrap())
        .collect();
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&target), "{target} is not built");
    }
}
