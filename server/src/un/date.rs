//! Calendar dates as resolutions cite them (`21 December 2001`) and as the
//! catalogue writes them (`2001-12-21`). No time zones, no clock arithmetic
//! beyond "today".

use std::fmt;

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A valid Gregorian date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

fn is_leap(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` when the day does not exist (`31 November`).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `2001-12-21`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: u16 = s[0..4].parse().ok()?;
        let month: u8 = s[5..7].parse().ok()?;
        let day: u8 = s[8..10].parse().ok()?;
        if !s[0..4]
            .bytes()
            .chain(s[5..7].bytes())
            .chain(s[8..10].bytes())
            .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        Date::new(year, month, day)
    }

    /// The month number of an English month name (`December` is 12).
    pub fn month_number(name: &str) -> Option<u8> {
        MONTHS.iter().position(|m| *m == name).map(|i| i as u8 + 1)
    }

    /// `21 December 2001`, as the Editorial Manual writes dates.
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }

    /// `2001-12-21`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The civil date `days` days after 1970-01-01 (H. Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_validation() {
        let d = Date::parse_iso("2001-12-21").unwrap();
        assert_eq!(d.long(), "21 December 2001");
        assert_eq!(d.iso(), "2001-12-21");
        assert_eq!(Date::parse_iso("2001-11-31"), None);
        assert_eq!(Date::parse_iso("2000-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse_iso("1900-02-29"), None);
        assert_eq!(Date::parse_iso("2001-1-21"), None);
        assert_eq!(Date::parse_iso(""), None);
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(Date::from_days_since_epoch(0).iso(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(11_016).iso(), "2000-02-29");
        assert_eq!(Date::from_days_since_epoch(20_786).iso(), "2026-11-29");
        assert!(Date::today().year >= 2024);
    }
}
