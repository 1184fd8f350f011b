//! Korean resident registration numbers (주민등록번호, `YYMMDD-GNNNNNC`): the pattern, then the
//! birth date (the gender digit gives the century: 1-2 born 1900-1999, 3-4 born 2000-2099) and
//! the check digit, so that a phone number or an order number of the same shape is not a hit.
//!
//! Numbers issued since October 2020 no longer end in a check digit, so they are not found:
//! the check keeps false positives down at that cost.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{2})(\d{2})(\d{2})-([1-4])(\d{6})\b").expect("valid RRN pattern")
});

/// The weights of the first twelve digits in the check digit.
const WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/// Whether `line` holds a valid resident registration number.
pub(super) fn has_rrn(line: &str) -> bool {
    PATTERN.captures_iter(line).any(|c| {
        let num = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        let century = if num(4) <= 2 { 1900 } else { 2000 };
        let digits: Vec<u32> = c[0].chars().filter_map(|ch| ch.to_digit(10)).collect();
        let year = (century + num(1)) as i32;
        NaiveDate::from_ymd_opt(year, num(2), num(3)).is_some() && check_digit_holds(&digits)
    })
}

fn check_digit_holds(digits: &[u32]) -> bool {
    if digits.len() != 13 {
        return false;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    (11 - sum % 11) % 10 == digits[12]
}

/// A number with a valid check digit for the date and gender digit given (the tests build
/// their numbers, so that no test file holds a number that passes the check).
#[cfg(test)]
pub(super) fn with_check_digit(first_twelve: &str) -> String {
    let digits: Vec<u32> = first_twelve
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    format!("{first_twelve}{}", (11 - sum % 11) % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_with_a_valid_date_and_check_digit_is_found() {
        let rrn = with_check_digit("900101-123456");
        assert!(has_rrn(&format!("kim,{rrn},seoul")));
        let born_2004 = with_check_digit("040229-312345");
        assert!(has_rrn(&born_2004), "2004 is a leap year");
    }

    #[test]
    fn a_wrong_check_digit_date_or_shape_is_not() {
        let rrn = with_check_digit("900101-123456");
        let last = rrn.chars().last().and_then(|c| c.to_digit(10)).unwrap();
        let wrong = format!("{}{}", &rrn[..13], (last + 1) % 10);
        assert!(!has_rrn(&wrong), "check digit");
        assert!(!has_rrn(&with_check_digit("901301-123456")), "month 13");
        assert!(
            !has_rrn(&with_check_digit("010229-312345")),
            "2001 is not a leap year"
        );
        assert!(
            !has_rrn(&with_check_digit("900101-523456")),
            "gender digit 5"
        );
        assert!(
            !has_rrn(&format!("1{}", with_check_digit("900101-123456"))),
            "longer number"
        );
        assert!(!has_rrn("phone 010-1234-5678"));
    }
}
