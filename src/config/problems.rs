//! Config problems as the user reads them: each at a line and column of the file, with its dotted
//! key, one `FILE:LINE:COL: key: message` line per problem, in file order. Text taken from the
//! file is shown as a short excerpt (`crate::excerpt`): an error never echoes more than a line's worth of the
//! file, whatever the file holds.

use crate::excerpt::excerpt;

use super::check::Problem;
use super::yaml_lines::YamlLines;

/// How many characters of a key or value from the file an error shows.
pub(super) const EXCERPT_CHARS: usize = 80;
/// How many characters of a YAML parser's message are shown (it may quote the file).
const PARSER_MESSAGE_CHARS: usize = 240;

/// One located problem of a config file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ConfigProblem {
    pub line: usize,
    pub column: usize,
    /// The dotted key (`product.grade`), empty for a problem of the whole file (YAML syntax).
    pub key: String,
    pub message: String,
}

impl ConfigProblem {
    /// A YAML syntax or deserialisation error, at serde's location.
    pub fn from_serde(e: &yaml_serde::Error) -> ConfigProblem {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        // The location the line prefix already says is dropped; any other (`while parsing a
        // flow sequence at line 2 column 9`) is kept.
        let message = e
            .to_string()
            .replacen(&format!(" at line {line} column {column}"), "", 1);
        let message = excerpt(&message, PARSER_MESSAGE_CHARS);
        // serde prefixes the key path (`product.grade: invalid type...`); keep it as the key.
        let (key, message) = match message.split_once(": ") {
            Some((k, m)) if !k.contains(' ') => (k.to_string(), m.to_string()),
            _ => (String::new(), message),
        };
        ConfigProblem {
            line,
            column,
            key,
            message,
        }
    }
}

/// Places each problem in the file and sorts them by position, then key.
pub(super) fn locate(found: Vec<Problem>, lines: &YamlLines, text: &str) -> Vec<ConfigProblem> {
    let mut located: Vec<ConfigProblem> = found
        .into_iter()
        .map(|p| {
            let (line, column) = position(&p, lines, text);
            ConfigProblem {
                line,
                column,
                key: p.key,
                message: p.message,
            }
        })
        .collect();
    located.sort();
    located.dedup();
    located
}

/// The key's own position when the index has it; else the nearest indexed ancestor's line, at the
/// column where the problem's text (a flow-style key or value) appears on it.
fn position(p: &Problem, lines: &YamlLines, text: &str) -> (usize, usize) {
    let mut key = p.key.as_str();
    loop {
        if let Some((line, column)) = lines.position_of(key) {
            if key == p.key {
                return (line, column);
            }
            let on_line = text.lines().nth(line - 1).unwrap_or("");
            let found = p.needle.as_deref().and_then(|n| {
                let from = (column - 1).min(on_line.len());
                on_line.get(from..)?.find(n).map(|i| from + i + 1)
            });
            return (line, found.unwrap_or(column));
        }
        match key.rfind(['.', '[']) {
            Some(i) => key = &key[..i],
            None => return (1, 1),
        }
    }
}

/// The problems as `main` prints them: `error: ` starts every line but the first, which `main`
/// prefixes itself.
pub(super) fn lines(path: &str, problems: &[ConfigProblem]) -> String {
    let line = |p: &ConfigProblem| match p.key.as_str() {
        "" => format!("{path}:{}:{}: {}", p.line, p.column, p.message),
        key => format!(
            "{path}:{}:{}: {}: {}",
            p.line,
            p.column,
            excerpt(key, EXCERPT_CHARS),
            p.message
        ),
    };
    problems
        .iter()
        .map(line)
        .collect::<Vec<_>>()
        .join("\nerror: ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(key: &str, needle: Option<&str>) -> Problem {
        Problem {
            key: key.into(),
            message: "m".into(),
            needle: needle.map(String::from),
        }
    }

    #[test]
    fn flow_style_values_are_found_on_their_holders_line() {
        let text = "product:\n  software_systems:\n    - {name: app, paths: ['src/{a,b']}\n";
        let lines = YamlLines::index(text);
        let found = locate(
            vec![
                problem("product.software_systems[0].paths[0]", Some("src/{a,b")),
                problem("product", None),
            ],
            &lines,
            text,
        );
        assert_eq!((found[0].line, found[0].column), (1, 1));
        assert_eq!((found[1].line, found[1].column), (3, 28));
    }

    #[test]
    fn a_key_outside_the_index_falls_back_to_the_top() {
        let lines = YamlLines::index("");
        let found = locate(vec![problem("x.y", None)], &lines, "");
        assert_eq!((found[0].line, found[0].column), (1, 1));
    }

    #[test]
    fn one_line_per_problem_each_but_the_first_prefixed() {
        let p = |line, key: &str| ConfigProblem {
            line,
            column: 3,
            key: key.into(),
            message: "bad".into(),
        };
        assert_eq!(
            lines("c.yaml", &[p(2, "a.b"), p(4, "")]),
            "c.yaml:2:3: a.b: bad\nerror: c.yaml:4:3: bad"
        );
    }
}
