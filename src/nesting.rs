//! Nesting depth limits of the structured formats samdscan reads from a repository, checked
//! before (YAML) or while (XML) the file is parsed. A hostile file nests a few hundred thousand
//! levels in a few hundred kilobytes; the YAML scanner spends minutes on deep flow nesting and
//! deserialisers recurse, so a file nested deeper than any real evidence is refused with a message
//! instead. JSON and TOML need no check of their own: serde_json stops at 128 levels, and the
//! toml parser at its own recursion limit (both checked in `tests/integration/hostile_inputs.rs`).

/// The deepest YAML flow nesting (`[` and `{`) read; real config and evidence nest a handful.
pub const MAX_YAML_FLOW_DEPTH: usize = 64;
/// The deepest XML element nesting read; real reports nest a dozen.
pub const MAX_XML_DEPTH: usize = 256;

/// Why `text` is not handed to the YAML parser, if it nests flow collections deeper than
/// [`MAX_YAML_FLOW_DEPTH`]: the line (from 1) where it does and the reason. A scan counting `[`/`{`
/// outside quoted scalars and comments, linear in the text.
pub fn yaml_depth_problem(text: &str) -> Option<(usize, String)> {
    let mut scan = FlowScan::default();
    text.lines()
        .position(|line| scan.line(line) > MAX_YAML_FLOW_DEPTH)
        .map(|i| {
            let why = format!(
                "YAML nested deeper than {MAX_YAML_FLOW_DEPTH} flow levels (`[` or `{{`); not parsed"
            );
            (i + 1, why)
        })
}

/// The running state of the flow-depth scan. A quote opens a quoted scalar only where a token
/// starts (line start, after `[`, `{`, `,`, `: ` or a `- `/`? ` indicator), as in YAML, so an
/// apostrophe inside a plain scalar hides nothing; and quoted scalars are taken to end with their
/// line, so a quote can hide at most the rest of one line (a multi-line quoted scalar is then
/// counted as plain text, which can only over-count).
#[derive(Default)]
struct FlowScan {
    depth: usize,
}

impl FlowScan {
    /// Scans one line; returns the deepest flow level reached on it.
    fn line(&mut self, line: &str) -> usize {
        let mut deepest = self.depth;
        let mut token_start = true;
        let mut after_space = true;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let spaced = chars.peek().is_none_or(|n| n.is_whitespace());
            let was_after_space = std::mem::replace(&mut after_space, c.is_whitespace());
            match c {
                '#' if token_start || was_after_space => break,
                '\'' | '"' if token_start => {
                    skip_quoted(&mut chars, c);
                    token_start = false;
                }
                '[' | '{' => {
                    self.depth += 1;
                    deepest = deepest.max(self.depth);
                    token_start = true;
                }
                ']' | '}' => {
                    self.depth = self.depth.saturating_sub(1);
                    token_start = false;
                }
                ',' => token_start = true,
                ':' if spaced => token_start = true,
                '-' | '?' if token_start && spaced => {}
                c if c.is_whitespace() => {}
                _ => token_start = false,
            }
        }
        deepest
    }
}

/// Skips a quoted scalar to its closing quote (`''` escapes a single quote, `\` escapes in
/// double quotes), or to the end of the line.
fn skip_quoted(chars: &mut std::iter::Peekable<std::str::Chars>, quote: char) {
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    return;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused() {
        let deep = format!("a: {}{}", "[".repeat(65), "]".repeat(65));
        let (line, why) = yaml_depth_problem(&deep).unwrap();
        assert!(line == 1 && why.contains("deeper than 64"), "{why}");
        let fine = format!("a: {}{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(yaml_depth_problem(&fine), None);
        let spread = "x: [\n".repeat(70);
        assert_eq!(yaml_depth_problem(&spread).unwrap().0, 65);
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let text = format!(
            "a: '{0}'\nb: \"{0}\"\nc: x # {0}\n# {0}\nd: [\"it's\", 'don''t {0}']\n",
            "[".repeat(100)
        );
        assert_eq!(yaml_depth_problem(&text), None);
    }

    #[test]
    fn an_apostrophe_in_a_plain_scalar_hides_nothing() {
        let text = format!("a: it's {}\n", "{".repeat(70));
        assert!(yaml_depth_problem(&text).is_some());
        let text = format!("- a - 'x\n- {}\n", "[".repeat(70));
        assert!(yaml_depth_problem(&text).is_some());
    }

    #[test]
    fn closers_in_quotes_do_not_hide_depth() {
        let text = format!("a: {}\n", "[ \"]\", ".repeat(70));
        assert!(yaml_depth_problem(&text).is_some());
    }
}
