//! Calendar dates and the local time, by hand: the log needs only days in a row, a weekday and
//! the local offset, and a date-time crate would add a third to the binary's size.

use std::fmt;

/// A day on the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

impl Date {
    /// The date of `year`-`month`-`day`, if there is one.
    pub fn new(year: i64, month: u32, day: u32) -> Option<Self> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let length = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=length).contains(&day).then(|| Self {
            days: days_from_civil(year, month, day),
        })
    }

    pub fn next(self) -> Self {
        Self {
            days: self.days + 1,
        }
    }

    pub fn previous(self) -> Self {
        Self {
            days: self.days - 1,
        }
    }

    /// (year, month, day).
    pub fn parts(self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }

    /// 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        u32::try_from((self.days + 3).rem_euclid(7)).unwrap_or(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.parts();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl std::str::FromStr for Date {
    type Err = ();

    /// "YYYY-MM-DD".
    fn from_str(text: &str) -> Result<Self, ()> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, ()> {
            let part = text.get(range).ok_or(())?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| ())
            } else {
                Err(())
            }
        };
        Date::new(i64::from(number(0..4)?), number(5..7)?, number(8..10)?).ok_or(())
    }
}

/// Howard Hinnant's algorithm: days since 1970-01-01 of a civil date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: month 1..=12, day 1..=31.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// The local date and time now, with its offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Seconds east of UTC.
    pub offset: i64,
}

impl LocalTime {
    /// Now, in the system's time zone (`TZ` or /etc/localtime), by `localtime_r`.
    pub fn now() -> Self {
        // SAFETY: time(NULL) only returns the time; localtime_r fills the zeroed tm it is given
        // and returns null on failure, which falls back to UTC.
        let (tm, ok) = unsafe {
            let now = libc::time(std::ptr::null_mut());
            let mut tm: libc::tm = std::mem::zeroed();
            let ok = !libc::localtime_r(&raw const now, &raw mut tm).is_null()
                || !libc::gmtime_r(&raw const now, &raw mut tm).is_null();
            (tm, ok)
        };
        let part = |v: libc::c_int| u32::try_from(v).unwrap_or(0);
        let date = Date::new(
            i64::from(tm.tm_year) + 1900,
            part(tm.tm_mon) + 1,
            part(tm.tm_mday),
        );
        match (ok, date) {
            (true, Some(date)) => Self {
                date,
                hour: part(tm.tm_hour),
                minute: part(tm.tm_min),
                second: part(tm.tm_sec).min(59),
                offset: tm.tm_gmtoff,
            },
            _ => Self {
                date: Date { days: 0 },
                hour: 0,
                minute: 0,
                second: 0,
                offset: 0,
            },
        }
    }

    /// RFC 3339 with the offset: "2026-11-25T21:30:05+01:00".
    pub fn rfc3339(self) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let offset = self.offset.unsigned_abs() / 60;
        format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_from_1900_to_2200_round_trips_and_agrees_with_jiff() {
        let mut date = Date::new(1900, 1, 1).unwrap();
        let mut oracle = jiff::civil::date(1900, 1, 1);
        while oracle.year() < 2200 {
            assert_eq!(date.to_string(), oracle.to_string());
            assert_eq!(date.to_string().parse::<Date>(), Ok(date));
            assert_eq!(
                date.weekday(),
                u32::from(oracle.weekday().to_monday_zero_offset().unsigned_abs())
            );
            assert_eq!(date.next().previous(), date);
            date = date.next();
            oracle = oracle.tomorrow().unwrap();
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-1-1",
            "2026-1x-01",
            "２０２６-01-01",
        ] {
            assert_eq!(text.parse::<Date>(), Err(()), "{text}");
        }
        assert!("2028-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn local_time_is_written_with_its_offset() {
        let t = LocalTime {
            date: Date::new(2026, 3, 29).unwrap(),
            hour: 1,
            minute: 5,
            second: 9,
            offset: -(5 * 3600 + 30 * 60),
        };
        assert_eq!(t.rfc3339(), "2026-03-29T01:05:09-05:30");
        let now = LocalTime::now().rfc3339();
        assert!(now.parse::<jiff::Timestamp>().is_ok(), "{now}");
    }
}
