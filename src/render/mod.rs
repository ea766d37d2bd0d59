//! Showing a page: a [`Doc`] drawn as styled, wrapped text, as Markdown, or a value as JSON.

pub mod doc;
pub mod markdown;
pub mod picture;
pub mod style;
pub mod text;
pub mod wrap;

pub use doc::{Block, Doc};

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
