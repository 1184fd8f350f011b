//! The evidence document as the scan holds it: the JSON document, with the history's commit
//! records kept apart as text ([`CommitList`]), put back under `history.commits` when the
//! document is printed (`samdscan evidence`) and when it is made the policies' input
//! (`policy::input`).

use super::commit_list::CommitList;
use super::history;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// The evidence document: ordered JSON, exactly what the policies see as `input`.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Everything but `history.commits`.
    document: Value,
    /// `history.commits`.
    records: Records,
}

/// The history's commit records, as the evidence holds them.
#[derive(Debug, Clone, Default)]
enum Records {
    /// The document has none.
    #[default]
    None,
    Held(CommitList),
    /// Given up ([`Evidence::give_up_commits`]): how many there were, and the oldest one's id.
    GivenUp {
        count: usize,
        oldest_id: Option<String>,
    },
}

/// A whole document, its `history.commits` (if any) moved apart.
impl From<Value> for Evidence {
    fn from(mut document: Value) -> Evidence {
        let commits = document
            .get_mut("history")
            .and_then(Value::as_object_mut)
            .and_then(|h| h.remove("commits"))
            .map(|c| match c {
                Value::Array(values) => CommitList::from_values(values),
                _ => CommitList::default(),
            });
        Evidence {
            document,
            records: commits.map_or(Records::None, Records::Held),
        }
    }
}

impl Evidence {
    /// A document whose history's commit records are `commits` (the document has none of its
    /// own), or, without them, whatever the document has.
    pub(super) fn assemble(document: Value, commits: Option<CommitList>) -> Evidence {
        match commits {
            Some(commits) => Evidence {
                document,
                records: Records::Held(commits),
            },
            None => Evidence::from(document),
        }
    }

    /// The document without `history.commits` (see [`Evidence::commits`]).
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// `history.commits`, when the document has it and has not given it up.
    pub fn commits(&self) -> Option<&CommitList> {
        match &self.records {
            Records::Held(commits) => Some(commits),
            _ => None,
        }
    }

    /// How many commit records the history scope has (given up or not).
    pub fn commit_count(&self) -> usize {
        match &self.records {
            Records::None => 0,
            Records::Held(commits) => commits.len(),
            Records::GivenUp { count, .. } => *count,
        }
    }

    /// The id of the oldest commit record (the last in the walk's order), given up or not.
    pub fn oldest_commit_id(&self) -> Option<String> {
        match &self.records {
            Records::None => None,
            Records::Held(commits) => commits.oldest_id(),
            Records::GivenUp { oldest_id, .. } => oldest_id.clone(),
        }
    }

    /// Hands the commit records over (to the policies' input, which may then free each
    /// record's text as it reads it). From then on [`Evidence::commits`] is `None` and the
    /// evidence knows only [`Evidence::commit_count`] and [`Evidence::oldest_commit_id`]: the
    /// printed document and the HTML dossier need the evidence to keep them.
    pub fn give_up_commits(&mut self) -> Option<CommitList> {
        let Records::Held(commits) = &self.records else {
            return None;
        };
        let tally = Records::GivenUp {
            count: commits.len(),
            oldest_id: commits.oldest_id(),
        };
        match std::mem::replace(&mut self.records, tally) {
            Records::Held(commits) => Some(commits),
            _ => None,
        }
    }

    /// The top-level part `key`, `null` when absent.
    pub fn get(&self, key: &str) -> &Value {
        self.document.get(key).unwrap_or(&Value::Null)
    }

    /// Summarises the history's changed-path lists to what the policies read (see
    /// `history::summarise_changes`); `samdscan evidence --full` leaves them whole.
    pub fn summarise_history(&mut self) {
        if let Records::Held(commits) = &mut self.records {
            history::summarise_changes(&self.document, commits);
        }
    }

    /// The README at the root of the repository, if any (an anchor for repository-level findings).
    pub fn readme(&self) -> Option<&str> {
        self.document
            .pointer("/repository/readme")
            .and_then(Value::as_str)
    }

    /// The whole document, as `samdscan evidence` prints it.
    pub fn printed(&self) -> impl Serialize + '_ {
        Whole {
            document: &self.document,
            commits: self.commits().map(CommitList::printed),
        }
    }
}

/// A document with its commit records in place.
struct Whole<'a, C> {
    document: &'a Value,
    commits: Option<C>,
}

impl<C: Serialize> Serialize for Whole<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (Some(commits), Value::Object(doc)) = (&self.commits, self.document) else {
            return self.document.serialize(serializer);
        };
        let mut map = serializer.serialize_map(Some(doc.len()))?;
        for (key, value) in doc {
            match value {
                Value::Object(h) if key == "history" => {
                    map.serialize_entry(key, &History { map: h, commits })?
                }
                _ => map.serialize_entry(key, value)?,
            }
        }
        map.end()
    }
}

/// The history part with `commits` among its keys, in their sorted order.
struct History<'a, C> {
    map: &'a Map<String, Value>,
    commits: &'a C,
}

impl<C: Serialize> Serialize for History<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const KEY: &str = "commits";
        let mut map = serializer.serialize_map(Some(self.map.len() + 1))?;
        let mut placed = false;
        for (key, value) in self.map {
            if !placed && key.as_str() > KEY {
                map.serialize_entry(KEY, self.commits)?;
                placed = true;
            }
            map.serialize_entry(key, value)?;
        }
        if !placed {
            map.serialize_entry(KEY, self.commits)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document() -> Value {
        json!({
            "as_of": "2026-12-01",
            "history": {
                "available": true,
                "commit_count": 2,
                "commits": [{"id": "b", "changes": []}, {"id": "a", "changes": []}],
                "merges": {},
            },
            "sboms": [],
        })
    }

    #[test]
    fn a_document_prints_as_it_was_given() {
        let evidence = Evidence::from(document());
        assert_eq!(evidence.document()["history"].get("commits"), None);
        assert_eq!(evidence.commits().map(CommitList::len), Some(2));
        let printed = serde_json::to_string_pretty(&evidence.printed()).unwrap();
        assert_eq!(printed, serde_json::to_string_pretty(&document()).unwrap());
    }

    #[test]
    fn commits_go_last_when_no_key_sorts_after_them() {
        let doc = json!({"history": {"available": true, "commits": [{"id": "a"}]}});
        let printed = serde_json::to_string(&Evidence::from(doc.clone()).printed()).unwrap();
        assert_eq!(printed, doc.to_string());
    }

    #[test]
    fn given_up_commits_leave_their_count_and_oldest_id() {
        let mut evidence = Evidence::from(document());
        assert_eq!(evidence.commit_count(), 2);
        assert_eq!(evidence.oldest_commit_id().as_deref(), Some("a"));
        let commits = evidence.give_up_commits().map(|c| c.len());
        assert_eq!(commits, Some(2));
        assert!(evidence.commits().is_none());
        assert_eq!(evidence.commit_count(), 2);
        assert_eq!(evidence.oldest_commit_id().as_deref(), Some("a"));
        assert!(evidence.give_up_commits().is_none(), "given up once");
        assert_eq!(
            evidence.commit_count(),
            2,
            "the tally outlives a second give-up"
        );
    }

    #[test]
    fn a_document_without_commits_gets_none() {
        let doc = json!({"history": {"available": false}});
        let evidence = Evidence::from(doc.clone());
        assert!(evidence.commits().is_none());
        assert_eq!(evidence.commit_count(), 0);
        assert_eq!(evidence.oldest_commit_id(), None);
        let printed = serde_json::to_string(&evidence.printed()).unwrap();
        assert_eq!(printed, doc.to_string());
    }
}
