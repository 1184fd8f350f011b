//! File-name globs matched by hand: a glob `**/NAME` whose NAME holds only literal characters
//! and `*` (`*risk-table*`, `sdp-*`, `*위험*분석*`) matches a path whose file name (after its last
//! `/`) NAME matches, each `*` standing for any run of characters.
//!
//! globset compiles every such glob into one regex set, which costs about 10 µs a path with the
//! 220 that samdscan's own kinds carry (a tenth of a 900-file tree scan), and milliseconds to
//! build. Here each glob keeps its literal pieces; one Aho-Corasick search of the file name for
//! the globs' longest pieces finds the few globs worth checking. Globs of any other shape stay
//! with globset, which is fast for literal names, extensions and prefixes.

use aho_corasick::AhoCorasick;

/// One `**/NAME` glob with at least one `*`: NAME split at its `*`s.
#[derive(Debug)]
struct NamePattern {
    /// What begins the name (possibly nothing).
    first: String,
    /// What comes in order after it, each after the one before.
    middle: Vec<String>,
    /// What ends the name (possibly nothing), after the middle pieces.
    last: String,
}

impl NamePattern {
    /// The glob as a name pattern, when it has that shape. It must already be lower-cased and
    /// carry its `**/` (as `compile_glob_groups` gives every glob without a `/`).
    fn parse(glob: &str) -> Option<NamePattern> {
        let name = glob.strip_prefix("**/")?;
        let special = |c| matches!(c, '/' | '?' | '[' | ']' | '{' | '}' | '\\');
        if name.contains("**") || name.contains(special) {
            return None;
        }
        // `*.json`: globset's extension strategy is a hash lookup already.
        let extension_only = name
            .strip_prefix("*.")
            .is_some_and(|ext| !ext.is_empty() && !ext.contains(['*', '.']));
        if extension_only {
            return None;
        }
        let (first, rest) = name.split_once('*')?;
        let (middle, last) = rest.rsplit_once('*').unwrap_or(("", rest));
        Some(NamePattern {
            first: first.to_string(),
            middle: middle
                .split('*')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            last: last.to_string(),
        })
    }

    /// The longest piece: a name that holds no copy of it cannot match.
    fn required(&self) -> &str {
        [&self.first, &self.last]
            .into_iter()
            .chain(&self.middle)
            .max_by_key(|p| p.len())
            .map_or("", String::as_str)
    }

    fn matches(&self, name: &str) -> bool {
        let Some(after_first) = name.strip_prefix(self.first.as_str()) else {
            return false;
        };
        let Some(mut between) = after_first.strip_suffix(self.last.as_str()) else {
            return false;
        };
        // The leftmost place of each middle piece leaves the most room for the next.
        for piece in &self.middle {
            match between.find(piece.as_str()) {
                Some(at) => between = &between[at + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

/// Name patterns, each with the group it belongs to, and the search for their pieces.
#[derive(Debug)]
pub(super) struct NamePatterns {
    patterns: Vec<(NamePattern, usize)>,
    /// Finds the patterns' required pieces in a name: needle `k` is the piece of the patterns
    /// `by_needle[k]`.
    needles: Option<AhoCorasick>,
    by_needle: Vec<Vec<usize>>,
    /// Patterns tried on every name: those whose every piece is empty (`*`), or all of them
    /// when the search could not be built (an automaton too large).
    always: Vec<usize>,
}

impl NamePatterns {
    /// Splits `globs` (lower-cased, with their `**/`, each with its group) into the name
    /// patterns among them, searched as one, and the other globs, given back in order.
    pub(super) fn split<'g>(
        globs: impl IntoIterator<Item = (&'g str, usize)>,
    ) -> (NamePatterns, Vec<(&'g str, usize)>) {
        let mut patterns = vec![];
        let mut others = vec![];
        for (glob, group) in globs {
            match NamePattern::parse(glob) {
                Some(pattern) => patterns.push((pattern, group)),
                None => others.push((glob, group)),
            }
        }
        (NamePatterns::new(patterns), others)
    }

    fn new(patterns: Vec<(NamePattern, usize)>) -> NamePatterns {
        let mut needles: Vec<&str> = vec![];
        let mut by_needle: Vec<Vec<usize>> = vec![];
        let mut always = vec![];
        for (i, (pattern, _)) in patterns.iter().enumerate() {
            let piece = pattern.required();
            if piece.is_empty() {
                always.push(i);
                continue;
            }
            match needles.iter().position(|n| *n == piece) {
                Some(k) => by_needle[k].push(i),
                None => {
                    needles.push(piece);
                    by_needle.push(vec![i]);
                }
            }
        }
        let search = match needles.is_empty() {
            true => None,
            false => AhoCorasick::new(&needles).ok(),
        };
        if search.is_none() {
            always = (0..patterns.len()).collect();
            by_needle.clear();
        }
        NamePatterns {
            patterns,
            needles: search,
            by_needle,
            always,
        }
    }

    /// The groups of the patterns that `path`'s file name matches (`path` lower-cased), in no
    /// particular order and possibly repeated.
    pub(super) fn groups<'a>(&'a self, path: &'a str) -> impl Iterator<Item = usize> + 'a {
        let name = path.rsplit('/').next().unwrap_or(path);
        let found = self.needles.iter().flat_map(move |needles| {
            needles
                .find_overlapping_iter(name)
                .flat_map(|m| &self.by_needle[m.pattern().as_usize()])
        });
        self.always
            .iter()
            .chain(found)
            .map(|&i| &self.patterns[i])
            .filter(move |(pattern, _)| pattern.matches(name))
            .map(|(_, group)| *group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(glob: &str, name: &str) -> bool {
        NamePattern::parse(glob).unwrap().matches(name)
    }

    #[test]
    fn only_names_of_literals_and_stars_are_taken() {
        for glob in [
            "**/*risk*",
            "**/sdp-*",
            "**/*위험*분석*",
            "**/*",
            "**/a*b.md",
        ] {
            assert!(NamePattern::parse(glob).is_some(), "{glob}");
        }
        for glob in [
            "*risk*",
            "docs/*risk*",
            "**/docs/*risk*",
            "**/sbom.json",
            "**/*.json",
            "**/*risk?.md",
            "**/*.{md,txt}",
            "**/[ab]*",
            "**/a**b",
            "**/\\*x*",
        ] {
            assert!(NamePattern::parse(glob).is_none(), "{glob}");
        }
    }

    #[test]
    fn stars_stand_for_any_run_of_characters() {
        assert!(matches("**/*risk*", "risk"));
        assert!(matches("**/*risk*", "the-risk-table.md"));
        assert!(matches("**/sdp-*", "sdp-"));
        assert!(!matches("**/sdp-*", "my-sdp-1.md"));
        assert!(matches("**/*.cdx.json", "app.cdx.json"));
        assert!(!matches("**/*.cdx.json", "app.cdx.json.bak"));
        assert!(matches("**/*위험*분석*", "위험-분석.md"));
        assert!(!matches("**/*위험*분석*", "분석-위험.md"));
        // Pieces may not overlap: `ab*ba` needs both ends.
        assert!(!matches("**/ab*ba", "aba"));
        assert!(matches("**/ab*ba", "abba"));
        assert!(matches("**/a*b*c", "a-c-b-c"));
    }

    #[test]
    fn groups_come_from_the_file_name_only() {
        let globs = [
            ("**/*risk*", 0),
            ("**/*", 1),
            ("**/*plan*", 2),
            ("docs/**", 3),
        ];
        let (patterns, others) = NamePatterns::split(globs);
        assert_eq!(others, [("docs/**", 3)]);
        let mut groups: Vec<usize> = patterns.groups("risk/plan.md").collect();
        groups.sort_unstable();
        assert_eq!(groups, [1, 2]);
    }
}
