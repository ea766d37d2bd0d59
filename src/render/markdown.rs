//! Draws a [`Doc`] as Markdown to paste into notes: headings, lists and tables, never wrapped.

use super::doc::{Block, Doc};

pub fn render(doc: &Doc) -> String {
    let mut blocks: Vec<String> = Vec::new();
    for block in &doc.blocks {
        blocks.push(match block {
            Block::Title(title, None) => format!("# {}", one_line(title)),
            Block::Title(title, Some(subtitle)) => {
                format!("# {}\n\n{}", one_line(title), one_line(subtitle))
            }
            Block::Heading(text) => format!("## {}", one_line(text)),
            Block::Paragraph(text) => lines(text),
            Block::Warning(text) => format!("> **{}**", one_line(text)),
            Block::Aside(text) => text
                .lines()
                .map(|l| format!("_{}_", one_line(l)))
                .collect::<Vec<_>>()
                .join("  \n"),
            Block::Numbered(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}. {}", i + 1, one_line(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Bullets(items) => items
                .iter()
                .map(|item| format!("- {}", one_line(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Fields(fields) => fields
                .iter()
                .map(|(label, value)| format!("- **{}:** {}", one_line(label), one_line(value)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(header, rows) => {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                    format!("| {} |", cells.join(" | "))
                };
                let mut table = vec![row(header), format!("|{}", " --- |".repeat(header.len()))];
                table.extend(rows.iter().map(|r| row(r)));
                table.join("\n")
            }
            Block::Figure(picture, beside) => {
                let beside = render(&Doc {
                    blocks: vec![(**beside).clone()],
                });
                format!("{}\n\n{}", fenced(picture), beside.trim_end())
            }
        });
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A drawing, as drawn.
fn fenced(text: &str) -> String {
    format!("```text\n{}\n```", text.trim_matches('\n'))
}

/// Text on one line, so it stays inside its list item or heading.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hard line breaks kept, as Markdown line breaks.
fn lines(text: &str) -> String {
    text.lines().map(one_line).collect::<Vec<_>>().join("  \n")
}

fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_markdown() {
        let mut doc = Doc::new();
        doc.title("Butterfly stretch", None).paragraph("Sit.");
        doc.heading("Steps");
        doc.push(Block::Numbered(vec!["One".into(), "Two".into()]));
        doc.push(Block::Fields(vec![("Hold".into(), "8 s × 2".into())]));
        doc.push(Block::Table(
            vec!["A".into(), "B".into()],
            vec![vec!["x|y".into(), "z".into()]],
        ));
        doc.push(Block::Aside("line one\nline two".into()));
        doc.push(Block::Figure(
            " /\\\n/__\\\n".into(),
            Box::new(Block::Numbered(vec!["Lie down.".into()])),
        ));
        assert_eq!(
            render(&doc),
            "# Butterfly stretch\n\nSit.\n\n## Steps\n\n1. One\n2. Two\n\n- **Hold:** 8 s × 2\n\n\
             | A | B |\n| --- | --- |\n| x\\|y | z |\n\n_line one_  \n_line two_\n\n```text\n /\\\n/__\\\n```\n\n1. Lie down.\n"
        );
    }
}
