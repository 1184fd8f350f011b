//! The history's commit records (`history.commits`), kept beside the rest of the evidence
//! document as compact JSON text, one piece per commit. In a long history they are nearly the
//! whole document, and as `serde_json` values (B-tree nodes for each record and each changed
//! path) they took about ten times the memory of their text: 80,000 commits held 600 MB as
//! values and hold 58 MB as text. A reader parses one record at a time ([`CommitList::values`]);
//! the policies' input parses each record's text, freeing it once read when nothing else shares
//! the records ([`CommitList::read_each_freeing`]), and the printed document re-indents each
//! record's text as it is written ([`CommitList::printed`]). A record's keys are stored in the
//! document's (sorted) order, so printing it needs no parse.

use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;
use std::sync::Arc;

/// The commit records in the order of the history walk, newest first. A copy shares them.
#[derive(Debug, Clone, Default)]
pub struct CommitList(Arc<Vec<Stored>>);

#[derive(Debug, Clone)]
struct Stored {
    json: Box<RawValue>,
    /// How many changes the record lists in `changes` (see `history::summarise_changes`).
    listed_changes: usize,
}

impl CommitList {
    /// The records of `records`, each written out as it comes; `changes` says how many
    /// changes a record lists. A record must write its keys in sorted order at every level (a
    /// struct's fields declared in that order), as a `serde_json::Value` does: the printed
    /// document shows them as stored. Debug builds check it.
    pub fn from_records<T: Serialize>(
        records: impl IntoIterator<Item = T>,
        changes: impl Fn(&T) -> usize,
    ) -> CommitList {
        let stored = records
            .into_iter()
            .filter_map(|r| {
                let listed_changes = changes(&r);
                let json = serde_json::value::to_raw_value(&r).ok()?;
                debug_assert!(keys_sorted(&json), "unsorted keys in {}", json.get());
                Some(Stored {
                    json,
                    listed_changes,
                })
            })
            .collect();
        CommitList(Arc::new(stored))
    }

    /// The records of a document's `history.commits` array.
    pub fn from_values(values: Vec<Value>) -> CommitList {
        CommitList::from_records(values, listed_changes)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each record as JSON text.
    pub fn raw(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|s| s.json.get())
    }

    /// Gives `read` each record's text in turn. When no copy shares the records, each record's
    /// text is freed once `read` has had it, so that what `read` makes of the records can take
    /// their place in memory.
    pub fn read_each_freeing<E>(
        self,
        mut read: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<(), E> {
        match Arc::try_unwrap(self.0) {
            Ok(records) => records.into_iter().try_for_each(|s| read(s.json.get())),
            Err(shared) => shared.iter().try_for_each(|s| read(s.json.get())),
        }
    }

    /// The id of the oldest record (the last in the walk's order).
    pub fn oldest_id(&self) -> Option<String> {
        let last = self.values().next_back()?;
        last.get("id")?.as_str().map(str::to_string)
    }

    /// Each record as a value, parsed as it is reached.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = Value> + '_ {
        self.0.iter().map(|s| parse(&s.json))
    }

    /// Rewrites, with `edit`, each record that lists more than `changes` changes.
    pub fn edit_long(&mut self, changes: usize, edit: impl Fn(&mut Value)) {
        if !self.0.iter().any(|s| s.listed_changes > changes) {
            return;
        }
        for stored in Arc::make_mut(&mut self.0) {
            if stored.listed_changes > changes {
                let mut value = parse(&stored.json);
                edit(&mut value);
                if let Ok(json) = serde_json::value::to_raw_value(&value) {
                    stored.listed_changes = listed_changes(&value);
                    stored.json = json;
                }
            }
        }
    }

    /// The records as the evidence document prints them: each record's text re-indented as it
    /// is written, its keys in their stored (sorted) order.
    pub fn printed(&self) -> Printed<'_> {
        Printed(self)
    }
}

/// How many changes a record lists.
fn listed_changes(record: &Value) -> usize {
    record["changes"].as_array().map_or(0, Vec::len)
}

/// Whether a record's keys are in the order a `serde_json::Value` writes them, at every level.
fn keys_sorted(json: &RawValue) -> bool {
    serde_json::to_string(&parse(json)).ok().as_deref() == Some(json.get())
}

/// A stored record as a value: it was written from a value, so it parses.
fn parse(json: &RawValue) -> Value {
    serde_json::from_str(json.get()).unwrap_or_default()
}

/// See [`CommitList::printed`].
pub struct Printed<'a>(&'a CommitList);

impl Serialize for Printed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for stored in self.0.0.iter() {
            let mut record = serde_json::Deserializer::from_str(stored.json.get());
            seq.serialize_element(&serde_transcode::Transcoder::new(&mut record))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn records() -> Vec<Value> {
        vec![
            json!({"id": "b", "changes": [{"path": "x"}, {"path": "y"}], "areas": []}),
            json!({"id": "a", "changes": [], "areas": ["src"]}),
        ]
    }

    #[test]
    fn the_records_read_back_as_they_were_given() {
        let list = CommitList::from_values(records());
        assert_eq!(list.len(), 2);
        assert_eq!(list.values().collect::<Vec<_>>(), records());
        assert_eq!(list.raw().next(), Some(records()[0].to_string().as_str()));
    }

    #[test]
    fn printed_records_are_their_values_as_the_document_prints_them() {
        #[derive(serde::Serialize)]
        struct Record {
            a: u8,
            body: &'static str,
            nested: Vec<Nested>,
            z: Option<u8>,
        }
        #[derive(serde::Serialize)]
        struct Nested {
            m: [u8; 2],
            n: bool,
        }
        let record = || Record {
            a: 2,
            body: "line\nnext \"quoted\" 한국어",
            nested: vec![Nested { m: [1, 2], n: true }],
            z: None,
        };
        let list = CommitList::from_records([record(), record()], |_| 0);
        let values = serde_json::to_value([record(), record()]).unwrap();
        assert_eq!(
            serde_json::to_string(&list.printed()).unwrap(),
            values.to_string()
        );
        assert_eq!(
            serde_json::to_string_pretty(&list.printed()).unwrap(),
            serde_json::to_string_pretty(&values).unwrap()
        );
        let from_values = CommitList::from_values(vec![json!({"z": 1, "a": [{"y": 0, "b": 1}]})]);
        assert_eq!(
            serde_json::to_string(&from_values.printed()).unwrap(),
            r#"[{"a":[{"b":1,"y":0}],"z":1}]"#
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "unsorted keys")]
    fn records_with_unsorted_keys_are_refused_in_debug_builds() {
        #[derive(serde::Serialize)]
        struct Record {
            z: u8,
            a: u8,
        }
        CommitList::from_records([Record { z: 1, a: 2 }], |_| 0);
    }

    #[test]
    fn only_the_records_with_long_change_lists_are_edited() {
        let mut list = CommitList::from_values(records());
        let copy = list.clone();
        list.edit_long(1, |v| v["changes"] = json!([]));
        let edited: Vec<Value> = list.values().collect();
        assert_eq!(edited[0]["changes"], json!([]));
        assert_eq!(edited[1], records()[1]);
        assert_eq!(
            copy.values().collect::<Vec<_>>(),
            records(),
            "a copy keeps its own"
        );
        list.edit_long(0, |_| panic!("no record lists a change any more"));
    }

    #[test]
    fn each_record_is_read_shared_or_not() {
        let list = CommitList::from_values(records());
        let read = |list: CommitList| {
            let mut texts = vec![];
            list.read_each_freeing(|t| {
                texts.push(t.to_string());
                Ok::<_, ()>(())
            })
            .unwrap();
            texts
        };
        let expected: Vec<String> = records().iter().map(Value::to_string).collect();
        assert_eq!(read(list.clone()), expected, "shared with `list`");
        assert_eq!(read(list), expected, "its own");
        assert_eq!(
            CommitList::from_values(records()).oldest_id().as_deref(),
            Some("a")
        );
    }
}
