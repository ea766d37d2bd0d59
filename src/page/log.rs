//! `weizhong log`: a mark for each day, the streaks, the totals and the last sessions.

use jiff::civil::Date;

use super::count_and_time;
use crate::history::{Ending, Practice, Record};
use crate::render::{Block, Doc};
use crate::words::Words;

/// The log as of `today`: dates of another year say their year.
pub fn log(
    w: &Words,
    practice: &Practice,
    today: Date,
    name_of: &dyn Fn(&Record) -> String,
) -> Doc {
    let mut doc = Doc::new();
    doc.title(w.log_title, None);
    if practice.sessions == 0 {
        doc.paragraph(w.log_empty);
        return doc;
    }
    if let (Some(first), Some(last)) = (practice.days.first(), practice.days.last()) {
        // A span within this year says no year; one across a new year says both.
        let year = |date: &str| date.parse::<Date>().ok().map(Date::year);
        let this_year = (year(&first.date) == year(&last.date)).then_some(today.year());
        doc.heading(w.log_days(
            practice.days.len(),
            day_month(w, &first.date, this_year),
            day_month(w, &last.date, this_year),
        ));
        let marks: Vec<&str> = practice
            .days
            .iter()
            .map(|d| if d.sessions > 0 { "●" } else { "·" })
            .collect();
        doc.paragraph(marks.join(" "));
    }
    let days = |n: u32| {
        if n == 1 { w.day_one(n) } else { w.day_many(n) }
    };
    doc.push(Block::Fields(vec![
        (w.current_streak.to_owned(), days(practice.current_streak)),
        (w.longest_streak.to_owned(), days(practice.longest_streak)),
        (
            w.sessions.to_owned(),
            w.sessions_value(practice.sessions, w.duration(practice.seconds)),
        ),
    ]));
    let recent: Vec<String> = practice
        .recent
        .iter()
        .map(|r| {
            let ending = match r.ending {
                Ending::Finished => "",
                Ending::Quit => w.session_stopped,
                Ending::Interrupted => w.session_interrupted,
            };
            let session = w.session(
                when(w, &r.at, today.year()),
                name_of(r),
                r.completed.len(),
                count_and_time(w, r.of, r.seconds),
            );
            format!("{session}{ending}")
        })
        .collect();
    doc.heading(w.last_sessions).bullets(&recent);
    doc
}

/// "25 Nov" from "2026-11-25" in the year `this_year`, else "25 Nov 2026".
fn day_month(w: &Words, date: &str, this_year: Option<i16>) -> String {
    match date.parse::<Date>() {
        Ok(d) if Some(d.year()) == this_year => w.day_month(d.day(), month(w, d)),
        Ok(d) => w.day_month_year(d.day(), month(w, d), d.year()),
        Err(_) => date.to_owned(),
    }
}

/// "Wed 25 Nov 21:30" from a record's time, as written; "Fri 17 Jul 2020 21:30" in another
/// year than `this_year`.
fn when(w: &Words, at: &str, this_year: i16) -> String {
    match (
        at.get(..10).and_then(|d| d.parse::<Date>().ok()),
        at.get(11..16),
    ) {
        (Some(date), Some(time)) => {
            let weekday = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
            let weekday = Words::nth(w.weekdays, weekday);
            if date.year() == this_year {
                w.when(weekday, date.day(), month(w, date), time)
            } else {
                w.when_year(weekday, date.day(), month(w, date), date.year(), time)
            }
        }
        _ => at.to_owned(),
    }
}

fn month(w: &Words, date: Date) -> &'static str {
    let month = usize::from(date.month().unsigned_abs());
    Words::nth(w.months, month.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Day, Kind};
    use crate::words::{EN, ZH};

    fn practice(days: &[&str], seconds: u64, recent: &[&str]) -> Practice {
        Practice {
            days: days
                .iter()
                .map(|d| Day {
                    date: (*d).to_owned(),
                    sessions: 1,
                })
                .collect(),
            current_streak: 1,
            longest_streak: 1,
            sessions: recent.len(),
            seconds,
            recent: recent
                .iter()
                .map(|at| Record {
                    at: (*at).to_owned(),
                    kind: Kind::Routine,
                    id: "before-bed".into(),
                    completed: vec![],
                    of: 3,
                    seconds: 60,
                    ending: Ending::Finished,
                })
                .collect(),
        }
    }

    fn shown(w: &Words, practice: &Practice, today: Date) -> String {
        let doc = log(w, practice, today, &|r| r.id.clone());
        crate::render::text::render(&doc, 80, false)
    }

    #[test]
    fn dates_of_another_year_say_their_year() {
        let today = jiff::civil::date(2026, 11, 27);
        let p = practice(
            &["2025-11-27", "2026-11-27"],
            86_480,
            &["2026-11-27T21:30:00+01:00", "2020-07-17T21:30:00+02:00"],
        );
        let text = shown(&EN, &p, today);
        assert!(
            text.contains("Last 2 days · 27 Nov 2025 to 27 Nov 2026\n"),
            "{text}"
        );
        assert!(text.contains("• Fri 27 Nov 21:30 · before-bed"), "{text}");
        assert!(
            text.contains("• Fri 17 Jul 2020 21:30 · before-bed"),
            "{text}"
        );
        assert!(
            text.contains("Sessions        2, 24 h 1 min 20 s in all"),
            "{text}"
        );
        let text = shown(&ZH, &p, today);
        assert!(text.contains("2025年11月27日 至 2026年11月27日"), "{text}");
        assert!(text.contains("2020年7月17日 周五 21:30"), "{text}");

        let p = practice(
            &["2026-11-26", "2026-11-27"],
            60,
            &["2026-11-26T21:30:00+01:00"],
        );
        let text = shown(&EN, &p, today);
        assert!(text.contains("Last 2 days · 26 Nov to 27 Nov\n"), "{text}");
        assert!(text.contains("• Thu 26 Nov 21:30"), "{text}");
    }
}
