//! FMEA tables split by columns over several files of one folder (`hazards.csv` with id,
//! hazard, harm, severity and probability; `controls.csv` with id, risk control, residual risk
//! and verification): tables that each lack required fields, share an id column and name at
//! least one common risk are joined by id into the first one, which lists the files as `parts`.

use super::columns::{FIELDS, map_columns};
use crate::evidence::read::tables::Table;

/// A table read from a file, before its fields are judged.
pub(super) struct Parsed {
    pub path: String,
    pub format: &'static str,
    pub table: Table,
    /// The files joined into this table (empty when it is one file).
    pub parts: Vec<String>,
}

/// Joins the column-split tables of each folder; other tables are returned as they are.
pub(super) fn join(tables: Vec<Parsed>) -> Vec<Parsed> {
    let mut out: Vec<Parsed> = Vec::new();
    for next in tables {
        let target = out.iter_mut().find(|t| joinable(t, &next));
        match target {
            Some(base) => absorb(base, next),
            None => out.push(next),
        }
    }
    out
}

fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn incomplete(table: &Table) -> bool {
    let columns = map_columns(&table.header);
    columns.contains_key("id") && FIELDS.iter().any(|f| !columns.contains_key(f))
}

fn ids(table: &Table) -> Vec<&str> {
    let Some(column) = map_columns(&table.header).get("id").copied() else {
        return vec![];
    };
    table.rows.iter().map(|r| table.cell(r, column)).collect()
}

/// True when `next` adds fields `base` lacks, in the same folder, for risks `base` names.
fn joinable(base: &Parsed, next: &Parsed) -> bool {
    if folder(&base.path) != folder(&next.path)
        || !incomplete(&base.table)
        || !incomplete(&next.table)
    {
        return false;
    }
    let have = map_columns(&base.table.header);
    let adds = map_columns(&next.table.header)
        .keys()
        .any(|f| !have.contains_key(f));
    let base_ids = ids(&base.table);
    adds && ids(&next.table)
        .iter()
        .any(|id| !id.is_empty() && base_ids.contains(id))
}

/// Appends `next`'s columns (its id column left out) to `base`, row by row matched by id.
fn absorb(base: &mut Parsed, next: Parsed) {
    let next_id = map_columns(&next.table.header)["id"];
    let base_id = map_columns(&base.table.header)["id"];
    let extra: Vec<usize> = (0..next.table.header.len())
        .filter(|c| *c != next_id)
        .collect();
    base.table
        .header
        .extend(extra.iter().map(|c| next.table.header[*c].clone()));
    let width = base.table.header.len() - extra.len();
    for row in &mut base.table.rows {
        let id = row
            .cells
            .get(base_id)
            .map(|c| c.trim().to_string())
            .unwrap_or_default();
        let other = next
            .table
            .rows
            .iter()
            .find(|r| next.table.cell(r, next_id) == id);
        row.cells.resize(width, String::new());
        row.cells.extend(extra.iter().map(|c| {
            other
                .map(|r| next.table.cell(r, *c).to_string())
                .unwrap_or_default()
        }));
    }
    if base.parts.is_empty() {
        base.parts.push(base.path.clone());
    }
    base.parts.push(next.path);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::read::tables::parse_csv;

    fn parsed(path: &str, csv: &str) -> Parsed {
        Parsed {
            path: path.into(),
            format: "csv",
            table: parse_csv(csv).unwrap(),
            parts: vec![],
        }
    }

    #[test]
    fn column_split_tables_join_by_id() {
        let joined = join(vec![
            parsed(
                "fmea/hazards.csv",
                "id,hazard,hazardous situation,harm,severity,probability\nRSK-1,Burn,Hot case,Injury,Serious,Remote\nRSK-2,Shock,Leak,Death,Critical,Remote\n",
            ),
            parsed(
                "fmea/controls.csv",
                "id,risk controls,residual risk,verification\nRSK-2,RC-2,Acceptable,TC-2\nRSK-1,RC-1,Acceptable,TC-1\n",
            ),
            parsed("other/risks.csv", "id,risk controls\nRSK-1,RC-9\n"),
        ]);
        assert_eq!(joined.len(), 2);
        assert_eq!(joined[0].parts, ["fmea/hazards.csv", "fmea/controls.csv"]);
        assert!(!incomplete(&joined[0].table));
        let row = &joined[0].table.rows[1];
        assert_eq!(
            (row.cells[0].as_str(), row.cells[6].as_str()),
            ("RSK-2", "RC-2")
        );
    }
}
