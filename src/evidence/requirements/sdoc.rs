//! StrictDoc `.sdoc` documents: each `[REQUIREMENT]` (or other node) with a `UID:` is a
//! requirement; its `TITLE:` is the title and its fields, multi-line `>>>`/`<<<` blocks included,
//! are its text.

use super::Requirement;

pub(super) fn parse(text: &str) -> Vec<Requirement> {
    let mut out = Vec::new();
    let mut node: Option<Node> = None;
    let mut in_block = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if in_block {
            in_block = t != "<<<";
            if let Some(n) = node.as_mut() {
                n.text.push_str(line);
                n.text.push('\n');
            }
            continue;
        }
        if is_node_start(t) {
            out.extend(node.take().and_then(Node::finish));
            node = Some(Node {
                line: i + 1,
                ..Node::default()
            });
            continue;
        }
        let Some(n) = node.as_mut() else { continue };
        if let Some(uid) = t.strip_prefix("UID:") {
            n.uid = uid.trim().to_string();
        } else if let Some(title) = t.strip_prefix("TITLE:") {
            n.title = title.trim().to_string();
        }
        in_block = t.ends_with(">>>");
        n.text.push_str(line);
        n.text.push('\n');
    }
    out.extend(node.and_then(Node::finish));
    out
}

/// `[REQUIREMENT]`, `[TEXT]`, `[[SECTION]]`: a node opens; `[/SECTION]` closes one.
fn is_node_start(t: &str) -> bool {
    let inner = t.trim_start_matches('[').trim_end_matches(']');
    t.starts_with('[')
        && t.ends_with(']')
        && !inner.starts_with('/')
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}

#[derive(Default)]
struct Node {
    line: usize,
    uid: String,
    title: String,
    text: String,
}

impl Node {
    fn finish(self) -> Option<Requirement> {
        (!self.uid.is_empty())
            .then(|| Requirement::new(&self.uid, &self.title, self.line, "sdoc", &self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_with_uids_and_multiline_statements() {
        let text = "[DOCUMENT]\nTITLE: SRS\n\n[REQUIREMENT]\nUID: REQ-1\nTITLE: Heart rate\nSTATEMENT: >>>\nThe system shall.\n[NOT A NODE]\n<<<\n\n[[SECTION]]\nTITLE: Alarms\n\n[REQUIREMENT]\nUID: REQ-2\nTITLE: Alarm\n[[/SECTION]]\n";
        let found = parse(text);
        let ids: Vec<(&str, &str, usize)> = found
            .iter()
            .map(|r| (r.id.as_str(), r.title.as_str(), r.line))
            .collect();
        assert_eq!(ids, [("REQ-1", "Heart rate", 4), ("REQ-2", "Alarm", 15)]);
        assert!(found[0].text.contains("The system shall."));
    }
}
