//! The days practised, and the streaks they make. Pure, on civil dates, so month ends and
//! daylight-saving changes are nothing special.

use jiff::civil::Date;

/// The days practised, counted back from `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streaks {
    /// Days in a row up to today, or up to yesterday when today has no session yet.
    pub current: u32,
    pub longest: u32,
}

/// Every date that has a session, one bit a day from the first date jiff knows: whatever the
/// number of sessions, and in whatever order they come, it holds at most one bit for each day
/// of the calendar, and only the pages of it that are written take memory.
#[derive(Debug, Default)]
pub struct Days {
    bits: Vec<u64>,
    /// The first and last day set, as numbers of days from [`Date::MIN`].
    span: Option<(usize, usize)>,
}

/// The number of `date`, in days from [`Date::MIN`].
fn number(date: Date) -> usize {
    let days = date.duration_since(Date::MIN).as_secs() / 86_400;
    usize::try_from(days).unwrap_or(0)
}

impl Days {
    /// Notes a day practised; repeats are nothing new.
    pub fn insert(&mut self, date: Date) {
        let day = number(date);
        if self.bits.is_empty() {
            // Zeroed by the allocator: pages never written are never touched.
            self.bits = vec![0; number(Date::MAX) / 64 + 1];
        }
        self.bits[day / 64] |= 1 << (day % 64);
        self.span = Some(match self.span {
            None => (day, day),
            Some((first, last)) => (first.min(day), last.max(day)),
        });
    }

    fn has(&self, day: usize) -> bool {
        self.bits
            .get(day / 64)
            .is_some_and(|word| word & (1 << (day % 64)) != 0)
    }

    /// The streaks as of `today`; days after it do not count.
    pub fn streaks(&self, today: Date) -> Streaks {
        let Some((first, last)) = self.span else {
            return Streaks {
                current: 0,
                longest: 0,
            };
        };
        let today = number(today);
        let mut longest = 0;
        let mut run = 0;
        let mut last_practised = None;
        for day in first..=last.min(today) {
            if self.has(day) {
                run += 1;
                longest = longest.max(run);
                last_practised = Some(day);
            } else {
                run = 0;
            }
        }
        let current = match last_practised {
            Some(day) if day + 1 >= today => run,
            _ => 0,
        };
        Streaks { current, longest }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        jiff::civil::date(y, m, d)
    }

    fn streaks_of(dates: &[(i16, i8, i8)], today: (i16, i8, i8)) -> (u32, u32) {
        let mut days = Days::default();
        for &(y, m, d) in dates {
            days.insert(date(y, m, d));
        }
        let s = days.streaks(date(today.0, today.1, today.2));
        (s.current, s.longest)
    }

    #[test]
    fn a_streak_runs_across_month_and_year_ends() {
        let days = [(2026, 1, 30), (2026, 1, 31), (2026, 2, 1), (2026, 2, 2)];
        assert_eq!(streaks_of(&days, (2026, 2, 2)), (4, 4));
        let days = [(2026, 2, 27), (2026, 2, 28), (2026, 3, 1)];
        assert_eq!(streaks_of(&days, (2026, 3, 1)), (3, 3));
        let days = [(2028, 2, 28), (2028, 2, 29), (2028, 3, 1)];
        assert_eq!(streaks_of(&days, (2028, 3, 1)), (3, 3));
        let days = [(2026, 12, 31), (2027, 1, 1)];
        assert_eq!(streaks_of(&days, (2027, 1, 1)), (2, 2));
    }

    #[test]
    fn a_streak_runs_across_a_daylight_saving_change() {
        // Europe's clocks went forward on 29 March 2026 and back on 25 October: the days stay
        // days, whatever their length.
        let spring = [(2026, 3, 28), (2026, 3, 29), (2026, 3, 30)];
        assert_eq!(streaks_of(&spring, (2026, 3, 30)), (3, 3));
        let autumn = [(2026, 10, 24), (2026, 10, 25), (2026, 10, 26)];
        assert_eq!(streaks_of(&autumn, (2026, 10, 26)), (3, 3));
    }

    #[test]
    fn a_missing_day_breaks_the_streak() {
        let days = [
            (2026, 11, 20),
            (2026, 11, 21),
            (2026, 11, 22),
            (2026, 11, 24),
            (2026, 11, 25),
        ];
        assert_eq!(streaks_of(&days, (2026, 11, 25)), (2, 3));
    }

    #[test]
    fn today_not_yet_practised_keeps_yesterdays_streak() {
        let days = [(2026, 11, 23), (2026, 11, 24)];
        assert_eq!(streaks_of(&days, (2026, 11, 25)), (2, 2));
        assert_eq!(streaks_of(&days, (2026, 11, 26)), (0, 2));
    }

    #[test]
    fn repeats_future_dates_and_nothing() {
        let days = [
            (2026, 11, 25),
            (2026, 11, 25),
            (2026, 11, 24),
            (2026, 12, 1),
        ];
        assert_eq!(streaks_of(&days, (2026, 11, 25)), (2, 2));
        assert_eq!(streaks_of(&[], (2026, 11, 25)), (0, 0));
        // Only future days: nothing yet.
        assert_eq!(streaks_of(&[(2027, 1, 1)], (2026, 11, 25)), (0, 0));
    }

    #[test]
    fn any_order_and_the_ends_of_the_calendar() {
        let days = [(2026, 11, 25), (1999, 1, 1), (2026, 11, 24), (1999, 1, 2)];
        assert_eq!(streaks_of(&days, (2026, 11, 25)), (2, 2));
        let ends = [(-9999, 1, 1), (-9999, 1, 2), (9999, 12, 31)];
        assert_eq!(streaks_of(&ends, (9999, 12, 31)), (1, 2));
    }
}
