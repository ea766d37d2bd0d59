//! What every part of a run shares, decided once in `main` and passed down: the language and its
//! words, the width to wrap at, whether stdout gets colour, and the format of pages.

use std::path::PathBuf;

use crate::cli::{CommonOptions, Format};
use crate::output;
use crate::settings::{self, Settings};
use crate::words::{Lang, Words};

#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    pub words: &'static Words,
    pub width: usize,
    /// Whether what goes to stdout may be in colour.
    pub color: bool,
    pub format: Format,
    /// The folder of the user's own content that was asked for (`--content` or
    /// `WEIZHONG_CONTENT`), which must then exist.
    pub content: Option<PathBuf>,
    /// The settings file's, for what the options above do not decide.
    pub settings: Settings,
    pub settings_path: Option<PathBuf>,
}

impl Context {
    /// Each choice from the command line, else the settings file, else the environment.
    pub fn new(options: &CommonOptions, loaded: &settings::Loaded) -> Self {
        let settings = loaded.settings.clone();
        let lang = options.lang.or(settings.lang).unwrap_or_else(lang_from_env);
        let content = options.content.clone().or_else(|| {
            std::env::var_os("WEIZHONG_CONTENT")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        Self {
            lang,
            words: lang.words(),
            width: output::width(options.width.or(settings.width)),
            color: output::stdout_color(),
            format: options.format.unwrap_or_default(),
            content,
            settings,
            settings_path: loaded.path.clone(),
        }
    }
}

/// The language the locale asks for.
pub fn lang_from_env() -> Lang {
    Lang::from_locale(|name| std::env::var(name).ok())
}
