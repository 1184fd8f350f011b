//! Tables in evidence files: CSV (RFC 4180 quoting, `,` or `;` separated) and Markdown pipe
//! tables, read into a header and rows that keep their line numbers.
//!
//! Requirements and risk tables both come as spreadsheets exported to CSV or as tables in
//! Markdown; one reader serves both so that quoting and line numbers behave the same everywhere.

/// The most rows of one table handed on to the policies: a real risk table or requirement list
/// has hundreds, and every row becomes an object of the evidence document.
pub const MAX_TABLE_ROWS: usize = 10_000;
/// The most characters of one cell handed on to the policies.
pub const MAX_CELL_CHARS: usize = 4_096;

/// One row of a table and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    /// The header's line (1-based).
    pub line: usize,
    pub rows: Vec<Row>,
}

impl Table {
    /// The cell of `row` in column `column`, trimmed, or "" when the row is short.
    pub fn cell<'a>(&self, row: &'a Row, column: usize) -> &'a str {
        row.cells.get(column).map_or("", |c| c.trim())
    }

    /// Cuts the table to [`MAX_TABLE_ROWS`] rows and every cell to [`MAX_CELL_CHARS`]
    /// characters; says what was cut, if anything.
    pub fn bound(&mut self) -> Option<String> {
        let mut cut = Vec::new();
        if self.rows.len() > MAX_TABLE_ROWS {
            cut.push(format!(
                "it has {} rows; only the first {MAX_TABLE_ROWS} (to line {}) are judged",
                self.rows.len(),
                self.rows[MAX_TABLE_ROWS - 1].line
            ));
            self.rows.truncate(MAX_TABLE_ROWS);
        }
        let mut long = 0;
        for cell in self.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            if let Some((at, _)) = cell.char_indices().nth(MAX_CELL_CHARS) {
                cell.truncate(at);
                long += 1;
            }
        }
        if long > 0 {
            cut.push(format!(
                "{long} cells longer than {MAX_CELL_CHARS} characters were cut to that length"
            ));
        }
        (!cut.is_empty()).then(|| cut.join("; "))
    }
}

/// Reads CSV text: the first non-blank record is the header. Fails on an unterminated quote.
pub fn parse_csv(text: &str) -> Result<Table, String> {
    let separator = guess_separator(text);
    let mut records = read_csv_records(text, separator)?.into_iter();
    let Some(header) = records.find(|r| r.cells.iter().any(|c| !c.trim().is_empty())) else {
        return Err("empty CSV: no header row".into());
    };
    let rows = records
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok(Table {
        header: header.cells.iter().map(|c| c.trim().to_string()).collect(),
        line: header.line,
        rows,
    })
}

/// `;` when the first line has more semicolons than commas (spreadsheet exports in many locales).
fn guess_separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    }
}

fn read_csv_records(text: &str, separator: char) -> Result<Vec<Row>, String> {
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start_line) = (1, 1);
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if in_quotes => in_quotes = false,
            '"' if cell.trim().is_empty() => in_quotes = true,
            '\r' if !in_quotes => {}
            '\n' if !in_quotes => {
                cells.push(std::mem::take(&mut cell));
                records.push(Row {
                    line: start_line,
                    cells: std::mem::take(&mut cells),
                });
                line += 1;
                start_line = line;
            }
            c if c == separator && !in_quotes => cells.push(std::mem::take(&mut cell)),
            c => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
        }
    }
    if in_quotes {
        return Err(format!(
            "unterminated quoted field starting on line {start_line}"
        ));
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        records.push(Row {
            line: start_line,
            cells,
        });
    }
    Ok(records)
}

/// Every Markdown pipe table in `text` (a header row followed by a `|---|` delimiter row).
pub fn markdown_tables(text: &str) -> Vec<Table> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let (head, delimiter) = (lines[i].trim(), lines[i + 1].trim());
        if !(head.contains('|') && is_delimiter_row(delimiter)) {
            i += 1;
            continue;
        }
        let mut table = Table {
            header: pipe_cells(head),
            line: i + 1,
            rows: vec![],
        };
        i += 2;
        while let Some(row) = lines.get(i).map(|l| l.trim()).filter(|l| l.contains('|')) {
            table.rows.push(Row {
                line: i + 1,
                cells: pipe_cells(row),
            });
            i += 1;
        }
        tables.push(table);
    }
    tables
}

fn is_delimiter_row(line: &str) -> bool {
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a pipe-table row, without the outer pipes; `\|` stays a literal pipe.
fn pipe_cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => cells.push(std::mem::take(&mut current)),
            c => {
                if escaped && c != '|' {
                    current.push('\\');
                }
                escaped = false;
                current.push(c);
            }
        }
    }
    cells.push(current);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A header name reduced for loose matching: lower case, letters and digits only (any script).
pub fn normalise_header(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_cuts_rows_and_long_cells_and_says_so() {
        let row = |line| Row {
            line,
            cells: vec!["x".repeat(MAX_CELL_CHARS + 1), "short".into()],
        };
        let mut table = Table {
            header: vec!["a".into(), "b".into()],
            line: 1,
            rows: (2..MAX_TABLE_ROWS + 12).map(row).collect(),
        };
        let cut = table.bound().unwrap();
        assert_eq!(table.rows.len(), MAX_TABLE_ROWS);
        assert_eq!(table.rows[0].cells[0].len(), MAX_CELL_CHARS);
        assert!(
            cut.contains("10010 rows; only the first 10000 (to line 10001)"),
            "{cut}"
        );
        assert!(cut.contains("10000 cells longer than 4096"), "{cut}");
        assert_eq!(table.bound(), None);
    }

    #[test]
    fn csv_with_quotes_newlines_and_line_numbers() {
        let t = parse_csv(
            "id,title\r\nREQ-1,\"Alarm, high\"\n\nREQ-2,\"two\nlines \"\"quoted\"\"\"\nREQ-3,x",
        )
        .unwrap();
        assert_eq!(t.header, ["id", "title"]);
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 6]);
        assert_eq!(t.rows[0].cells[1], "Alarm, high");
        assert_eq!(t.rows[1].cells[1], "two\nlines \"quoted\"");
    }

    #[test]
    fn csv_semicolons_and_errors() {
        let t = parse_csv("id;위해\nRSK-1;화상\n").unwrap();
        assert_eq!(t.rows[0].cells, ["RSK-1", "화상"]);
        assert!(
            parse_csv("id,title\nREQ-1,\"open")
                .unwrap_err()
                .contains("line 2")
        );
        assert!(parse_csv("\n\n").is_err());
    }

    #[test]
    fn markdown_tables_with_escaped_pipes() {
        let text =
            "# SRS\n\n| ID | Title |\n|---|:--|\n| REQ-1 | a \\| b |\n| REQ-2 | c |\n\ntext\n";
        let t = markdown_tables(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["ID", "Title"]);
        assert_eq!(t[0].rows[0].cells, ["REQ-1", "a | b"]);
        assert_eq!(t[0].rows[1].line, 6);
    }

    #[test]
    fn headers_normalise_across_scripts() {
        assert_eq!(normalise_header("Risk Control (IDs)"), "riskcontrolids");
        assert_eq!(normalise_header("위험 통제"), "위험통제");
    }
}
