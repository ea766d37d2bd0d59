//! The words weizhong itself says — headings, labels, prompts, errors — in the user's language,
//! from `content/ui/en.toml` or `content/ui/zh.toml`, made into statics by build.rs, which fails
//! when either file lacks a word the other has.

use std::fmt::{Display, Write as _};
use std::sync::OnceLock;

/// The language of the guide.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The folder name of the language's files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set; `zh…` is Chinese, anything else English.
    pub fn from_env() -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

impl Commands {
    /// The line about the command `name`.
    pub fn about(&self, name: &str) -> Option<&'static str> {
        Some(match name {
            "routine" => self.routine,
            "about" => self.about,
            "causes" => self.causes,
            "stretch" => self.stretch,
            "relief" => self.relief,
            "safety" => self.safety,
            "log" => self.log,
            "check" => self.check,
            "completions" => self.completions,
            "man" => self.man,
            _ => return None,
        })
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for the rest of the run; the first choice stays.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

pub fn lang() -> Lang {
    *LANG.get_or_init(Lang::default)
}

/// The words in the chosen language.
pub fn ui() -> &'static Ui {
    match lang() {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// `template` with each `{name}` replaced by its value, in one pass; a `{name}` with no value
/// is kept as it is.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        if let Some((value, close)) = value {
            let _ = write!(text, "{value}");
            rest = &after[close + 1..];
        } else {
            text.push('{');
            rest = after;
        }
    }
    text.push_str(rest);
    text
}

/// The `i`th of a list of words (a month, a weekday), or nothing.
pub fn nth(words: &[&'static str], i: usize) -> &'static str {
    words.get(i).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_word() {
        // build.rs refuses a word missing from either file; the lists are whole.
        for ui in [&EN, &ZH] {
            assert_eq!(ui.months.len(), 12);
            assert_eq!(ui.weekdays.len(), 7);
        }
    }

    #[test]
    fn unknown_places_stay_and_values_are_not_filled_again() {
        assert_eq!(fill("{a} {b} {", &[("a", &"{b}")]), "{b} {b} {");
        assert_eq!(fill("{{n}}", &[("n", &1)]), "{1}");
    }

    #[test]
    fn values_fill_their_places() {
        assert_eq!(
            fill(
                "{n} of {of} · {name}",
                &[("n", &1), ("of", &3), ("name", &"Butterfly")]
            ),
            "1 of 3 · Butterfly"
        );
        assert_eq!(fill("no places", &[("n", &1)]), "no places");
    }
}
