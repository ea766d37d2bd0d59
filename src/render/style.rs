//! The one set of styles, shared by clap's help and by every page weizhong writes.

use anstyle::{AnsiColor, Effects, Style};

/// A page's title.
pub const TITLE: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
/// A section heading inside a page.
pub const HEADING: Style = AnsiColor::Green.on_default().effects(Effects::BOLD);
/// Numbers of steps, bullets and field labels.
pub const MARKER: Style = AnsiColor::Cyan.on_default();
/// Commands, ids and other things the user can type.
pub const LITERAL: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
/// Placeholders in help.
pub const PLACEHOLDER: Style = AnsiColor::Cyan.on_default();
/// Side notes: sources, the disclaimer.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);
/// Warnings a reader should not miss.
pub const WARN: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);
/// The `error:` prefix.
pub const ERROR: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
/// The `tip:` prefix and valid values in clap's errors.
pub const TIP: Style = AnsiColor::Green.on_default().effects(Effects::BOLD);

/// The same styles for clap's help and usage errors.
pub fn clap_styles() -> clap::builder::Styles {
    clap::builder::Styles::styled()
        .header(HEADING)
        .usage(HEADING)
        .literal(LITERAL)
        .placeholder(PLACEHOLDER)
        .error(ERROR)
        .valid(TIP)
        .invalid(WARN)
}

/// `text` wrapped in `style`'s escape codes; anstream strips them where colour is off.
pub fn paint(style: Style, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("{style}{text}{style:#}")
}
