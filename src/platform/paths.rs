//! Where a user's files live, by the XDG base directory rules.

use std::path::PathBuf;

/// `$XDG_CONFIG_HOME/weizhong`, or `~/.config/weizhong`.
pub fn config_dir() -> Option<PathBuf> {
    config_home().map(|d| d.join("weizhong"))
}

/// `$XDG_CONFIG_HOME`, or `~/.config`: where systemd looks for a user's units too.
pub fn config_home() -> Option<PathBuf> {
    base("XDG_CONFIG_HOME", ".config")
}

/// `$HOME`.
pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// `$XDG_DATA_HOME/weizhong`, or `~/.local/share/weizhong`.
pub fn data_dir() -> Option<PathBuf> {
    base("XDG_DATA_HOME", ".local/share").map(|d| d.join("weizhong"))
}

/// The directory named by `var` when it is absolute (the spec says to ignore a relative one),
/// else `$HOME/fallback`.
fn base(var: &str, fallback: &str) -> Option<PathBuf> {
    let from_var = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    from_var.or_else(|| home().map(|h| h.join(fallback)))
}
