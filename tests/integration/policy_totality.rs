//! The built-in policies are total over every document `schema/evidence.schema.json` allows:
//! documents generated from the schema (every field filled, every nullable field null, only the
//! required keys) and mutants of the examples' real evidence (nullable fields nulled, optional
//! keys dropped, nested lists emptied, one top-level key at a time and all at once) are
//! evaluated by every built-in rule, and none may raise a runtime error (regorus raises on a
//! type mismatch such as `lower(null)`, which fails the whole scan).

use samdscan::evidence::Evidence;
use samdscan::policy::PolicySet;
use serde_json::{Map, Value, json};
use std::path::Path;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/evidence.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A schema node with its `$ref` followed.
fn resolve<'s>(root: &'s Value, node: &'s Value) -> &'s Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("local $ref");
            resolve(root, &root["$defs"][name])
        }
        None => node,
    }
}

fn branches(node: &Value) -> Vec<&Value> {
    ["anyOf", "oneOf"]
        .iter()
        .filter_map(|k| node.get(*k).and_then(Value::as_array))
        .flatten()
        .collect()
}

fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ if node.get("properties").is_some() => vec!["object"],
        _ => vec![],
    }
}

fn nullable(root: &Value, node: &Value) -> bool {
    let node = resolve(root, node);
    types(node).contains(&"null")
        || node
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|e| e.contains(&Value::Null))
        || branches(node).iter().any(|b| nullable(root, b))
}

/// How a generated document fills the schema.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Fill {
    /// Every property, non-null values, one item per list.
    Values,
    /// Every property, null wherever allowed.
    Nulls,
    /// Every property, null wherever a string, number or boolean may be null.
    NullScalars,
    /// Required properties only, non-null values, empty lists.
    RequiredOnly,
}

fn generate(root: &Value, node: &Value, fill: Fill) -> Value {
    let node = resolve(root, node);
    let scalar =
        !types(node).iter().any(|t| matches!(*t, "object" | "array")) && branches(node).is_empty();
    if nullable(root, node) && (fill == Fill::Nulls || fill == Fill::NullScalars && scalar) {
        return Value::Null;
    }
    if let Some(c) = node.get("const") {
        return c.clone();
    }
    if let Some(e) = node.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .find(|v| !v.is_null())
            .cloned()
            .unwrap_or(Value::Null);
    }
    if let Some(b) = branches(node)
        .into_iter()
        .find(|b| !types(resolve(root, b)).contains(&"null"))
    {
        return generate(root, b, fill);
    }
    match types(node).into_iter().find(|t| *t != "null") {
        Some("object") => generate_object(root, node, fill),
        Some("array") if fill == Fill::RequiredOnly => json!([]),
        Some("array") => json!([generate(root, &node["items"], fill)]),
        Some("string") if node.get("pattern").is_some() => json!("2026-01-01"),
        Some("string") => json!("x"),
        Some("integer" | "number") => node.get("minimum").cloned().unwrap_or(json!(0)),
        Some("boolean") => json!(true),
        _ => Value::Null,
    }
}

fn generate_object(root: &Value, node: &Value, fill: Fill) -> Value {
    let required: Vec<&str> = node
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = Map::new();
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (k, sub) in props {
            if fill != Fill::RequiredOnly || required.contains(&k.as_str()) {
                out.insert(k.clone(), generate(root, sub, fill));
            }
        }
    }
    for k in required {
        out.entry(k).or_insert_with(|| json!("x"));
    }
    if let Some(extra) = node.get("additionalProperties").filter(|a| a.is_object())
        && fill != Fill::RequiredOnly
    {
        out.insert("k".into(), generate(root, extra, fill));
    }
    Value::Object(out)
}

/// A mutation of real evidence.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mutation {
    /// Null every nullable field that holds a string, number or boolean.
    NullScalars,
    /// Null every nullable field.
    NullAll,
    /// Drop every optional key.
    DropOptional,
    /// Empty every list inside a record.
    EmptyNestedLists,
}

/// The schema node that describes `v` among `node`'s branches (the one of its JSON type).
fn branch_for<'s>(root: &'s Value, node: &'s Value, v: &Value) -> &'s Value {
    let node = resolve(root, node);
    let kind = match v {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        _ => return node,
    };
    branches(node)
        .into_iter()
        .map(|b| resolve(root, b))
        .find(|b| types(b).contains(&kind))
        .unwrap_or(node)
}

fn mutate(root: &Value, node: &Value, v: &mut Value, m: Mutation, depth: usize) {
    let node = branch_for(root, node, v);
    match v {
        Value::Object(map) => {
            let required: Vec<String> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                let sub = node
                    .get("properties")
                    .and_then(|p| p.get(&k))
                    .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()));
                let Some(sub) = sub else { continue };
                let child = map.get_mut(&k).unwrap();
                let scalar = !(child.is_object() || child.is_array() || child.is_null());
                match m {
                    Mutation::DropOptional if !required.contains(&k) => {
                        map.remove(&k);
                        continue;
                    }
                    Mutation::NullAll if nullable(root, sub) => *child = Value::Null,
                    Mutation::NullScalars if scalar && nullable(root, sub) => *child = Value::Null,
                    _ => mutate(root, sub, child, m, depth + 1),
                }
            }
        }
        Value::Array(items) => {
            if m == Mutation::EmptyNestedLists && depth > 1 {
                items.clear();
            }
            for item in items {
                mutate(root, &node["items"], item, m, depth + 1);
            }
        }
        _ => {}
    }
}

/// Evaluates every built-in rule on `doc`; the error, named by `what`, if one raised.
fn evaluate(policies: &PolicySet, doc: &Value, what: &str) -> Option<String> {
    let rules: Vec<_> = policies.rules.iter().collect();
    policies
        .evaluate(&rules, &Evidence::from(doc.clone()))
        .err()
        .map(|e| format!("{what}: {e}"))
}

fn validate(schema: &Value, doc: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is not valid evidence: {errors:?}"
    );
}

#[test]
fn builtin_policies_are_total_over_documents_generated_from_the_schema() {
    let schema = schema();
    let policies = PolicySet::builtin().unwrap();
    let mut errors = Vec::new();
    for fill in [
        Fill::Values,
        Fill::Nulls,
        Fill::NullScalars,
        Fill::RequiredOnly,
    ] {
        let doc = generate(&schema, &schema, fill);
        validate(&schema, &doc, &format!("{fill:?}"));
        errors.extend(evaluate(&policies, &doc, &format!("generated {fill:?}")));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn builtin_policies_are_total_over_null_mutants_of_the_examples_evidence() {
    let schema = schema();
    let policies = PolicySet::builtin().unwrap();
    let mut errors = Vec::new();
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let evidence = crate::common::evidence_json(&crate::common::example_repo(&dir, &name), &[]);
        let keys: Vec<String> = evidence.as_object().unwrap().keys().cloned().collect();
        for m in [
            Mutation::NullScalars,
            Mutation::NullAll,
            Mutation::DropOptional,
            Mutation::EmptyNestedLists,
        ] {
            let mut whole = evidence.clone();
            mutate(&schema, &schema, &mut whole, m, 0);
            let mut docs = vec![(format!("{name} {m:?}"), whole)];
            for k in &keys {
                let mut one = evidence.clone();
                mutate(&schema, &schema["properties"][k], &mut one[k], m, 1);
                if one != evidence {
                    docs.push((format!("{name} {m:?} in `{k}`"), one));
                }
            }
            for (what, doc) in docs {
                validate(&schema, &doc, &what);
                errors.extend(evaluate(&policies, &doc, &what));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n\n")
    );
}
