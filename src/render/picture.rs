//! Pictures drawn for the terminal: a stretch done on each side is drawn for the left, and the
//! right is its mirror image, as Workrave mirrors its exercise images.

use unicode_width::UnicodeWidthStr;

/// Characters that face one way, and their mirror images.
const MIRRORED: [(char, char); 20] = [
    ('/', '\\'),
    ('(', ')'),
    ('<', '>'),
    ('[', ']'),
    ('{', '}'),
    ('╱', '╲'),
    ('┌', '┐'),
    ('└', '┘'),
    ('╭', '╮'),
    ('╰', '╯'),
    ('├', '┤'),
    ('▌', '▐'),
    ('◀', '▶'),
    ('▖', '▗'),
    ('▘', '▝'),
    ('▙', '▟'),
    ('▛', '▜'),
    ('┏', '┓'),
    ('┗', '┛'),
    ('╴', '╶'),
];

/// `picture` as seen in a mirror: each line padded to the widest, reversed, and every
/// character that faces one way turned to face the other; trailing spaces trimmed.
pub fn mirror(picture: &str) -> String {
    let lines: Vec<&str> = picture.lines().collect();
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    let flipped: Vec<String> = lines
        .iter()
        .map(|line| {
            let padded = format!("{line}{}", " ".repeat(widest - line.width()));
            let line: String = padded.chars().rev().map(turn).collect();
            line.trim_end().to_owned()
        })
        .collect();
    flipped.join("\n")
}

fn turn(c: char) -> char {
    MIRRORED
        .iter()
        .find_map(|&(a, b)| {
            if c == a {
                Some(b)
            } else if c == b {
                Some(a)
            } else {
                None
            }
        })
        .unwrap_or(c)
}

/// Columns and rows a picture takes.
pub fn size(picture: &str) -> (usize, usize) {
    let lines = picture.lines();
    let columns = lines.clone().map(UnicodeWidthStr::width).max().unwrap_or(0);
    (columns, lines.count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mirror_turns_each_line_round_and_twice_is_the_same() {
        assert_eq!(mirror("/▌ (\n ╱╭─"), ") ▐\\\n─╮╲");
        for art in ["  ▄█▀ (x)  \n▀\n", "╭─▖\n│ ▙▄\n╰▘"] {
            let art = art.trim_end();
            let twice = mirror(&mirror(art));
            let trimmed: Vec<&str> = art.lines().map(str::trim_end).collect();
            assert_eq!(twice, trimmed.join("\n"));
        }
        assert_eq!(size("ab\n委中穴"), (6, 2));
    }
}
