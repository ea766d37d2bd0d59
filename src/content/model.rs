//! Serde types that mirror the TOML files under `content/`, one struct per kind of file.

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
    /// A small ASCII drawing of the back of the knee, shown as it is written.
    pub sketch: String,
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
