//! The dates after `of` in a list of citations (`of 21 December 2001`,
//! `of 20 December 2002 and 23 June 2003`).

use std::ops::Range;

use super::words::*;
use crate::un::Date;

/// A date and its range.
pub(super) type Dated = (Date, Range<usize>);

pub(super) fn parse_date(b: &[u8], q: usize) -> Option<Dated> {
    let (day, e) = number(b, q, 2)?;
    if at(b, e) != b' ' {
        return None;
    }
    let m0 = e + 1;
    let m1 = word_end(b, m0);
    let month = Date::month_number(std::str::from_utf8(&b[m0..m1]).ok()?)?;
    if at(b, m1) != b' ' {
        return None;
    }
    let (year, y1) = number(b, m1 + 1, 4)?;
    if y1 - (m1 + 1) != 4 || is_alnum(at(b, y1)) {
        return None;
    }
    let date = Date::new(year as u16, month, day as u8)?;
    Some((date, q..y1))
}

/// `of 21 December 2001`, `on 31 October 2000`, `of 23 December 1994 and 20
/// July 1995`.
pub(super) fn parse_dates(b: &[u8], pos: usize) -> Option<(Vec<Dated>, usize)> {
    let q = skip_ws(b, pos);
    if q == pos {
        return None;
    }
    let w = if starts_with_word(b, q, "of") || starts_with_word(b, q, "on") {
        q + 2
    } else {
        return None;
    };
    let d0 = skip_ws(b, w);
    let first = parse_date(b, d0)?;
    let mut end = first.1.end;
    let mut dates = vec![first];
    loop {
        let mut next = None;
        for sep in [" and ", ", and ", ", "] {
            if b[end..].starts_with(sep.as_bytes()) {
                if let Some(d) = parse_date(b, end + sep.len()) {
                    next = Some(d);
                    break;
                }
            }
        }
        match next {
            Some(d) => {
                end = d.1.end;
                dates.push(d);
            }
            None => break,
        }
    }
    Some((dates, end))
}
