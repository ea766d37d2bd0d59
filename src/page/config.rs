//! `weizhong config`: the settings in force and where each came from.

use serde::Serialize;

use crate::render::{Block, Doc};
use crate::words::Words;

/// Where a setting in force came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "from", content = "variable")]
pub enum Source {
    /// The command line.
    Option,
    /// The settings file.
    File,
    /// An environment variable.
    Environment(String),
    /// The terminal's width.
    Terminal,
    Default,
}

/// One setting in force.
#[derive(Debug, Clone, Serialize)]
pub struct InForce {
    pub key: &'static str,
    pub value: String,
    #[serde(flatten)]
    pub from: Source,
}

/// The JSON document: the file's path and every setting.
#[derive(Serialize)]
pub struct Document<'a> {
    pub path: Option<&'a str>,
    pub settings: &'a [InForce],
}

/// A table of the settings, and the file they come from or where to put one: `path`, if there
/// is a place for it.
pub fn page(w: &Words, in_force: &[InForce], path: Option<&str>, exists: bool) -> Doc {
    let header = [w.col_setting, w.col_value, w.col_from]
        .map(String::from)
        .to_vec();
    let rows = in_force
        .iter()
        .map(|row| {
            let from = match &row.from {
                Source::Option => w.source_option.to_owned(),
                Source::File => w.source_file.to_owned(),
                Source::Environment(variable) => w.source_environment(variable),
                Source::Terminal => w.source_terminal.to_owned(),
                Source::Default => w.source_default.to_owned(),
            };
            vec![row.key.to_owned(), row.value.clone(), from]
        })
        .collect();
    let mut doc = Doc::new();
    doc.title(w.config_title, None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(match (path, exists) {
        (Some(path), true) => w.config_file(path),
        (Some(path), false) => w.config_no_file(path),
        (None, _) => w.config_no_home.to_owned(),
    });
    doc
}
