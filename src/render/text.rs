//! Draws a [`Doc`] as terminal text: wrapped to a width, with hanging indents, and styled when
//! colour is on.

use std::fmt::Write as _;

use anstyle::Style;

use super::doc::{Block, Doc};
use super::{picture, style, wrap};

/// Left margin of everything under a heading.
const MARGIN: &str = "  ";

/// The page as text, each line at most `width` columns (a sketch excepted), with ANSI styles
/// when `color` is on.
pub fn render(doc: &Doc, width: usize, color: bool) -> String {
    let mut page = Page {
        out: String::with_capacity(4096),
        width,
        color,
    };
    let mut after_heading = true;
    for block in &doc.blocks {
        if !after_heading {
            page.out.push('\n');
        }
        page.block(block);
        after_heading = matches!(block, Block::Heading(_));
    }
    page.out
}

const BULLET: &str = "• ";

/// A page being drawn.
struct Page {
    out: String,
    width: usize,
    color: bool,
}

impl Page {
    /// Draws one block.
    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(title, subtitle) => {
                self.indented(title, "", style::TITLE);
                if let Some(subtitle) = subtitle {
                    self.indented(subtitle, "", Style::new());
                }
            }
            Block::Heading(text) => self.indented(text, "", style::HEADING),
            Block::Paragraph(text) => self.indented(text, MARGIN, Style::new()),
            Block::Warning(text) => self.indented(text, MARGIN, style::WARN),
            Block::Aside(text) => self.indented(text, MARGIN, style::DIM),
            Block::Numbered(items) => {
                let digits = items.len().to_string().len();
                for (n, item) in items.iter().enumerate() {
                    self.item(&format!("{:>digits$}. ", n + 1), item);
                }
            }
            Block::Bullets(items) => {
                for item in items {
                    self.item(BULLET, item);
                }
            }
            Block::Fields(fields) => {
                let label_width = fields
                    .iter()
                    .map(|(l, _)| wrap::width(l))
                    .max()
                    .unwrap_or(0);
                for (label, value) in fields {
                    self.hanging(value, label, MARGIN.len() + label_width + 2);
                }
            }
            Block::Table(header, rows) => self.table(header, rows),
            Block::Figure(picture, beside) => self.figure(picture, beside),
        }
    }

    /// A picture with `beside` to its right when both fit, the picture above it when only
    /// the picture does, and `beside` alone on a page narrower than the picture: a drawing cut
    /// by wrapping would mislead.
    fn figure(&mut self, art: &str, beside: &Block) {
        /// Columns between the picture and the text, and the fewest the text may have.
        const GAP: usize = 3;
        const TEXT: usize = 30;
        let art = art.trim_matches('\n');
        let (columns, _) = picture::size(art);
        let room = self.width.saturating_sub(MARGIN.len() + columns + GAP);
        if room < TEXT {
            if self.drawing(art) {
                self.out.push('\n');
            }
            self.block(beside);
            return;
        }
        let mut text = Page {
            out: String::new(),
            width: room + MARGIN.len(),
            color: self.color,
        };
        text.block(beside);
        let art: Vec<&str> = art.lines().collect();
        let text: Vec<&str> = text
            .out
            .lines()
            .map(|l| l.strip_prefix(MARGIN).unwrap_or(l))
            .collect();
        for i in 0..art.len().max(text.len()) {
            let drawn = art.get(i).copied().unwrap_or("");
            let line = format!(
                "{MARGIN}{drawn}{}{}",
                " ".repeat(columns - wrap::width(drawn) + GAP),
                text.get(i).copied().unwrap_or("")
            );
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    /// `text` in `style`, or plain when colour is off.
    fn paint(&mut self, style: Style, text: &str) {
        if self.color && style != Style::new() && !text.is_empty() {
            let _ = write!(self.out, "{style}{text}{style:#}");
        } else {
            self.out.push_str(text);
        }
    }

    /// Wraps `text` in `base` style, every line after `indent`.
    fn indented(&mut self, text: &str, indent: &str, base: Style) {
        self.wrapped(text, (indent, ""), indent.len(), base);
    }

    /// A list item hanging under its marker.
    fn item(&mut self, marker: &str, text: &str) {
        self.hanging(text, marker, MARGIN.len() + wrap::width(marker));
    }

    /// `text` after a `label` in the margin, its lines starting at column `hang`.
    fn hanging(&mut self, text: &str, label: &str, hang: usize) {
        self.wrapped(text, (MARGIN, label), hang, Style::new());
    }

    /// Wraps `text` in `base` style into the columns from `hang` on; the first line starts with
    /// `indent` and `label` (a marker), the others with spaces. `code` spans lose their
    /// backticks and take the literal style.
    fn wrapped(&mut self, text: &str, (indent, label): (&str, &str), hang: usize, base: Style) {
        let columns = self.width.saturating_sub(hang);
        let mut first = true;
        let mut in_code = false;
        for line in wrap::wrap(text, columns) {
            if first {
                self.out.push_str(indent);
                self.paint(style::MARKER, label);
                let used = indent.len() + wrap::width(label);
                self.spaces(hang.saturating_sub(used));
                first = false;
            } else {
                self.spaces(hang);
            }
            for (i, run) in line.split('`').enumerate() {
                if i > 0 {
                    in_code = !in_code;
                }
                self.paint(if in_code { style::LITERAL } else { base }, run);
            }
            self.out.push('\n');
        }
    }

    fn spaces(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    /// A table when it fits, otherwise one wrapped bullet per row.
    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
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
        if total > self.width {
            for row in rows {
                let item = match row.split_first() {
                    Some((name, rest)) => format!("{name}: {}", rest.join(" · ")),
                    None => String::new(),
                };
                self.item(BULLET, &item);
            }
            return;
        }
        for (cells, style) in std::iter::once((header, style::MARKER))
            .chain(rows.iter().map(|r| (r.as_slice(), Style::new())))
        {
            self.out.push_str(MARGIN);
            for (c, cell) in cells.iter().enumerate() {
                self.paint(style, cell);
                if c + 1 < cells.len() {
                    self.spaces(widths[c] - wrap::width(cell) + 3);
                }
            }
            self.out.push('\n');
        }
    }

    /// A drawing as drawn, if it fits; whether it did.
    fn drawing(&mut self, text: &str) -> bool {
        let lines = text.trim_end_matches('\n').lines();
        let fits = lines
            .clone()
            .all(|l| MARGIN.len() + wrap::width(l) <= self.width);
        if fits {
            for l in lines {
                let l = l.trim_end();
                if !l.is_empty() {
                    self.out.push_str(MARGIN);
                    self.out.push_str(l);
                }
                self.out.push('\n');
            }
        }
        fits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page without colour, which must be the coloured page with its styles stripped.
    fn plain(doc: &Doc, width: usize) -> String {
        let mut stripped = Vec::new();
        let mut stream = anstream::StripStream::new(&mut stripped);
        std::io::Write::write_all(&mut stream, render(doc, width, true).as_bytes()).unwrap();
        let plain = render(doc, width, false);
        assert_eq!(plain.as_bytes(), stripped);
        plain
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
        let styled = render(&doc, 80, true);
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
    fn a_picture_goes_beside_its_text_above_it_or_not_at_all() {
        let mut doc = Doc::new();
        doc.paragraph("Above.").push(Block::Figure(
            "|  X  |\n|     |\n".into(),
            Box::new(Block::Numbered(vec![
                "Sit on the mat with your legs out.".into(),
            ])),
        ));
        doc.paragraph("Below.");
        assert_eq!(
            plain(&doc, 44),
            "  Above.\n\n  |  X  |   1. Sit on the mat with your legs\n  |     |      out.\n\n  Below.\n"
        );
        assert_eq!(
            plain(&doc, 30),
            "  Above.\n\n  |  X  |\n  |     |\n\n  1. Sit on the mat with your\n     legs out.\n\n  Below.\n"
        );
        assert_eq!(
            plain(&doc, 8),
            "  Above.\n\n  1. Sit\n     on\n     the\n     mat\n     wit\n     h\n     you\n     r\n     leg\n     s\n     out\n     .\n\n  Below.\n"
        );
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
