//! Serde types that mirror the TOML files under `content/`, one struct per kind of file, and
//! the names each item answers to. build.rs reads the built-in files with these same types.

use serde::{Deserialize, Serialize};

/// Where an item came from: the guide itself, or the user's own files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Builtin,
    User,
}

/// A heading with short paragraphs and an optional bullet list, used wherever a file needs free
/// sections (`about.toml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub bullets: Vec<String>,
}

/// `content/about.toml`: what and where the Weizhong point is.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub title: String,
    pub summary: String,
    /// A drawing of the back of the knee with numbered marks, shown as it is drawn; the same in
    /// every language.
    pub sketch: String,
    /// What the drawing shows, said above it.
    pub caption: String,
    /// What each numbered mark of the drawing points at, in order, shown beside it.
    pub legend: Vec<String>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `content/causes/<id>.toml`: one cause of the ache, in the article's order.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    #[serde(skip_deserializing)]
    pub id: String,
    #[serde(skip_deserializing)]
    pub origin: Origin,
    pub order: u32,
    /// How the article numbers it ("1.2a"), where it does; shown as 1.`order` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    /// What happens in the body.
    pub in_the_body: String,
    /// What helps.
    pub helps: Vec<String>,
    /// When heat and massage are the wrong thing to do.
    pub not_when: String,
    /// An honest note on how good the evidence is, where the article's claim is weak.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `content/stretches/<id>.toml`: one stretch with the article's hold time and repetitions.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stretch {
    #[serde(skip_deserializing)]
    pub id: String,
    #[serde(skip_deserializing)]
    pub origin: Origin,
    pub order: u32,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it stretches.
    pub targets: String,
    /// Why it helps.
    pub why: String,
    pub steps: Vec<String>,
    pub hold_seconds: u32,
    pub reps: u32,
    /// Done on the left side, then on the right.
    pub each_side: bool,
    pub rest_seconds: u32,
    pub get_ready_seconds: u32,
    pub cues: Vec<String>,
    pub cautions: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// A drawing of the pose as it is held, on the left side for a stretch done on each side (the
    /// right is its mirror image); the same in every language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

/// `content/relief/<id>.toml`: one way to ease the ache.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relief {
    #[serde(skip_deserializing)]
    pub id: String,
    #[serde(skip_deserializing)]
    pub origin: Origin,
    pub order: u32,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    /// How long, in words ("15–20 minutes").
    pub duration: String,
    pub steps: Vec<String>,
    pub safety: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One group of warning signs, most urgent first in `safety.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagGroup {
    pub heading: String,
    pub signs: Vec<String>,
}

/// `content/safety.toml`: when to see a doctor.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// One line, shown under the overview.
    pub note: String,
    /// One line said where the stretching happens: the routine's intro and a guided stretch.
    pub while_stretching: String,
    pub intro: String,
    pub groups: Vec<FlagGroup>,
    /// Two lines.
    pub disclaimer: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `content/routines/<id>.toml`: an ordered list of stretches.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    #[serde(skip_deserializing)]
    pub id: String,
    #[serde(skip_deserializing)]
    pub origin: Origin,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub intro: String,
    /// Stretch ids, in the order they are done.
    pub stretches: Vec<String>,
    /// Said when the routine ends.
    pub closing: String,
}

/// What kind of thing an item is, for lookups and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Cause,
    Stretch,
    Relief,
    Routine,
}

/// An item the user can name.
pub trait Named {
    const KIND: Kind;
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    fn aliases(&self) -> &[String];
    /// Where it is listed among its kind; routines have no order.
    fn order(&self) -> Option<u32>;
    fn origin(&self) -> Origin;
    /// Sets what the file does not say: its id (from the file name) and where it came from.
    fn identify(&mut self, id: String, origin: Origin);
    /// More names for it, after its own: the English ones of a translated item.
    fn add_aliases(&mut self, more: &[String]);

    /// The number it is shown with, where it has one: a stretch's "2", a cause's "1.2a".
    fn number(&self) -> Option<String> {
        None
    }

    /// Every spelling that names this item, normalised: id, aliases and the name.
    fn keys(&self) -> Vec<String> {
        let mut keys = vec![normalise(self.id())];
        keys.extend(self.aliases().iter().map(|a| normalise(a)));
        keys.push(normalise(self.name()));
        keys.dedup();
        keys
    }
}

macro_rules! named {
    ($type:ty, $kind:expr, $order:expr) => {
        named!($type, $kind, $order, |_: &$type| None);
    };
    ($type:ty, $kind:expr, $order:expr, $number:expr) => {
        impl Named for $type {
            const KIND: Kind = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn aliases(&self) -> &[String] {
                &self.aliases
            }
            fn order(&self) -> Option<u32> {
                $order(self)
            }
            fn origin(&self) -> Origin {
                self.origin
            }
            fn identify(&mut self, id: String, origin: Origin) {
                self.id = id;
                self.origin = origin;
            }
            fn add_aliases(&mut self, more: &[String]) {
                self.aliases.extend(more.iter().cloned());
            }
            fn number(&self) -> Option<String> {
                $number(self)
            }
        }
    };
}

impl Cause {
    /// Its number as the article gives it: "1.2a", or 1.`order` where it gives none.
    pub fn shown_number(&self) -> String {
        self.number
            .clone()
            .unwrap_or_else(|| format!("1.{}", self.order))
    }
}

named!(
    Cause,
    Kind::Cause,
    |c: &Cause| Some(c.order),
    |c: &Cause| Some(c.shown_number())
);
named!(
    Stretch,
    Kind::Stretch,
    |s: &Stretch| Some(s.order),
    |s: &Stretch| Some(s.order.to_string())
);
named!(Relief, Kind::Relief, |r: &Relief| Some(r.order));
named!(Routine, Kind::Routine, |_: &Routine| None);

/// Lower case, with runs of spaces, underscores and hyphens as one hyphen, none at either end.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push('-');
                gap = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}
