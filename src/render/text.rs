//! Draws a [`Doc`] as terminal text: styled, wrapped to a width, with hanging indents.

use std::fmt::Write as _;

use anstyle::Style;

use super::doc::{Block, Doc};
use super::{style, wrap};

/// Left margin of everything under a heading.
const MARGIN: &str = "  ";

/// The page as text with ANSI styles, each line at most `width` columns (a sketch excepted).
pub fn render(doc: &Doc, width: usize) -> String {
    let mut out = String::new();
    let mut after_heading = true;
    for block in &doc.blocks {
        if !after_heading {
            out.push('\n');
        }
        after_heading = matches!(block, Block::Heading(_));
        match block {
            Block::Title(title, subtitle) => {
                indented(&mut out, title, width, "", style::TITLE);
                if let Some(subtitle) = subtitle {
                    indented(&mut out, subtitle, width, "", Style::new());
                }
            }
            Block::Heading(text) => indented(&mut out, text, width, "", style::HEADING),
            Block::Paragraph(text) => indented(&mut out, text, width, MARGIN, Style::new()),
            Block::Warning(text) => indented(&mut out, text, width, MARGIN, style::WARN),
            Block::Aside(text) => indented(&mut out, text, width, MARGIN, style::DIM),
            Block::Numbered(items) => {
                let digits = items.len().to_string().len();
                let markers = (1..=items.len()).map(|n| format!("{n:>digits$}. "));
                list(&mut out, items, markers, width);
            }
            Block::Bullets(items) => {
                list(&mut out, items, std::iter::repeat("• ".to_owned()), width);
            }
            Block::Fields(fields) => {
                let label_width = fields
                    .iter()
                    .map(|(l, _)| wrap::width(l))
                    .max()
                    .unwrap_or(0);
                for (label, value) in fields {
                    let pad = " ".repeat(label_width - wrap::width(label) + 2);
                    let first = format!("{MARGIN}{}{pad}", style::paint(style::MARKER, label));
                    let rest = " ".repeat(MARGIN.len() + label_width + 2);
                    let cols = rest.len();
                    wrapped(&mut out, value, width, (&first, cols), &rest, Style::new());
                }
            }
            Block::Table(header, rows) => table(&mut out, header, rows, width),
            Block::Pre(text) => {
                // A drawing cut by wrapping would mislead: too wide, it is left out.
                let lines = text.trim_end_matches('\n').lines();
                if lines
                    .clone()
                    .all(|l| MARGIN.len() + wrap::width(l) <= width)
                {
                    for l in lines {
                        line(&mut out, format!("{MARGIN}{l}").trim_end());
                    }
                } else {
                    after_heading = true;
                }
            }
        }
    }
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// Wraps `text` in `base` style after the indents `first` (on the first line, `first_cols`
/// columns wide whatever escape codes it holds) and `rest`.
fn wrapped(
    out: &mut String,
    text: &str,
    width: usize,
    (first, first_cols): (&str, usize),
    rest: &str,
    base: Style,
) {
    let mut in_code = false;
    let lines = wrap::wrap(
        text,
        width.saturating_sub(first_cols),
        width.saturating_sub(wrap::width(rest)),
    );
    for (i, l) in lines.iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        line(out, &format!("{lead}{}", inline(l, base, &mut in_code)));
    }
}

/// Wraps `text` with plain indents.
fn indented(out: &mut String, text: &str, width: usize, indent: &str, base: Style) {
    wrapped(out, text, width, (indent, indent.len()), indent, base);
}

/// A list whose items hang under their markers.
fn list(out: &mut String, items: &[String], markers: impl Iterator<Item = String>, width: usize) {
    for (item, marker) in items.iter().zip(markers) {
        let first = format!("{MARGIN}{}", style::paint(style::MARKER, &marker));
        let rest = " ".repeat(MARGIN.len() + wrap::width(&marker));
        let cols = rest.len();
        wrapped(out, item, width, (&first, cols), &rest, Style::new());
    }
}

/// A table when it fits, otherwise one wrapped bullet per row.
fn table(out: &mut String, header: &[String], rows: &[Vec<String>], width: usize) {
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .chain(header.get(c))
                .map(|cell| wrap::width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let total = MARGIN.len() + widths.iter().sum::<usize>() + 3 * columns.saturating_sub(1);
    if total > width {
        let items: Vec<String> = rows
            .iter()
            .map(|r| match r.split_first() {
                Some((name, rest)) => format!("{name}: {}", rest.join(" · ")),
                None => String::new(),
            })
            .collect();
        list(out, &items, std::iter::repeat("• ".to_owned()), width);
        return;
    }
    let row_text = |cells: &[String], style: Style| {
        let mut text = String::from(MARGIN);
        for (c, cell) in cells.iter().enumerate() {
            if c + 1 == cells.len() {
                text.push_str(&style::paint(style, cell));
            } else {
                let pad = " ".repeat(widths[c] - wrap::width(cell) + 3);
                let _ = write!(text, "{}{pad}", style::paint(style, cell));
            }
        }
        text
    };
    line(out, &row_text(header, style::MARKER));
    for row in rows {
        line(out, &row_text(row, Style::new()));
    }
}

/// Styles a wrapped line in `base`, turning `code` spans into the literal style and dropping
/// their backticks; `in_code` carries an open span over to the next line.
fn inline(text: &str, base: Style, in_code: &mut bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, run) in text.split('`').enumerate() {
        if i > 0 {
            *in_code = !*in_code;
        }
        let style = current(base, *in_code);
        if style == Style::new() {
            out.push_str(run);
        } else {
            out.push_str(&style::paint(style, run));
        }
    }
    out
}

fn current(base: Style, in_code: bool) -> Style {
    if in_code { style::LITERAL } else { base }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(doc: &Doc, width: usize) -> String {
        let mut out = Vec::new();
        let mut stream = anstream::StripStream::new(&mut out);
        std::io::Write::write_all(&mut stream, render(doc, width).as_bytes()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbered_steps_hang_under_their_numbers() {
        let mut doc = Doc::new();
        doc.push(Block::Numbered(vec![
            "Sit with the soles of your feet together and hold your toes.".into(),
            "Lean forward.".into(),
        ]));
        assert_eq!(
            plain(&doc, 30),
            "  1. Sit with the soles of\n     your feet together and\n     hold your toes.\n  2. Lean forward.\n"
        );
    }

    #[test]
    fn headings_sit_on_their_content_and_blocks_are_spaced() {
        let mut doc = Doc::new();
        doc.title("Title", None)
            .heading("Cues")
            .paragraph("Breathe.");
        doc.paragraph("Slowly.");
        assert_eq!(plain(&doc, 80), "Title\n\nCues\n  Breathe.\n\n  Slowly.\n");
    }

    #[test]
    fn code_spans_lose_their_backticks_and_are_styled() {
        let mut doc = Doc::new();
        doc.paragraph("see `weizhong safety` now");
        assert_eq!(plain(&doc, 80), "  see weizhong safety now\n");
        let styled = render(&doc, 80);
        assert!(styled.contains(&style::paint(style::LITERAL, "weizhong safety")));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let mut doc = Doc::new();
        doc.paragraph("委中委中委中委中委中委中");
        for l in plain(&doc, 12).lines() {
            assert!(wrap::width(l) <= 12, "{l:?}");
        }
    }

    #[test]
    fn fields_align_their_values() {
        let mut doc = Doc::new();
        doc.push(Block::Fields(vec![
            ("Hold".into(), "10 s × 3".into()),
            ("Sides".into(), "each side, left then right".into()),
        ]));
        assert_eq!(
            plain(&doc, 24),
            "  Hold   10 s × 3\n  Sides  each side, left\n         then right\n"
        );
    }

    #[test]
    fn a_table_too_wide_becomes_a_list() {
        let mut doc = Doc::new();
        let header = vec!["Stretch".into(), "Hold".into()];
        let rows = vec![vec!["Butterfly stretch".into(), "8 s × 2".into()]];
        doc.push(Block::Table(header, rows));
        assert_eq!(
            plain(&doc, 80),
            "  Stretch             Hold\n  Butterfly stretch   8 s × 2\n"
        );
        assert_eq!(plain(&doc, 20), "  • Butterfly\n    stretch: 8 s × 2\n");
    }

    #[test]
    fn a_drawing_is_kept_as_drawn_or_left_out_when_too_wide() {
        let mut doc = Doc::new();
        doc.paragraph("Above.")
            .push(Block::Pre("|  X  |\n|     |".into()));
        doc.paragraph("Below.");
        assert_eq!(
            plain(&doc, 20),
            "  Above.\n\n  |  X  |\n  |     |\n\n  Below.\n"
        );
        assert_eq!(plain(&doc, 8), "  Above.\n\n  Below.\n");
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        let text = "A sterile inflammation of muscle and fascia, from poor circulation, after a long hike.";
        let mut doc = Doc::new();
        doc.paragraph(text).bullets(&[text.to_owned()]);
        doc.push(Block::Numbered(vec![text.to_owned()]));
        for width in [20, 33, 80] {
            for l in plain(&doc, width).lines() {
                assert!(wrap::width(l) <= width, "{width}: {l:?}");
            }
        }
    }
}
