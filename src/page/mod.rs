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

/// "3 stretches · 2 min 56 s"
pub fn count_and_time(w: &Words, count: usize, seconds: impl Into<u64>) -> String {
    let time = w.duration(seconds);
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
