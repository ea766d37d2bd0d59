//! The practice log: one JSON line per session in `history.jsonl`, appended and never rewritten.
//! The record is this module's own: it is what the file holds, whatever shows or times a session.

pub mod streak;

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
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
/// sessions ending at the same moment never interleave, and asks the disk to keep it. When the
/// file's last line has no end (a hand edit, a copy, a write a full disk cut short), the record
/// starts on a fresh line, so that a damaged line costs only itself.
pub fn append(dir: &Path, record: &Record) -> io::Result<PathBuf> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(match file_in_the_way(dir) {
            Some(file) => Trouble::NotAFolder(file).into(),
            None => e,
        });
    }
    let path = dir.join(FILE_NAME);
    regular_or_none(&path)?;
    let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
    line.push(b'\n');
    let mut file = OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(&path)?;
    append_line(&mut file, &line)?;
    file.sync_data()?;
    Ok(path)
}

/// What went wrong in the log beyond what the system says, carried in an [`io::Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The data folder, or a folder above it, is a file.
    NotAFolder(PathBuf),
    /// The log is there but is not a regular file (a named pipe would make opening it wait).
    NotAFile(PathBuf),
    /// The disk took only part of a record; the part was ended as a line of its own, which
    /// reading skips.
    Short { written: usize, of: usize },
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trouble::NotAFolder(path) => write!(f, "{} is a file, not a folder", path.display()),
            Trouble::NotAFile(path) => write!(f, "{} is not a regular file", path.display()),
            Trouble::Short { written, of } => {
                write!(f, "only {written} of {of} bytes were written")
            }
        }
    }
}

impl std::error::Error for Trouble {}

impl From<Trouble> for io::Error {
    fn from(trouble: Trouble) -> Self {
        let kind = match trouble {
            Trouble::NotAFolder(_) => io::ErrorKind::NotADirectory,
            Trouble::NotAFile(_) => io::ErrorKind::InvalidInput,
            Trouble::Short { .. } => io::ErrorKind::WriteZero,
        };
        io::Error::new(kind, trouble)
    }
}

impl Trouble {
    /// The trouble an error from this module carries, if it is one of these.
    pub fn of(error: &io::Error) -> Option<&Trouble> {
        error.get_ref()?.downcast_ref()
    }
}

/// Nothing, or a regular file, at `path`; looked at before it is opened.
fn regular_or_none(path: &Path) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Trouble::NotAFile(path.to_owned()).into()),
        _ => Ok(()),
    }
}

/// The nearest of `dir` and the folders above it that is there but is not a folder.
fn file_in_the_way(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .find(|p| p.exists() && !p.is_dir())
        .map(Path::to_path_buf)
}

/// What appending needs of the file: a test hands in one that fails part-way.
trait Tail {
    /// Whether the file is empty or its last byte ends a line.
    fn ends_a_line(&mut self) -> io::Result<bool>;
    /// One write at the end of the file; how many bytes it took.
    fn write_end(&mut self, bytes: &[u8]) -> io::Result<usize>;
}

impl Tail for File {
    fn ends_a_line(&mut self) -> io::Result<bool> {
        if self.metadata()?.len() == 0 {
            return Ok(true);
        }
        // Reads follow the position; writes to a file opened for appending go to its end.
        self.seek(SeekFrom::End(-1))?;
        let mut last = [0];
        self.read_exact(&mut last)?;
        Ok(last[0] == b'\n')
    }

    fn write_end(&mut self, bytes: &[u8]) -> io::Result<usize> {
        loop {
            match self.write(bytes) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                result => return result,
            }
        }
    }
}

/// Writes `line` (ended) in one write, on a fresh line. A write cut short is not continued,
/// since another session's line may already follow it; its part is ended with a newline, or,
/// if even that fails, the next append starts on a fresh line. Either way the part is one
/// unreadable line and no other record is joined to it.
fn append_line(file: &mut impl Tail, line: &[u8]) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    if !file.ends_a_line()? {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(line);
    let written = file.write_end(&bytes)?;
    if written == bytes.len() {
        return Ok(());
    }
    file.write_end(b"\n")?;
    Err(Trouble::Short {
        written,
        of: bytes.len(),
    }
    .into())
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

/// The longest line read as a record; a session's line is a few hundred bytes.
const MAX_LINE: usize = 64 * 1024;

/// How many of the lines that are not records are named, at most.
pub const BAD_LINES_NAMED: usize = 3;

/// What reading the file found: the practice it shows, and the lines that are not sessions.
#[derive(Debug, Clone)]
pub struct Reading {
    pub practice: Practice,
    pub bad_lines: BadLines,
}

/// The lines that are not session records: the numbers of the first few, and how many in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BadLines {
    pub first: Vec<usize>,
    pub count: usize,
}

/// The sessions counted one at a time, keeping only what the log shows: counts for each of the
/// days shown, one bit for each day practised, the totals and the last few records.
struct Tally {
    today: Date,
    /// The first day shown, and the sessions on each day shown from it.
    first: Date,
    counts: Vec<usize>,
    practised: streak::Days,
    sessions: usize,
    seconds: u64,
    recent: VecDeque<Record>,
}

impl Tally {
    /// A tally showing the `days` days that end `today`.
    fn new(today: Date, days: u32) -> Self {
        let mut first = today;
        let mut shown = usize::from(days > 0);
        while shown < days as usize {
            match first.yesterday() {
                Ok(day) => first = day,
                Err(_) => break,
            }
            shown += 1;
        }
        Self {
            today,
            first,
            counts: vec![0; shown],
            practised: streak::Days::default(),
            sessions: 0,
            seconds: 0,
            recent: VecDeque::with_capacity(RECENT),
        }
    }

    /// Counts a session on `date`.
    fn add(&mut self, record: Record, date: Date) {
        if self.first <= date && date <= self.today {
            let day = date.duration_since(self.first).as_secs() / 86_400;
            if let Some(count) = usize::try_from(day)
                .ok()
                .and_then(|d| self.counts.get_mut(d))
            {
                *count += 1;
            }
        }
        self.practised.insert(date);
        self.sessions += 1;
        self.seconds += u64::from(record.seconds);
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(record);
    }

    fn finish(self) -> Practice {
        let streaks = self.practised.streaks(self.today);
        let mut date = self.first;
        let mut days = Vec::with_capacity(self.counts.len());
        for sessions in self.counts {
            days.push(Day {
                date: date.to_string(),
                sessions,
            });
            date = date.tomorrow().unwrap_or(date);
        }
        Practice {
            days,
            current_streak: streaks.current,
            longest_streak: streaks.longest,
            sessions: self.sessions,
            seconds: self.seconds,
            recent: self.recent.into_iter().rev().collect(),
        }
    }
}

impl Reading {
    /// No sessions at all.
    pub fn empty(today: Date, days: u32) -> Self {
        Self {
            practice: Tally::new(today, days).finish(),
            bad_lines: BadLines::default(),
        }
    }
}

/// Reads the file as a stream for the `days` days that end `today`; a missing file is an empty
/// history.
pub fn read(path: &Path, today: Date, days: u32) -> io::Result<Reading> {
    regular_or_none(path)?;
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Reading::empty(today, days)),
        Err(e) => {
            let folder = path.parent().and_then(file_in_the_way);
            return Err(folder.map_or(e, |f| Trouble::NotAFolder(f).into()));
        }
    };
    read_from(BufReader::with_capacity(MAX_LINE, file), today, days)
}

/// Reads a history from `reader`, a line at a time.
fn read_from(mut reader: impl BufRead, today: Date, days: u32) -> io::Result<Reading> {
    let mut tally = Tally::new(today, days);
    let mut bad_lines = BadLines::default();
    let mut line = Vec::new();
    let mut number = 0;
    while let Some(whole) = next_line(&mut reader, &mut line)? {
        number += 1;
        if whole && line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = whole
            .then(|| serde_json::from_slice::<Record>(&line).ok())
            .flatten()
            .and_then(|r| Some((r.date()?, r)));
        if let Some((date, record)) = record {
            tally.add(record, date);
        } else {
            if bad_lines.first.len() < BAD_LINES_NAMED {
                bad_lines.first.push(number);
            }
            bad_lines.count += 1;
        }
    }
    Ok(Reading {
        practice: tally.finish(),
        bad_lines,
    })
}

/// The next line of `reader` in `line`, without its newline: `None` at the end, else whether
/// the line is whole. A line longer than [`MAX_LINE`] is not kept, only read past.
fn next_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let read = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        return Ok(Some(true));
    }
    if line.len() > MAX_LINE {
        line.clear();
        reader.skip_until(b'\n')?;
        return Ok(Some(false));
    }
    Ok(Some(true))
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

    /// A file on a disk that takes only `cut` bytes of the next write, if set, and then has
    /// `room` bytes left.
    struct Disk {
        bytes: Vec<u8>,
        cut: Option<usize>,
        room: usize,
    }

    impl Disk {
        fn holding(text: &str) -> Self {
            Self {
                bytes: text.as_bytes().to_vec(),
                cut: None,
                room: usize::MAX,
            }
        }

        fn append(&mut self, record: &Record) -> io::Result<()> {
            let mut line = serde_json::to_vec(record).unwrap();
            line.push(b'\n');
            append_line(self, &line)
        }

        fn read(&self) -> (Vec<String>, Vec<usize>) {
            let reading = read_from(&self.bytes[..], jiff::civil::date(2026, 11, 26), 3).unwrap();
            let times = reading
                .practice
                .recent
                .into_iter()
                .rev()
                .map(|r| r.at)
                .collect();
            (times, reading.bad_lines.first)
        }
    }

    impl Tail for Disk {
        fn ends_a_line(&mut self) -> io::Result<bool> {
            Ok(self.bytes.last().is_none_or(|&b| b == b'\n'))
        }

        fn write_end(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::ErrorKind::StorageFull.into());
            }
            let n = bytes
                .len()
                .min(self.room)
                .min(self.cut.take().unwrap_or(usize::MAX));
            self.bytes.extend_from_slice(&bytes[..n]);
            self.room -= n;
            Ok(n)
        }
    }

    const A: &str = "2026-11-24T21:30:00+01:00";
    const B: &str = "2026-11-25T21:30:00+01:00";
    const C: &str = "2026-11-26T21:30:00+01:00";

    #[test]
    fn a_last_line_without_its_end_is_ended_before_the_next_record() {
        let a = serde_json::to_string(&record(A)).unwrap();
        let mut disk = Disk::holding(&a);
        disk.append(&record(B)).unwrap();
        disk.append(&record(C)).unwrap();
        assert_eq!(disk.read(), (vec![A.into(), B.into(), C.into()], vec![]));
        // A damaged last line costs only itself.
        let mut disk = Disk::holding("{\"at\":\"2026-11-2");
        disk.append(&record(B)).unwrap();
        disk.append(&record(C)).unwrap();
        assert_eq!(disk.read(), (vec![B.into(), C.into()], vec![1]));
    }

    #[test]
    fn a_write_cut_short_is_ended_as_a_line_of_its_own() {
        let mut disk = Disk::holding("");
        disk.append(&record(A)).unwrap();
        disk.cut = Some(50);
        let e = disk.append(&record(B)).unwrap_err();
        let of = serde_json::to_vec(&record(B)).unwrap().len() + 1;
        assert_eq!(Trouble::of(&e), Some(&Trouble::Short { written: 50, of }));
        disk.append(&record(C)).unwrap();
        assert_eq!(disk.read(), (vec![A.into(), C.into()], vec![2]));
    }

    #[test]
    fn a_full_disk_leaves_a_part_that_the_next_record_does_not_join() {
        let mut disk = Disk::holding("");
        disk.append(&record(A)).unwrap();
        disk.room = 50;
        let e = disk.append(&record(B)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(!disk.bytes.ends_with(b"\n"), "the part has no end");
        // Room again: the next session starts on a fresh line.
        disk.room = usize::MAX;
        disk.append(&record(C)).unwrap();
        assert_eq!(disk.read(), (vec![A.into(), C.into()], vec![2]));
    }

    #[test]
    fn a_data_folder_that_is_a_file_is_named() {
        let dir = std::env::temp_dir().join(format!("weizhong-history-{}", std::process::id()));
        std::fs::write(&dir, "").unwrap();
        let e = append(&dir.join("weizhong"), &record(A)).unwrap_err();
        let _ = std::fs::remove_file(&dir);
        assert_eq!(Trouble::of(&e), Some(&Trouble::NotAFolder(dir.clone())));
        assert_eq!(
            e.to_string(),
            format!("{} is a file, not a folder", dir.display())
        );
    }

    fn line(at: &str) -> String {
        serde_json::to_string(&record(at)).unwrap()
    }

    #[test]
    fn the_days_shown_count_their_sessions_oldest_first() {
        let text = [
            line("2026-11-23T21:30:00+01:00"),
            line("2026-11-25T08:00:00+01:00"),
            line("2026-11-20T21:30:00+01:00"),
            line("2026-11-25T21:30:00+01:00"),
            line("2026-11-26T21:30:00+01:00"),
        ]
        .join("\n");
        let today = jiff::civil::date(2026, 11, 25);
        let practice = read_from(text.as_bytes(), today, 3).unwrap().practice;
        let days: Vec<_> = practice
            .days
            .iter()
            .map(|d| (d.date.as_str(), d.sessions))
            .collect();
        assert_eq!(
            days,
            [("2026-11-23", 1), ("2026-11-24", 0), ("2026-11-25", 2)]
        );
        assert_eq!((practice.current_streak, practice.longest_streak), (1, 1));
        assert_eq!((practice.sessions, practice.seconds), (5, 500));
        let recent: Vec<_> = practice.recent.iter().map(|r| &r.at[..10]).collect();
        assert_eq!(
            recent,
            [
                "2026-11-26",
                "2026-11-25",
                "2026-11-20",
                "2026-11-25",
                "2026-11-23"
            ]
        );
    }

    #[test]
    fn lines_that_are_not_records_are_counted_and_the_first_few_named() {
        let good = line(A);
        let long = format!("{{\"at\":\"{A}\",\"id\":\"{}\"}}", "x".repeat(MAX_LINE));
        let text = [
            "nonsense",
            "",
            "  ",
            &good,
            "{}",
            &long,
            &good,
            r#"{"at":"yesterday","kind":"routine","id":"x","completed":[],"of":1,"seconds":1,"ending":"quit"}"#,
            "[",
            &good,
        ]
        .join("\n");
        let reading = read_from(text.as_bytes(), jiff::civil::date(2026, 11, 26), 3).unwrap();
        assert_eq!(
            reading.bad_lines,
            BadLines {
                first: vec![1, 5, 6],
                count: 5
            }
        );
        assert_eq!(reading.practice.sessions, 3);
    }

    #[test]
    fn nothing_shows_nothing() {
        let practice = read_from(io::empty(), jiff::civil::date(2026, 11, 26), 2)
            .unwrap()
            .practice;
        assert_eq!(practice.sessions, 0);
        assert_eq!(practice.days.len(), 2);
        assert_eq!((practice.current_streak, practice.longest_streak), (0, 0));
    }

    #[test]
    fn now_has_an_offset() {
        let at = Record::now();
        assert_eq!(at.len(), 25, "{at}");
        assert!(at.parse::<jiff::Timestamp>().is_ok(), "{at}");
    }
}
