//! The evidence document as the engine's input: the document parsed once, and the history's
//! commit records ([`CommitList`]) each parsed from the text they are held as, so that no text
//! of the whole document is ever made. The records' strings of up to [`MAX_SHARED`] bytes are
//! shared: the same keys, paths, statuses, areas, people and commit ids recur across the records
//! of a history, and in the engine each would otherwise be an allocation of its own. So are
//! arrays and objects of up to [`MAX_SHARED_ITEMS`] scalars: a change entry recurs in every
//! commit that changes the file the same way, an author is most often the committer too, and
//! lists of parents, references and areas repeat.

use super::engine::{PolicyError, rego_error};
use crate::evidence::CommitList;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The longest string shared among the records (a commit id is 40 bytes).
const MAX_SHARED: usize = 64;

/// The engine's `input` for the evidence `document` with its history's `commits` (the text of
/// each is freed once read when no copy shares them: see [`CommitList::read_each_freeing`]).
pub(super) fn rego_input(
    document: &serde_json::Value,
    commits: Option<CommitList>,
) -> Result<regorus::Value, PolicyError> {
    let text = document.to_string();
    let mut input = regorus::Value::from_json_str(&text).map_err(rego_error)?;
    if let Some(commits) = commits {
        let records = commit_values(commits)?;
        let history = input
            .as_object_mut()
            .ok()
            .and_then(|doc| doc.get_mut(&regorus::Value::from("history")))
            .and_then(|h| h.as_object_mut().ok())
            .ok_or_else(|| rego_error("the evidence has commits but no history"))?;
        history.insert(regorus::Value::from("commits"), records);
    }
    Ok(input)
}

/// The records as one array value.
fn commit_values(commits: CommitList) -> Result<regorus::Value, PolicyError> {
    let mut shared = Shared::default();
    let mut values = Vec::with_capacity(commits.len());
    commits.read_each_freeing(|record| {
        let mut parser = serde_json::Deserializer::from_str(record);
        values.push(
            Seed(&mut shared)
                .deserialize(&mut parser)
                .map_err(rego_error)?,
        );
        parser.end().map_err(rego_error)
    })?;
    Ok(regorus::Value::from(values))
}

/// The most items of an array or object shared among the records when all its items are
/// scalars (a change entry, an author, a list of parents or references, an empty list).
const MAX_SHARED_ITEMS: usize = 4;

/// The strings, and the small arrays and objects of scalars, seen so far.
#[derive(Default)]
struct Shared {
    strings: HashSet<regorus::Rc<str>>,
    leaves: BTreeSet<regorus::Value>,
}

impl Shared {
    fn string(&mut self, s: &str) -> regorus::Value {
        if s.len() > MAX_SHARED {
            return regorus::Value::from(s);
        }
        let rc = match self.strings.get(s) {
            Some(rc) => rc.clone(),
            None => {
                let rc: regorus::Rc<str> = s.into();
                self.strings.insert(rc.clone());
                rc
            }
        };
        regorus::Value::String(rc)
    }

    /// `value`, or the equal one seen before when it is an array or object of up to
    /// [`MAX_SHARED_ITEMS`] scalars. The engine copies a value before changing it, so sharing
    /// is safe.
    fn leaf(&mut self, value: regorus::Value) -> regorus::Value {
        let small = match &value {
            regorus::Value::Array(items) => {
                items.len() <= MAX_SHARED_ITEMS && items.iter().all(is_scalar)
            }
            regorus::Value::Object(entries) => {
                entries.len() <= MAX_SHARED_ITEMS && entries.values().all(is_scalar)
            }
            _ => false,
        };
        if !small {
            return value;
        }
        match self.leaves.get(&value) {
            Some(seen) => seen.clone(),
            None => {
                self.leaves.insert(value.clone());
                value
            }
        }
    }
}

/// Whether `value` holds no other values.
fn is_scalar(value: &regorus::Value) -> bool {
    use regorus::Value::{Array, Object, Set};
    !matches!(value, Array(_) | Object(_) | Set(_))
}

/// Reads one JSON value as the engine's value, its short strings shared.
struct Seed<'s>(&'s mut Shared);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = regorus::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = regorus::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(regorus::Value::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(regorus::Value::Bool(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(regorus::Value::from(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(regorus::Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(regorus::Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.string(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed(&mut *self.0))? {
            items.push(item);
        }
        Ok(self.0.leaf(regorus::Value::from(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = BTreeMap::new();
        while let Some(key) = map.next_key_seed(Seed(&mut *self.0))? {
            let value = map.next_value_seed(Seed(&mut *self.0))?;
            entries.insert(key, value);
        }
        let object = if entries.is_empty() {
            regorus::Value::new_object()
        } else {
            regorus::Value::from(entries)
        };
        Ok(self.0.leaf(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Evidence;
    use serde_json::{Value, json};

    /// The input as the engine would parse the whole document's text.
    fn parsed_whole(doc: &Value) -> regorus::Value {
        regorus::Value::from_json_str(&doc.to_string()).unwrap()
    }

    #[test]
    fn the_input_is_the_whole_document() {
        let commits: Vec<Value> = (0..30)
            .map(|i| {
                json!({"id": format!("{i:040}"), "n": i, "neg": -(i as i64), "f": 0.5, "ok": i % 2 == 0,
                       "merged_by": null, "empty": {}, "subject": "x".repeat(i * 5),
                       "changes": [{"path": "a", "status": "added", "areas": ["src"]}]})
            })
            .collect();
        let doc =
            json!({"as_of": "2026-12-01", "history": {"available": true, "commits": commits}});
        let none = json!({"history": {"available": false}});
        for doc in [doc, none] {
            let mut evidence = Evidence::from(doc.clone());
            let shared = rego_input(evidence.document(), evidence.commits().cloned());
            assert_eq!(shared.unwrap(), parsed_whole(&doc), "records shared");
            let own = evidence.give_up_commits();
            let own = rego_input(evidence.document(), own);
            assert_eq!(own.unwrap(), parsed_whole(&doc), "records given up");
        }
    }

    #[test]
    fn short_strings_are_shared_and_long_ones_are_not() {
        let mut shared = Shared::default();
        let (regorus::Value::String(a), regorus::Value::String(b)) =
            (shared.string("src/app.rs"), shared.string("src/app.rs"))
        else {
            panic!("strings");
        };
        assert!(regorus::Rc::ptr_eq(&a, &b));
        let long = "x".repeat(MAX_SHARED + 1);
        let (regorus::Value::String(a), regorus::Value::String(b)) =
            (shared.string(&long), shared.string(&long))
        else {
            panic!("strings");
        };
        assert!(!regorus::Rc::ptr_eq(&a, &b));
    }

    #[test]
    fn small_arrays_and_objects_of_scalars_are_shared_and_others_are_not() {
        let records = [
            json!({"changes": [{"path": "a", "status": "added"}], "parents": ["p"], "big": [1, 2, 3, 4, 5]}),
            json!({"changes": [{"path": "a", "status": "added"}], "parents": ["p"], "big": [1, 2, 3, 4, 5]}),
        ];
        let list = CommitList::from_values(records.to_vec());
        let values = commit_values(list).unwrap();
        let records = values.as_array().unwrap();
        assert_eq!(records.len(), 2);
        let (a, b) = (&records[0], &records[1]);
        let shared = |x: &regorus::Value, y: &regorus::Value| match (x, y) {
            (regorus::Value::Array(x), regorus::Value::Array(y)) => regorus::Rc::ptr_eq(x, y),
            (regorus::Value::Object(x), regorus::Value::Object(y)) => regorus::Rc::ptr_eq(x, y),
            _ => false,
        };
        let key = |v: &regorus::Value, k: &str| v[&regorus::Value::from(k)].clone();
        let change = |v: &regorus::Value| key(v, "changes").as_array().unwrap()[0].clone();
        assert!(shared(&change(a), &change(b)), "a change entry");
        assert!(
            shared(&key(a, "parents"), &key(b, "parents")),
            "a list of ids"
        );
        assert!(!shared(&key(a, "big"), &key(b, "big")), "five items");
        assert!(
            !shared(&key(a, "changes"), &key(b, "changes")),
            "a list of objects"
        );
        assert!(!shared(a, b), "records");
    }
}
