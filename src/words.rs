//! The words weizhong itself says — headings, labels, prompts, errors — in the user's language,
//! from `content/ui/en.toml` or `content/ui/zh.toml`. build.rs makes them into two statics of one
//! struct, [`Words`]: a plain word is a field, and a template with `{placeholders}` is a method
//! whose parameters are its placeholders, so a misspelt placeholder fails the build.

use std::fmt::{Display, Write as _};

/// The language of the guide.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

    /// The language a locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set, as `var` reads them; `zh…` is Chinese, anything else English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/words.rs"));

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
            "config" => self.config,
            "remind" => self.remind,
            _ => return None,
        })
    }
}

impl Words {
    /// Seconds as a person says them: "26 s", "1 min", "1 min 30 s", "1 h", "24 h 1 min 20 s".
    pub fn duration(&self, seconds: impl Into<u64>) -> String {
        let seconds: u64 = seconds.into();
        let under_an_hour = |seconds: u64| match (seconds / 60, seconds % 60) {
            (0, s) => self.duration_seconds(s),
            (m, 0) => self.duration_minutes(m),
            (m, s) => self.duration_minutes_seconds(m, s),
        };
        match (seconds / 3600, seconds % 3600) {
            (0, rest) => under_an_hour(rest),
            (h, 0) => self.duration_hours(h),
            (h, rest) => self.duration_hours_and(h, under_an_hour(rest)),
        }
    }

    /// The `i`th of a list of words (a month, a weekday), or nothing.
    pub fn nth(list: &[&'static str], i: usize) -> &'static str {
        list.get(i).copied().unwrap_or("")
    }
}

/// `template` with each `{name}` replaced by its value, in one pass. build.rs has checked that
/// every placeholder of a template is a parameter of its method, so each has a value.
fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let value = values.iter().find(|(n, _)| *n == &after[..close])?.1;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_word() {
        // build.rs refuses a word missing from either file; the lists are whole.
        for words in [&EN, &ZH] {
            assert_eq!(words.months.len(), 12);
            assert_eq!(words.weekdays.len(), 7);
        }
    }

    #[test]
    fn values_fill_their_places_once() {
        assert_eq!(EN.stretch_header(1, 3, "Butterfly"), "1 of 3 · Butterfly");
        assert_eq!(
            ZH.stretch_header(1, 3, "蝴蝶式伸展"),
            "第 1/3 个 · 蝴蝶式伸展"
        );
        // A value is not filled again, whatever it holds.
        assert_eq!(EN.yours("{name}"), "{name} (yours)");
        assert_eq!(fill("{a} {b} {", &[("a", &"{b}")]), "{b} {b} {");
    }

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&str, &str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        let shown: Vec<String> = [0, 26, 60, 90, 176].map(|s: u32| EN.duration(s)).to_vec();
        assert_eq!(shown, ["0 s", "26 s", "1 min", "1 min 30 s", "2 min 56 s"]);
        assert_eq!(ZH.duration(176u32), "2 分 56 秒");
    }

    #[test]
    fn durations_of_an_hour_or_more_roll_into_hours() {
        let shown: Vec<String> = [3600u64, 3620, 5400, 86_480, 4_294_967_296]
            .map(|s| EN.duration(s))
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
        assert_eq!(ZH.duration(86_480u64), "24 小时 1 分 20 秒");
        assert_eq!(ZH.duration(7200u64), "2 小时");
    }
}
