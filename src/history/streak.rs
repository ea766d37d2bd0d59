//! Streaks and the last days, from the dates sessions were on. Pure, on civil dates, so month
//! ends and daylight-saving changes are nothing special.

use jiff::civil::Date;

/// The days practised, counted back from `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streaks {
    /// Days in a row up to today, or up to yesterday when today has no session yet.
    pub current: u32,
    pub longest: u32,
}

/// Streaks from the session dates (any order, repeats allowed) as of `today`.
pub fn streaks(dates: &[Date], today: Date) -> Streaks {
    let mut days: Vec<Date> = dates.iter().copied().filter(|d| *d <= today).collect();
    days.sort_unstable();
    days.dedup();
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<Date> = None;
    for &day in &days {
        run = match previous {
            Some(p) if p.tomorrow().ok() == Some(day) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let current = match previous {
        Some(last) if last == today || Some(last) == today.yesterday().ok() => run,
        _ => 0,
    };
    Streaks { current, longest }
}

/// For each of the `days` days ending `today`, oldest first: the date and how many sessions.
pub fn last_days(dates: &[Date], today: Date, days: u32) -> Vec<(Date, usize)> {
    let mut out = Vec::new();
    let mut day = today;
    for _ in 0..days {
        out.push((day, dates.iter().filter(|d| **d == day).count()));
        match day.yesterday() {
            Ok(before) => day = before,
            Err(_) => break,
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        jiff::civil::date(y, m, d)
    }

    fn streaks_of(dates: &[(i16, i8, i8)], today: (i16, i8, i8)) -> (u32, u32) {
        let dates: Vec<Date> = dates.iter().map(|&(y, m, d)| date(y, m, d)).collect();
        let s = streaks(&dates, date(today.0, today.1, today.2));
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
    }

    #[test]
    fn the_last_days_count_sessions_oldest_first() {
        let dates = [date(2026, 11, 25), date(2026, 11, 25), date(2026, 11, 23)];
        assert_eq!(
            last_days(&dates, date(2026, 11, 25), 3),
            [
                (date(2026, 11, 23), 1),
                (date(2026, 11, 24), 0),
                (date(2026, 11, 25), 2)
            ]
        );
    }
}
