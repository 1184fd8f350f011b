//! Severity and probability scales defined in the risk management plan itself: a Markdown table
//! whose header names the scale (`| Level | Severity | Description |`, `| Rank | Severity |
//! Probability |`), or that sits under a heading naming it (`### Severity levels` over
//! `| Code | Name |` rows `S1 | Negligible`). Each row is a level; its rank is the number in its
//! code (`S3`, `P2`, `3`), else its place in the table. A scale needs at least three levels.

use crate::evidence::read::headings::{headings_of, split_front_matter};
use crate::evidence::read::tables::{Table, markdown_tables, normalise_header};

const SEVERITY_WORDS: &[&str] = &["severity", "심각도", "중대성"];
const PROBABILITY_WORDS: &[&str] = &["probability", "likelihood", "occurrence", "발생", "확률"];

/// Scales found in a plan's text: (severity levels, probability levels), names lower case.
pub(super) type PlanScales = (Option<Vec<Vec<String>>>, Option<Vec<Vec<String>>>);

pub(super) fn scales_in(text: &str) -> PlanScales {
    let (_, start) = split_front_matter(text);
    let headings = headings_of("markdown", text, start);
    let mut severity = None;
    let mut probability = None;
    for table in markdown_tables(text) {
        let context = headings
            .iter()
            .rfind(|h| h.line < table.line)
            .map(|h| h.text.to_lowercase())
            .unwrap_or_default();
        for (words, found) in [
            (SEVERITY_WORDS, &mut severity),
            (PROBABILITY_WORDS, &mut probability),
        ] {
            if found.is_none() {
                *found = scale_of(&table, words, &context);
            }
        }
    }
    (severity, probability)
}

/// The scale named by `words` in `table`: from the column whose header names it, else from the
/// table's name column when the heading above names it.
fn scale_of(table: &Table, words: &[&str], context: &str) -> Option<Vec<Vec<String>>> {
    let headers: Vec<String> = table.header.iter().map(|h| normalise_header(h)).collect();
    let names_scale = |h: &str| words.iter().any(|w| h.contains(w));
    let other = |h: &str| {
        [SEVERITY_WORDS, PROBABILITY_WORDS]
            .iter()
            .filter(|ws| ws.iter().any(|w| h.contains(w)))
            .count()
            > 1
    };
    let code = (0..headers.len()).find(|c| column_is_codes(table, *c));
    let names = match headers.iter().position(|h| names_scale(h) && !other(h)) {
        Some(c) => c,
        None if names_scale(context) => (0..headers.len()).find(|c| Some(*c) != code)?,
        None => return None,
    };
    let mut levels: Vec<(u32, Vec<String>)> = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let name = table.cell(row, names).to_lowercase();
        let code_text = code.map(|c| table.cell(row, c).to_lowercase());
        let rank = code_text
            .as_deref()
            .and_then(rank_of_code)
            .unwrap_or(i as u32 + 1);
        let mut level: Vec<String> = code_text.into_iter().filter(|c| !c.is_empty()).collect();
        if !name.is_empty() && name.split_whitespace().count() <= 4 && !level.contains(&name) {
            level.push(name);
        }
        if !level.is_empty() {
            levels.push((rank, level));
        }
    }
    levels.sort_by_key(|(rank, _)| *rank);
    (levels.len() >= 3).then(|| levels.into_iter().map(|(_, names)| names).collect())
}

/// True when every cell of column `c` is a level code: `S1`, `P3`, `3`, `L2`.
fn column_is_codes(table: &Table, c: usize) -> bool {
    !table.rows.is_empty()
        && table
            .rows
            .iter()
            .all(|r| rank_of_code(&table.cell(r, c).to_lowercase()).is_some())
}

/// The rank in a level code: `s3` -> 3, `4` -> 4.
pub(super) fn rank_of_code(code: &str) -> Option<u32> {
    let digits = code.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    (code.len() - digits.len() <= 1 && !digits.is_empty())
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_tables_under_headings_and_named_columns() {
        let plan = "# Risk Management Plan\n\n## Severity levels\n\n| Code | Name | Description |\n|---|---|---|\n| S3 | Serious | Injury |\n| S1 | Negligible | None |\n| S2 | Minor | Discomfort |\n\n## Acceptability\n\n| Rank | Probability | Meaning |\n|---|---|---|\n| 1 | Improbable | x |\n| 2 | Remote | y |\n| 3 | Occasional | z |\n";
        let (s, p) = scales_in(plan);
        assert_eq!(
            s.unwrap(),
            [
                vec!["s1", "negligible"],
                vec!["s2", "minor"],
                vec!["s3", "serious"]
            ]
        );
        assert_eq!(p.unwrap()[2], ["3", "occasional"]);
    }

    #[test]
    fn matrices_and_short_tables_are_not_scales() {
        let matrix = "## Risk matrix\n\n| Severity / Probability | Remote | Frequent |\n|---|---|---|\n| Minor | A | B |\n| Major | B | C |\n| Fatal | C | C |\n";
        assert_eq!(scales_in(matrix), (None, None));
        let short = "| Severity | Meaning |\n|---|---|\n| Low | x |\n| High | y |\n";
        assert_eq!(scales_in(short).0, None);
        assert_eq!(rank_of_code("s4"), Some(4));
        assert_eq!(rank_of_code("sev4"), None);
    }
}
