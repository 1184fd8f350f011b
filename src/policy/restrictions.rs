//! What a policy may not do, checked when it is loaded, before anything is evaluated: call a
//! builtin that reaches the network or gives a different answer on each run (a scan is offline
//! and its output deterministic), or call itself, directly or through other rules (regorus
//! detects recursive rules but not recursive functions, which overflow the stack).
//!
//! regorus's `net.*` builtins are CIDR arithmetic, deterministic and offline, so they are allowed;
//! OPA's `net.lookup_ip_addr` is refused with the others should regorus ever add it.

use super::calls::{ModuleCalls, module_calls};
use super::engine::{Module, PolicyError};
use std::collections::{BTreeMap, BTreeSet};

/// Builtins a policy may not call, and why.
const REFUSED_BUILTINS: &[(&str, &str)] = &[
    ("http.send", "it reads the network, and a scan is offline"),
    (
        "net.lookup_ip_addr",
        "it reads the network, and a scan is offline",
    ),
    (
        "time.now_ns",
        "it differs on each run; compare against `input.as_of`",
    ),
    ("uuid.rfc4122", "it differs on each run"),
    ("rand.intn", "it differs on each run"),
    ("opa.runtime", "it reads the environment of the run"),
];

/// Refuses a module that calls a builtin of [`REFUSED_BUILTINS`], naming the file and line.
pub(super) fn check_builtins(module: &Module) -> Result<(), PolicyError> {
    let Some(calls) = module_calls(&module.path, &module.text) else {
        return Ok(());
    };
    for call in calls.calls() {
        if let Some((name, why)) = REFUSED_BUILTINS.iter().find(|(b, _)| *b == call.name) {
            return Err(PolicyError::Refused {
                path: module.path.clone(),
                line: call.line,
                builtin: name.to_string(),
                why: why.to_string(),
            });
        }
    }
    Ok(())
}

/// A rule as a node of the call graph: `package.name`, where it is defined.
#[derive(Debug, Clone)]
struct Node {
    path: String,
    line: u32,
    callees: BTreeSet<String>,
}

/// The full name a call resolves to in `module`: `data.x.f`, an imported alias, or a rule of
/// the module's own package.
fn resolve(module: &ModuleCalls, call: &str) -> String {
    if let Some(rest) = call.strip_prefix("data.") {
        return rest.to_string();
    }
    let (first, rest) = call
        .split_once('.')
        .map_or((call, None), |(a, b)| (a, Some(b)));
    match (module.imports.get(first), rest) {
        (Some(path), Some(rest)) => format!("{path}.{rest}"),
        (Some(path), None) => path.clone(),
        _ => format!("{}.{call}", module.package),
    }
}

fn call_graph(modules: &[Module]) -> BTreeMap<String, Node> {
    let mut graph: BTreeMap<String, Node> = BTreeMap::new();
    for m in modules {
        let Some(calls) = module_calls(&m.path, &m.text) else {
            continue;
        };
        for rule in &calls.rules {
            let node = graph
                .entry(format!("{}.{}", calls.package, rule.name))
                .or_insert_with(|| Node {
                    path: m.path.clone(),
                    line: rule.line,
                    callees: BTreeSet::new(),
                });
            node.callees
                .extend(rule.calls.iter().map(|c| resolve(&calls, &c.name)));
        }
    }
    graph
}

/// Refuses a set of modules in which a rule calls itself, directly or through others.
pub(super) fn check_recursion(modules: &[Module]) -> Result<(), PolicyError> {
    let graph = call_graph(modules);
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut stack = vec![start.clone()];
        if let Some(cycle) = find_cycle(&graph, &mut stack, &mut done) {
            let first = &graph[&cycle[0]];
            return Err(PolicyError::Recursion {
                path: first.path.clone(),
                line: first.line,
                cycle: cycle.join(" -> "),
            });
        }
    }
    Ok(())
}

/// Depth-first search from the top of `stack`: the cycle found, first rule repeated at the end.
fn find_cycle(
    graph: &BTreeMap<String, Node>,
    stack: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    let current = stack.last()?.clone();
    if done.contains(&current) {
        return None;
    }
    for callee in graph[&current]
        .callees
        .iter()
        .filter(|c| graph.contains_key(*c))
    {
        if let Some(at) = stack.iter().position(|s| s == callee) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(callee.clone());
            return Some(cycle);
        }
        stack.push(callee.clone());
        let found = find_cycle(graph, stack, done);
        stack.pop();
        if found.is_some() {
            return found;
        }
    }
    done.insert(current);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(path: &str, text: &str) -> Module {
        Module {
            path: path.into(),
            text: text.into(),
            builtin: false,
        }
    }

    #[test]
    fn refused_builtins_are_named_with_file_and_line() {
        let m = module(
            "p.rego",
            "package p\n\n# http.send(x)\nr := \"time.now_ns()\"\ns := x if {\n\tx := time.now_ns()\n}\n",
        );
        let err = check_builtins(&m).unwrap_err().to_string();
        assert!(err.starts_with("p.rego:6:"), "{err}");
        assert!(err.contains("`time.now_ns`"), "{err}");
        let fine = module(
            "q.rego",
            "package q\n\nr := net.cidr_contains(\"10.0.0.0/8\", \"10.1.1.1\")\n",
        );
        assert!(check_builtins(&fine).is_ok());
    }

    #[test]
    fn recursion_through_imports_and_packages_is_refused() {
        let a = module(
            "a.rego",
            "package a\n\nimport data.b\n\nf(x) := y if {\n\ty := b.g(x)\n}\n",
        );
        let b = module("b.rego", "package b\n\ng(x) := data.a.f(x)\n");
        let err = check_recursion(&[a.clone(), b]).unwrap_err().to_string();
        assert_eq!(
            err,
            "a.rego:5: a recursive call is not allowed in a policy: a.f -> b.g -> a.f"
        );
        let direct = module(
            "d.rego",
            "package d\n\nf(0) := 0\n\nf(n) := f(n - 1) if n > 0\n",
        );
        assert!(check_recursion(&[direct]).is_err());
        let b_fine = module("b.rego", "package b\n\ng(x) := lower(x)\n");
        assert!(check_recursion(&[a, b_fine]).is_ok());
    }
}
