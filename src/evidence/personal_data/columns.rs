//! Tables of identifiable people: a CSV or TSV file whose header has both a name column and a
//! birth-date column (English or Korean: `name` / `이름` / `성명`, `dob` / `birth_date` /
//! `생년월일`) and at least one data row under it. A header alone (a template) is not a hit.

/// Header cells (folded: lower case, no spaces, `-` and `_`) that name a person.
const NAME_COLUMNS: &[&str] = &[
    "name",
    "patientname",
    "fullname",
    "firstname",
    "lastname",
    "surname",
    "givenname",
    "familyname",
    "이름",
    "성명",
    "환자명",
    "환자이름",
    "환자성명",
];

/// Header cells (folded) that hold a birth date.
const BIRTH_COLUMNS: &[&str] = &[
    "dob",
    "birthdate",
    "dateofbirth",
    "birthday",
    "birth",
    "patientbirthdate",
    "생년월일",
    "생일",
];

fn fold(cell: &str) -> String {
    cell.trim()
        .trim_matches(['"', '\''])
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the table `text` (`delimiter`-separated) names people with their birth dates.
pub(super) fn names_people(text: &str, delimiter: char) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return false;
    };
    let cells: Vec<String> = header.split(delimiter).map(fold).collect();
    let has = |names: &[&str]| cells.iter().any(|c| names.contains(&c.as_str()));
    has(NAME_COLUMNS)
        && has(BIRTH_COLUMNS)
        && lines.any(|row| row.split(delimiter).any(|c| !fold(c).is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_a_birth_date_column_with_rows_is_a_hit() {
        assert!(names_people(
            "id,Patient Name,DOB\n1,Hong,1990-01-01\n",
            ','
        ));
        assert!(names_people(
            "\u{feff}성명\t생년월일\t진단\n홍길동\t1990-01-01\tA\n",
            '\t'
        ));
    }

    #[test]
    fn headers_alone_or_one_of_the_two_columns_are_not() {
        assert!(!names_people("name,dob\n", ','));
        assert!(!names_people("name,age\nHong,34\n", ','));
        assert!(!names_people(
            "device_name,birth_year_of_model\nX,2001\n",
            ','
        ));
        assert!(!names_people("", ','));
    }
}
