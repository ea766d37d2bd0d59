//! What every part of a run shares, decided once in `main` and passed down: the language and its
//! words, the width to wrap at, whether stdout gets colour, and the format of pages.

use std::path::PathBuf;

use crate::cli::{CommonOptions, Format};
use crate::output;
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
}

impl Context {
    pub fn new(options: &CommonOptions) -> Self {
        let lang = options.lang.unwrap_or_else(lang_from_env);
        let content = options.content.clone().or_else(|| {
            std::env::var_os("WEIZHONG_CONTENT")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        Self {
            lang,
            words: lang.words(),
            width: output::width(options.width),
            color: output::stdout_color(),
            format: options.format.unwrap_or_default(),
            content,
        }
    }
}

/// The language the locale asks for.
pub fn lang_from_env() -> Lang {
    Lang::from_locale(|name| std::env::var(name).ok())
}
