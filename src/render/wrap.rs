//! Line breaking by display width, for English and Chinese alike: at spaces, between Chinese
//! characters (never before closing punctuation nor after opening punctuation), inside a word
//! only when it is longer than a whole line, and never inside a `command`. Wide characters count
//! two columns.
//!
//! textwrap fits the words into lines and breaks a word longer than a line; weizhong only tells
//! it where the words are and how wide. textwrap's own Unicode separator (UAX #14) cannot be used
//! as it is: it would break a `command` at its spaces, and let a line begin with a dash or an
//! ellipsis after a Chinese character. So the separator here is weizhong's.

use std::borrow::Cow;

use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `text` takes in a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The lines of `text`, hard line breaks kept and runs of spaces made one, each at most `width`
/// columns wide.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for line in even_spaces(text).split('\n') {
        // No character takes more columns than bytes.
        if line.len() <= width {
            lines.push(line.to_owned());
            continue;
        }
        let mut words = words(line);
        if words.iter().any(|w| w.width > width) {
            words = break_words(words, width);
        }
        #[allow(clippy::cast_precision_loss, reason = "widths are at most 1000")]
        for fitted in wrap_first_fit(&words, &[width as f64]) {
            let mut text = String::with_capacity(width * 3);
            for (i, word) in fitted.iter().enumerate() {
                if i > 0 {
                    text.push_str(fitted[i - 1].whitespace);
                }
                text.push_str(word.word);
            }
            lines.push(text);
        }
    }
    lines
}

/// `text` in at most `columns`, cut with "…" when it is wider.
pub fn cut(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Each line of `text` with its spaces evened out: one between words, none at either end.
fn even_spaces(text: &str) -> Cow<'_, str> {
    let mut before = b'\n';
    let odd_byte = text.bytes().any(|b| {
        let odd = match b {
            b' ' => matches!(before, b' ' | b'\n'),
            b'\n' => before == b' ',
            // Any other white space, ASCII or not.
            b'\t' | b'\r' | 0x0b | 0x0c | 0x80.. => true,
            _ => false,
        };
        before = b;
        odd
    });
    let even = if odd_byte {
        // Something beyond ASCII is no space more often than not.
        let mut before = '\n';
        !text.chars().any(|c| {
            let odd = (c == ' ' && matches!(before, ' ' | '\n'))
                || (c == '\n' && before == ' ')
                || (c != ' ' && c != '\n' && is_space(c));
            before = c;
            odd
        }) && !text.ends_with(' ')
    } else {
        before != b' '
    };
    if even {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut gap = false;
        for c in line.chars() {
            if is_space(c) {
                gap = true;
            } else {
                if gap && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                gap = false;
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// A space a line may break at: any white space but the no-break ones.
fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// The words of one line whose spaces are even, for textwrap: each ends at a space (which it
/// keeps, to be dropped at the end of a line), or where a break between Chinese characters is
/// allowed; a `command` is one word, spaces and all.
fn words(line: &str) -> Vec<Word<'_>> {
    let mut words = Vec::with_capacity(line.len() / 4);
    let mut start = 0;
    let mut columns = 0;
    let mut in_code = false;
    let mut before: Option<char> = None;
    for (i, c) in line.char_indices() {
        if c == ' ' && !in_code {
            words.push(word(&line[start..i], " ", columns));
            start = i + 1;
            columns = 0;
            before = None;
            continue;
        }
        if let Some(before) = before {
            if !in_code && breaks_between(before, c) {
                words.push(word(&line[start..i], "", columns));
                start = i;
                columns = 0;
            }
        }
        if c == '`' {
            in_code = !in_code;
        }
        columns += if c.is_ascii() {
            1
        } else {
            c.width().unwrap_or(0)
        };
        before = Some(c);
    }
    if start < line.len() {
        words.push(word(&line[start..], "", columns));
    }
    words
}

/// A word, the space after it and its width.
fn word<'a>(word: &'a str, whitespace: &'a str, width: usize) -> Word<'a> {
    Word {
        word,
        whitespace,
        penalty: "",
        width,
    }
}

/// Whether a line may break between two characters with no space between them: beside a wide
/// (Chinese) character, unless punctuation holds them together.
fn breaks_between(before: char, after: char) -> bool {
    (wide(before) || wide(after)) && !closing(after) && !opening(before)
}

fn wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Punctuation that must not begin a line.
fn closing(c: char) -> bool {
    "，。、；：！？）」』》〉】”’…—·%".contains(c)
}

/// Punctuation that must not end a line.
fn opening(c: char) -> bool {
    "（「『《〈【“‘".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_kept_and_spaces_are_evened_out() {
        assert_eq!(wrap("Lean forward.", 20), ["Lean forward."]);
        assert_eq!(wrap("  Lean   forward. ", 20), ["Lean forward."]);
        assert_eq!(wrap("Lean\tforward.", 20), ["Lean forward."]);
        assert_eq!(wrap("委中 穴", 10), ["委中 穴"]);
        assert_eq!(wrap("委中 穴", 6), ["委中", "穴"]);
        assert_eq!(wrap(" 委中\u{3000} 穴 \n 中", 6), ["委中", "穴", "中"]);
    }

    #[test]
    fn words_wrap_at_spaces() {
        assert_eq!(
            wrap("Sit with the soles of your feet together", 15),
            ["Sit with the", "soles of your", "feet together"]
        );
        assert_eq!(wrap("one two", 3), ["one", "two"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("a\nb c", 10), ["a", "b c"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_hyphens_are_kept() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a well-kept crate", 9), ["a", "well-kept", "crate"]);
    }

    #[test]
    fn a_command_stays_on_one_line() {
        assert_eq!(
            wrap("see `weizhong relief foot-soak` now", 30),
            ["see", "`weizhong relief foot-soak`", "now"]
        );
        assert_eq!(
            wrap("请看`weizhong safety`。", 20),
            ["请看", "`weizhong safety`。"]
        );
    }

    #[test]
    fn a_command_ending_in_a_wide_character_keeps_its_closing_backtick() {
        // The command, its backticks and the "。" after it (8 columns) are never parted.
        for width in 8..16 {
            let lines = wrap("见`委中`。然后请看", width);
            assert!(
                lines.iter().any(|l| l.contains("`委中`。")),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_text_too_wide_is_cut_with_an_ellipsis() {
        assert_eq!(cut("Butterfly stretch", 20), "Butterfly stretch");
        assert_eq!(cut("Butterfly stretch", 10), "Butterfly…");
        assert_eq!(cut("蝴蝶式伸展", 6), "蝴蝶…");
        assert_eq!(cut("abc", 0), "…");
    }

    #[test]
    fn a_no_break_space_holds_its_words_together() {
        assert_eq!(wrap("hold 10\u{a0}s now", 8), ["hold", "10\u{a0}s now"]);
    }

    #[test]
    fn a_percent_sign_stays_with_the_number_before_it() {
        assert_eq!(wrap("一二三四五%", 10), ["一二三四", "五%"]);
    }

    #[test]
    fn chinese_breaks_between_characters_by_width() {
        let lines = wrap("委中穴位于膝盖后面的横纹中点。", 10);
        assert_eq!(lines, ["委中穴位于", "膝盖后面的", "横纹中点。"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line_nor_opening_ends_one() {
        assert_eq!(wrap("一二三四，五", 8), ["一二三", "四，五"]);
        assert_eq!(wrap("一二三「四」", 8), ["一二三", "「四」"]);
        assert_eq!(wrap("一二三四——五", 8), ["一二三", "四——五"]);
    }

    #[test]
    fn english_words_in_chinese_stay_whole() {
        assert_eq!(
            wrap("运行 weizhong routine 开始", 12),
            ["运行", "weizhong", "routine 开始"]
        );
        for lines in [wrap("每侧10秒，重复3次", 8), wrap("每侧10秒，重复3次", 5)] {
            assert!(
                lines.iter().all(|l| width(l) <= 8 && !l.starts_with('，')),
                "{lines:?}"
            );
            assert!(lines.iter().any(|l| l.contains("10")), "{lines:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the text, no line is wider than the width (a wide character alone on a line
        /// one column wide aside), and nothing but spaces is lost.
        #[test]
        fn lines_fit_and_keep_the_text(
            text in "[a-c `.—’é委中，「」\n\t\u{a0}]{0,60}",
            width in 1usize..24,
        ) {
            let lines = wrap(&text, width);
            for line in &lines {
                proptest::prop_assert!(
                    self::width(line) <= width.max(2),
                    "{line:?} is wider than {width}"
                );
            }
            let kept: String = lines.concat().chars().filter(|c| !is_space(*c)).collect();
            let given: String = text.chars().filter(|c| !is_space(*c)).collect();
            proptest::prop_assert_eq!(kept, given);
        }
    }
}
