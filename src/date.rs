//! Calendar dates as users write them (`2027-03-31`) and as the scan judges them (`--as-of`).
//!
//! Everything judged against "today" uses one `Date` chosen at the start of a scan, so reruns of
//! the same revision give the same bytes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .ok()
            .map(Date)
    }

    /// The first date written in `text` in a form documents use: ISO `2026-03-01`, and the
    /// Korean forms `2026.03.01`, `2026. 3. 1.`, `2026/03/01` and `2026년 3월 1일`. Config values
    /// stay strict ISO ([`Date::parse`]); this is for dates read out of documents.
    pub fn find_in(text: &str) -> Option<Date> {
        static WRITTEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(\d{4})\s*(?:-|\.|/|년)\s*(\d{1,2})\s*(?:-|\.|/|월)\s*(\d{1,2})")
                .expect("valid date pattern")
        });
        WRITTEN.captures_iter(text).find_map(|c| {
            let part = |i: usize| c[i].parse::<u32>().ok();
            NaiveDate::from_ymd_opt(part(1)? as i32, part(2)?, part(3)?).map(Date)
        })
    }

    /// The UTC calendar date of a Unix timestamp.
    pub fn from_unix(seconds: i64) -> Option<Date> {
        chrono::DateTime::from_timestamp(seconds, 0).map(|t| Date(t.date_naive()))
    }

    pub fn today() -> Date {
        Date(chrono::Utc::now().date_naive())
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid date `{text}`, expected YYYY-MM-DD"))
        })
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s).ok_or_else(|| format!("invalid date `{s}`, expected YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d = Date::parse("2027-03-31").unwrap();
        assert_eq!(d.to_string(), "2027-03-31");
        assert!(Date::parse("2027-02-30").is_none());
        assert_eq!(Date::parse("2026-01-01").unwrap().days_until(d), 454);
    }

    #[test]
    fn dates_written_in_documents_korean_forms_included() {
        let d = Date::parse("2026-03-01");
        for text in [
            "2026-03-01",
            "작성일: 2026.03.01",
            "2026. 3. 1.",
            "2026/3/1",
            "2026년 3월 1일 검토",
        ] {
            assert_eq!(Date::find_in(text), d, "{text}");
        }
        assert_eq!(Date::find_in("2026년 2월 30일"), None);
        assert_eq!(Date::find_in("version 1.2.3"), None);
    }

    #[test]
    fn from_unix_is_utc() {
        assert_eq!(Date::from_unix(0).unwrap().to_string(), "1970-01-01");
    }
}
