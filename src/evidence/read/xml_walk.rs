//! A small streaming walk over XML elements for the XML evidence formats (Cobertura, JaCoCo,
//! JUnit): quick-xml events folded into starts (with the ancestors' names) and ends, attribute
//! lookup, and the errors a strict reader owes its user (malformed, unclosed, empty input).
//! DOCTYPE declarations are skipped as events; no external entity or DTD is ever fetched, and
//! entities are never expanded. Elements nested deeper than [`MAX_XML_DEPTH`] end the walk with
//! an error.

use crate::nesting::MAX_XML_DEPTH;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
}

pub fn num<T: std::str::FromStr>(e: &BytesStart, name: &str) -> Option<T> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

/// An element event: a start (with the names of its ancestors) or an end.
pub enum Node<'a, 'b> {
    Start(&'a [String], &'a BytesStart<'b>),
    End(&'a str),
}

/// The error of an element opened [`MAX_XML_DEPTH`] levels deep, at byte `at`.
pub fn too_deep(at: u64) -> String {
    format!("XML nested deeper than {MAX_XML_DEPTH} elements at byte {at}; not read further")
}

/// Walks every element, calling `visit` for each start and end; errors on malformed XML.
pub fn walk(text: &str, mut visit: impl FnMut(Node) -> Result<(), String>) -> Result<(), String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<String> = Vec::new();
    let mut saw_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("invalid XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                saw_root = true;
                if stack.len() == MAX_XML_DEPTH {
                    return Err(too_deep(reader.buffer_position()));
                }
                visit(Node::Start(&stack, &e))?;
                stack.push(e.local_name().as_ref().to_string());
            }
            Event::Empty(e) => {
                saw_root = true;
                visit(Node::Start(&stack, &e))?;
                visit(Node::End(e.local_name().as_ref()))?;
            }
            Event::End(e) => {
                stack.pop();
                visit(Node::End(e.local_name().as_ref()))?;
            }
            _ => {}
        }
    }
    match (saw_root, stack.last()) {
        (false, _) => Err("no XML root element (empty report)".into()),
        (_, Some(open)) => Err(format!("invalid XML: <{open}> is never closed")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_deeper_than_the_limit_is_an_error() {
        let deep = |n| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(walk(&deep(MAX_XML_DEPTH), |_| Ok(())).is_ok());
        let err = walk(&deep(100_000), |_| Ok(())).unwrap_err();
        assert!(err.contains("deeper than 256"), "{err}");
    }
}
