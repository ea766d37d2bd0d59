//! The practice log: one JSON line per session in `history.jsonl`, appended and never rewritten.
//! The record is this module's own: it is what the file holds, whatever shows or times a session.

pub mod streak;

use std::fs::OpenOptions;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The file's name in the data folder.
pub const FILE_NAME: &str = "history.jsonl";

/// What a session was a run of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Routine,
    Stretch,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    Finished,
    Quit,
    Interrupted,
}

/// One session, as one line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Local date and time with its offset, RFC 3339: "2026-11-25T21:30:05+01:00".
    pub at: String,
    pub kind: Kind,
    /// The routine's or the stretch's id.
    pub id: String,
    /// The ids of the stretches done to the end.
    pub completed: Vec<String>,
    /// How many stretches the session had.
    pub of: usize,
    /// Time spent, pauses left out.
    pub seconds: u32,
    pub ending: Ending,
}

impl Record {
    /// The local time now, as a record has it.
    pub fn now() -> String {
        jiff::ZonedDateTime::now()
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    }

    /// The local date the session was on, as it was written.
    pub fn date(&self) -> Option<Date> {
        self.at.get(..10)?.parse().ok()
    }
}

/// Appends `record` as one line in a single write to a file opened for appending, so that
/// sessions ending at the same moment never interleave, and asks the disk to keep it.
pub fn append(dir: &Path, record: &Record) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
    line.push(b'\n');
    let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
    file.write_all(&line)?;
    file.sync_data()?;
    Ok(path)
}

/// What the log shows: the last days, the streaks, the totals and the last sessions.
#[derive(Debug, Clone, Serialize)]
pub struct Practice {
    /// Oldest first, ending today.
    pub days: Vec<Day>,
    pub current_streak: u32,
    pub longest_streak: u32,
    pub sessions: usize,
    pub seconds: u64,
    /// The last five sessions, newest first.
    pub recent: Vec<Record>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: String,
    pub sessions: usize,
}

/// How many sessions the log lists.
const RECENT: usize = 5;

impl Practice {
    pub fn new(records: &[Record], today: Date, days: u32) -> Self {
        let dates: Vec<Date> = records.iter().filter_map(Record::date).collect();
        let streaks = streak::streaks(&dates, today);
        Self {
            days: streak::last_days(&dates, today, days)
                .into_iter()
                .map(|(date, sessions)| Day {
                    date: date.to_string(),
                    sessions,
                })
                .collect(),
            current_streak: streaks.current,
            longest_streak: streaks.longest,
            sessions: records.len(),
            seconds: records.iter().map(|r| u64::from(r.seconds)).sum(),
            recent: records.iter().rev().take(RECENT).cloned().collect(),
        }
    }
}

/// Every record in the file, in order, and the numbers of lines that could not be read.
#[derive(Debug, Default)]
pub struct History {
    pub records: Vec<Record>,
    pub bad_lines: Vec<usize>,
}

/// Reads the file; a missing file is an empty history.
pub fn read(path: &Path) -> io::Result<History> {
    let mut history = History::default();
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(history),
        Err(e) => return Err(e),
    };
    for (i, line) in BufReader::new(file).split(b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Record>(&line) {
            Ok(record) if record.date().is_some() => history.records.push(record),
            _ => history.bad_lines.push(i + 1),
        }
    }
    Ok(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(at: &str) -> Record {
        Record {
            at: at.into(),
            kind: Kind::Routine,
            id: "before-bed".into(),
            completed: vec!["butterfly".into()],
            of: 3,
            seconds: 100,
            ending: Ending::Quit,
        }
    }

    #[test]
    fn a_record_is_one_line_of_json() {
        let line = serde_json::to_string(&record("2026-11-25T21:30:05+01:00")).unwrap();
        assert_eq!(
            line,
            r#"{"at":"2026-11-25T21:30:05+01:00","kind":"routine","id":"before-bed","completed":["butterfly"],"of":3,"seconds":100,"ending":"quit"}"#
        );
    }

    #[test]
    fn the_date_is_the_local_one_written() {
        let date = record("2026-03-29T00:30:00+02:00").date().unwrap();
        assert_eq!(date, jiff::civil::date(2026, 3, 29));
        assert_eq!(record("yesterday").date(), None);
    }

    #[test]
    fn now_has_an_offset() {
        let at = Record::now();
        assert_eq!(at.len(), 25, "{at}");
        assert!(at.parse::<jiff::Timestamp>().is_ok(), "{at}");
    }
}
