//! The words weizhong itself says — headings, labels, prompts, errors — in the user's language,
//! from `content/ui/en.toml` or `content/ui/zh.toml`. Both files fill the same struct, so neither
//! can lack a word the other has.

use std::fmt::Display;
use std::sync::OnceLock;

use serde::Deserialize;

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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub overview_title: String,
    pub commands: String,
    pub yours: String,
    pub sources: String,
    pub list_separator: String,
    pub what_happens: String,
    pub what_helps: String,
    pub heat_wrong: String,
    pub evidence: String,
    pub stretches_title: String,
    pub col_stretch: String,
    pub col_hold: String,
    pub col_sides: String,
    pub col_time: String,
    pub stretches_total: String,
    pub each_side: String,
    pub both_at_once: String,
    pub hold_reps: String,
    pub hold_reps_each_side: String,
    pub left_then_right: String,
    pub targets: String,
    pub hold: String,
    pub rest: String,
    pub time: String,
    pub rest_between: String,
    pub time_in_all: String,
    pub time_in_all_each_side: String,
    pub steps: String,
    pub cues: String,
    pub cautions: String,
    pub how_long: String,
    pub how_to: String,
    pub safely: String,
    pub safety_title: String,
    pub routines_title: String,
    pub col_routine: String,
    pub col_name: String,
    pub col_stretches: String,
    pub routines_hint: String,
    pub afterwards: String,
    pub stretch_header: String,
    pub count_one: String,
    pub count_many: String,
    pub phase_get_ready: String,
    pub phase_switch_sides: String,
    pub phase_seconds: String,
    pub timeline_hold: String,
    pub relax_between: String,
    pub relax_each: String,
    pub seconds_times: String,
    pub seconds: String,
    pub plus: String,
    pub timeline_separator: String,
    pub left_side: String,
    pub right_side: String,
    pub timing: String,
    pub duration_seconds: String,
    pub duration_minutes: String,
    pub duration_minutes_seconds: String,
    pub press_enter: String,
    pub enter_key: String,
    pub paused: String,
    pub skipped: String,
    pub stopped: String,
    pub summary_done: String,
    pub summary_stopped: String,
    pub summary_interrupted: String,
    pub on_left_side: String,
    pub on_right_side: String,
    pub get_into_position: String,
    pub switch_to_right: String,
    pub rep_hold: String,
    pub relax: String,
    pub log_title: String,
    pub log_empty: String,
    pub log_days: String,
    pub current_streak: String,
    pub longest_streak: String,
    pub sessions: String,
    pub day_one: String,
    pub day_many: String,
    pub sessions_value: String,
    pub last_sessions: String,
    pub session: String,
    pub session_stopped: String,
    pub session_interrupted: String,
    pub day_month: String,
    pub when: String,
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub error: String,
    pub tip: String,
    pub after_prefix: String,
    pub warning: String,
    pub no_such_name: String,
    pub did_you_mean: String,
    pub names_are: String,
    pub ambiguous: String,
    pub type_more: String,
    pub content_broken: String,
    pub could_not_read: String,
    pub could_not_write: String,
    pub skipped_file: String,
    pub kind_cause: String,
    pub kind_stretch: String,
    pub kind_relief: String,
    pub kind_routine: String,
    pub kinds_cause: String,
    pub kinds_stretch: String,
    pub kinds_relief: String,
    pub kinds_routine: String,
    pub content_missing: String,
    pub content_not_folder: String,
    pub content_tip: String,
    pub time_scale_bad: String,
    pub time_scale_tip: String,
    pub not_noted_no_home: String,
    pub not_noted: String,
    pub skipped_line: String,
    pub skipped_more_lines: String,
    pub no_content_folder: String,
    pub only_inside_folders: String,
    pub only_inside: String,
    pub no_such_path: String,
    pub files_ok_one: String,
    pub files_ok_many: String,
    pub files_bad_one: String,
    pub files_bad_many: String,
    pub files_bad_many_one: String,
    pub command: Commands,
}

/// One line about each command, for the overview.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commands {
    pub routine: String,
    pub about: String,
    pub causes: String,
    pub stretch: String,
    pub relief: String,
    pub safety: String,
    pub log: String,
    pub check: String,
    pub completions: String,
    pub man: String,
}

impl Commands {
    /// The line about the command `name`.
    pub fn about(&self, name: &str) -> Option<&str> {
        Some(match name {
            "routine" => &self.routine,
            "about" => &self.about,
            "causes" => &self.causes,
            "stretch" => &self.stretch,
            "relief" => &self.relief,
            "safety" => &self.safety,
            "log" => &self.log,
            "check" => &self.check,
            "completions" => &self.completions,
            "man" => &self.man,
            _ => return None,
        })
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();
static UI: OnceLock<Ui> = OnceLock::new();

/// Chooses the language for the rest of the run; the first choice stays.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

pub fn lang() -> Lang {
    *LANG.get_or_init(Lang::default)
}

/// The words in the chosen language. The files are checked by the tests; were one broken, the
/// English words are used, and were those broken too, empty ones.
pub fn ui() -> &'static Ui {
    UI.get_or_init(|| {
        crate::content::ui_words(lang())
            .or_else(|_| crate::content::ui_words(Lang::En))
            .unwrap_or_default()
    })
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// The `i`th of a list of words (a month, a weekday), or nothing.
pub fn nth(words: &[String], i: usize) -> &str {
    words.get(i).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_word() {
        for lang in [Lang::En, Lang::Zh] {
            let ui = crate::content::ui_words(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(ui.months.len(), 12, "{lang:?}");
            assert_eq!(ui.weekdays.len(), 7, "{lang:?}");
        }
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
