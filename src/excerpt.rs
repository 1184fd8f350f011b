//! Short, escaped excerpts of repository text for messages. A config or evidence file may hold
//! anything (a runner's `/etc/passwd`, terminal escape sequences, a 200 KB line); an error or
//! diagnostic quotes at most a line's worth of it, with control characters escaped, so that a
//! message can neither dump a file into a CI log nor drive the terminal that shows it.

/// `text` as a message shows it: control characters escaped (`\\n`, `\\u{1b}`), cut after `max`
/// characters with `…` saying so.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_escaped() {
        assert_eq!(excerpt("a\nb\u{1b}[31m", 80), "a\\nb\\u{1b}[31m");
        assert_eq!(excerpt(&"x".repeat(100), 5), "xxxxx…");
        assert_eq!(excerpt("한국어", 2), "한국…");
    }
}
