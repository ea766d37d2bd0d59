//! `weizhong log`: a mark for each day, the streaks, the totals and the last sessions.

use jiff::civil::Date;

use super::{count_and_time, duration};
use crate::history::{Ending, Practice, Record};
use crate::render::{Block, Doc};
use crate::words::Words;

pub fn log(w: &Words, practice: &Practice, name_of: &dyn Fn(&Record) -> String) -> Doc {
    let mut doc = Doc::new();
    doc.title(w.log_title, None);
    if practice.sessions == 0 {
        doc.paragraph(w.log_empty);
        return doc;
    }
    if let (Some(first), Some(last)) = (practice.days.first(), practice.days.last()) {
        doc.heading(w.log_days(
            practice.days.len(),
            day_month(w, &first.date),
            day_month(w, &last.date),
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
            w.sessions_value(practice.sessions, duration(w, practice.seconds)),
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
                when(w, &r.at),
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

/// "25 Nov" from "2026-11-25".
fn day_month(w: &Words, date: &str) -> String {
    date.parse::<Date>()
        .map_or_else(|_| date.to_owned(), |d| w.day_month(d.day(), month(w, d)))
}

/// "Wed 25 Nov 21:30" from a record's time, as written.
fn when(w: &Words, at: &str) -> String {
    match (
        at.get(..10).and_then(|d| d.parse::<Date>().ok()),
        at.get(11..16),
    ) {
        (Some(date), Some(time)) => {
            let weekday = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
            w.when(
                Words::nth(w.weekdays, weekday),
                date.day(),
                month(w, date),
                time,
            )
        }
        _ => at.to_owned(),
    }
}

fn month(w: &Words, date: Date) -> &'static str {
    let month = usize::from(date.month().unsigned_abs());
    Words::nth(w.months, month.saturating_sub(1))
}
