//! The pages weizhong shows, one file per kind, each built from the content model as a [`Doc`]
//! in the words of the chosen language; and the JSON documents of the same content.

pub mod config;
pub mod guide;
pub mod json;
pub mod log;
pub mod routine;

use crate::content::Origin;
use crate::render::Doc;
use crate::words::Words;

/// Seconds as a person says them, in the user's words: see [`Words::duration`].
pub fn duration(w: &Words, seconds: impl Into<u64>) -> String {
    w.duration(seconds)
}

/// "3 stretches · 2 min 56 s"
pub fn count_and_time(w: &Words, count: usize, seconds: impl Into<u64>) -> String {
    let time = duration(w, seconds);
    if count == 1 {
        w.count_one(count, time)
    } else {
        w.count_many(count, time)
    }
}

/// A user's own item is marked as theirs wherever it is listed.
fn marked(w: &Words, name: &str, origin: Origin) -> String {
    match origin {
        Origin::Builtin => name.to_owned(),
        Origin::User => w.yours(name),
    }
}

/// A quiet "Sources: a; b." line, left out when there are none.
fn sources(doc: &mut Doc, w: &Words, sources: &[String]) {
    if !sources.is_empty() {
        doc.aside(w.sources(sources.join(w.list_separator)));
    }
}

fn concat(docs: impl Iterator<Item = Doc>) -> Doc {
    let mut all = Doc::new();
    for doc in docs {
        all.blocks.extend(doc.blocks);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::duration;
    use crate::words::{EN, ZH};

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        let shown: Vec<String> = [0, 26, 60, 90, 176].map(|s: u32| duration(&EN, s)).to_vec();
        assert_eq!(shown, ["0 s", "26 s", "1 min", "1 min 30 s", "2 min 56 s"]);
        assert_eq!(duration(&ZH, 176u32), "2 分 56 秒");
    }

    #[test]
    fn durations_of_an_hour_or_more_roll_into_hours() {
        let shown: Vec<String> = [3600u64, 3620, 5400, 86_480, 4_294_967_296]
            .map(|s| duration(&EN, s))
            .to_vec();
        assert_eq!(
            shown,
            [
                "1 h",
                "1 h 20 s",
                "1 h 30 min",
                "24 h 1 min 20 s",
                "1193046 h 28 min 16 s"
            ]
        );
        assert_eq!(duration(&ZH, 86_480u64), "24 小时 1 分 20 秒");
        assert_eq!(duration(&ZH, 7200u64), "2 小时");
    }
}
