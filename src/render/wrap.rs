//! Line breaking by display width: at spaces, between Chinese characters (never before closing
//! punctuation or after opening punctuation), and inside a word only when it is longer than a
//! whole line; never inside a `command`. Wide characters count two columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `text` takes in a terminal.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// The lines of `text`, hard line breaks kept: the first line at most `first` columns wide, the
/// others at most `rest`.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    each_line(text, first, rest, |line| lines.push(line.to_owned()));
    lines
}

/// Calls `emit` with each line of `text`, as [`wrap`] breaks it, without keeping them.
pub fn each_line(text: &str, first: usize, rest: usize, mut emit: impl FnMut(&str)) {
    if is_one_line(text, first) {
        emit(text);
        return;
    }
    let (first, rest) = (first.max(1), rest.max(1));
    match plain(text) {
        Some(ascii) => match plain_lines(text, first, rest, ascii, &mut emit) {
            None => {}
            Some((done, limit)) => any_lines(&text[done..], limit, rest, emit),
        },
        None => any_lines(text, first, rest, emit),
    }
}

/// Whether `text` is plain, and if so whether it is ASCII. A plain text has words one space
/// apart, no space at either end of a line, no tab or other control character but line breaks,
/// and no character beyond ASCII but narrow ones (see [`narrow`]). Such a text breaks only at
/// its spaces, each character one column, so [`plain_lines`] can break it.
fn plain(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut ascii = true;
    let mut before = b'\n';
    let mut i = 0;
    while i < bytes.len() {
        // Visible ASCII needs no look of its own.
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_graphic())
            .count();
        if run > 0 {
            i += run;
            before = bytes[i - 1];
            continue;
        }
        let b = bytes[i];
        let odd = match b {
            b' ' => matches!(before, b' ' | b'\n'),
            b'\n' => before == b' ',
            0x80.. => {
                let c = text[i..].chars().next().unwrap_or_default();
                ascii = false;
                i += c.len_utf8() - 1;
                !narrow(c)
            }
            _ => b.is_ascii_control(),
        };
        if odd {
            return None;
        }
        before = b;
        i += 1;
    }
    (before != b' ').then_some(ascii)
}

/// Characters beyond ASCII that a plain text may hold: one column wide, never a space, and
/// never joined with a neighbour into something wider: Latin letters and signs, dashes,
/// quotes, bullets and currency.
fn narrow(c: char) -> bool {
    matches!(c,
        '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{24f}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{20a0}'..='\u{20c0}')
}

/// The lines of a plain text (see [`plain`]), as [`any_lines`] would break them, found
/// faster: each ends at the last space that fits and is not inside a `command`. Stops at a word
/// longer than a line, and returns where it stopped and the limit there, for [`any_lines`] to
/// go on from.
fn plain_lines(
    text: &str,
    mut limit: usize,
    rest: usize,
    ascii: bool,
    emit: &mut impl FnMut(&str),
) -> Option<(usize, usize)> {
    let mut at = 0;
    for hard in text.split('\n') {
        let mut line = hard;
        // Where the character just past a full line is, while the line is longer than that.
        while let Some(past) = if ascii {
            (limit < line.len()).then_some(limit)
        } else {
            line.char_indices().nth(limit).map(|(i, _)| i)
        } {
            let Some(space) = plain_break(&line.as_bytes()[..=past]) else {
                return Some((at, limit));
            };
            emit(&line[..space]);
            at += space + 1;
            line = &line[space + 1..];
            limit = rest;
        }
        emit(line);
        at += line.len() + 1;
        limit = rest;
    }
    None
}

/// Where a plain line breaks within `head`, its first columns and one more: at the last space
/// with an even number of backticks before it, so outside any `command`.
fn plain_break(head: &[u8]) -> Option<usize> {
    let mut end = head.len();
    loop {
        let space = head[..end].iter().rposition(|&b| b == b' ')?;
        let in_code = head[..space]
            .iter()
            .fold(false, |odd, &b| odd ^ (b == b'`'));
        if !in_code {
            return (space > 0).then_some(space);
        }
        end = space;
    }
}

/// The lines of any text, piece by piece.
fn any_lines(text: &str, first: usize, rest: usize, mut emit: impl FnMut(&str)) {
    // Room for a whole line of three-byte characters, or all of a shorter text.
    let mut line = String::with_capacity(text.len().min(3 * first.max(rest)));
    let mut limit = first;
    let mut end_line = |line: &mut String, limit: &mut usize| {
        emit(line);
        line.clear();
        *limit = rest;
    };
    for hard in text.split('\n') {
        let mut used = 0;
        pieces(hard, |space, token, ascii| {
            let w = if ascii {
                token.len()
            } else {
                UnicodeWidthStr::width(token)
            };
            let gap = usize::from(space && !line.is_empty());
            if !line.is_empty() && used + gap + w > limit {
                end_line(&mut line, &mut limit);
                used = 0;
            } else if gap == 1 {
                line.push(' ');
                used += 1;
            }
            if used + w <= limit {
                line.push_str(token);
                used += w;
                return;
            }
            // Longer than a whole line: broken where it must be.
            for c in token.chars() {
                let cw = c.width().unwrap_or(0);
                if !line.is_empty() && used + cw > limit {
                    end_line(&mut line, &mut limit);
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        });
        end_line(&mut line, &mut limit);
    }
}

/// Whether `text` is already the one line wrapping would make of it: no longer in bytes than
/// `columns` (no character takes more columns than bytes), with single spaces between words.
fn is_one_line(text: &str, columns: usize) -> bool {
    if text.len() > columns.max(1) {
        return false;
    }
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_space(c) {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// A space a line may break at: any white space but the no-break ones.
fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Wide characters (Chinese) may be broken between.
fn breakable(c: char) -> bool {
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

/// Calls `piece` with each unbreakable piece of a line, in order, whether a space came before
/// it, and whether it is all ASCII.
fn pieces(text: &str, mut piece: impl FnMut(bool, &str, bool)) {
    let mut start: Option<usize> = None;
    let mut space = false;
    // The piece ends after this character unless the next one must stay with it.
    let mut glue = false;
    // A `command` is never broken.
    let mut in_code = false;
    // The piece so far ends in a wide character, after which a break is allowed.
    let mut after_wide = false;
    // No character of the piece so far is beyond ASCII.
    let mut ascii = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Inside a piece, a run of visible ASCII other than backticks changes nothing.
        if start.is_some() && !glue && !after_wide {
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_graphic() && **b != b'`')
                .count();
            if run > 0 {
                i += run;
                continue;
            }
        }
        // ASCII is read a byte at a time; anything else a character at a time.
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or_default();
                (c, c.len_utf8())
            }
        };
        let at = i;
        i += len;
        if c == '`' {
            in_code = !in_code;
        }
        if in_code && c != '`' {
            start.get_or_insert(at);
            ascii &= len == 1;
            after_wide = false;
            continue;
        }
        if is_space(c) {
            if let Some(s) = start.take() {
                piece(space, &text[s..at], ascii);
            }
            ascii = true;
            space = true;
            glue = false;
            after_wide = false;
            continue;
        }
        if c.is_ascii() && !glue {
            match start {
                Some(s) if after_wide && !closing(c) => {
                    piece(space, &text[s..at], ascii);
                    ascii = true;
                    space = false;
                    start = Some(at);
                }
                Some(_) => {}
                None => start = Some(at),
            }
            after_wide = false;
            continue;
        }
        let wide = breakable(c);
        match start {
            // A break is allowed before a wide character, or after one, unless punctuation
            // forbids it.
            Some(s) if !glue && !closing(c) && (wide || after_wide) => {
                piece(space, &text[s..at], ascii);
                ascii = true;
                space = false;
                start = Some(at);
            }
            Some(_) => {}
            None => start = Some(at),
        }
        ascii &= len == 1;
        glue = opening(c);
        after_wide = wide;
    }
    if let Some(s) = start {
        piece(space, &text[s..], ascii);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_kept_and_spaces_are_evened_out() {
        assert_eq!(wrap("Lean forward.", 20, 20), ["Lean forward."]);
        assert_eq!(wrap("  Lean   forward. ", 20, 20), ["Lean forward."]);
        assert_eq!(wrap("Lean\tforward.", 20, 20), ["Lean forward."]);
        assert_eq!(wrap("委中 穴", 10, 10), ["委中 穴"]);
        assert_eq!(wrap("委中 穴", 6, 6), ["委中", "穴"]);
    }

    #[test]
    fn words_wrap_at_spaces() {
        assert_eq!(
            wrap("Sit with the soles of your feet together", 15, 15),
            ["Sit with the", "soles of your", "feet together"]
        );
        assert_eq!(wrap("one two", 3, 10), ["one", "two"]);
        assert_eq!(wrap("", 10, 10), [""]);
        assert_eq!(wrap("a\nb c", 10, 10), ["a", "b c"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_hyphens_are_kept() {
        assert_eq!(wrap("abcdefghij", 4, 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a well-kept crate", 9, 9), ["a", "well-kept", "crate"]);
    }

    #[test]
    fn a_command_stays_on_one_line() {
        assert_eq!(
            wrap("see `weizhong relief foot-soak` now", 30, 30),
            ["see", "`weizhong relief foot-soak`", "now"]
        );
        assert_eq!(
            wrap("请看`weizhong safety`。", 20, 20),
            ["请看", "`weizhong safety`。"]
        );
    }

    #[test]
    fn a_command_ending_in_a_wide_character_keeps_its_closing_backtick() {
        // The command, its backticks and the "。" after it (8 columns) are never parted.
        for width in 8..16 {
            let lines = wrap("见`委中`。然后请看", width, width);
            assert!(
                lines.iter().any(|l| l.contains("`委中`。")),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_no_break_space_holds_its_words_together() {
        assert_eq!(wrap("hold 10\u{a0}s now", 8, 8), ["hold", "10\u{a0}s now"]);
    }

    #[test]
    fn a_percent_sign_stays_with_the_number_before_it() {
        assert_eq!(wrap("一二三四五%", 10, 10), ["一二三四", "五%"]);
    }

    #[test]
    fn chinese_breaks_between_characters_by_width() {
        let lines = wrap("委中穴位于膝盖后面的横纹中点。", 10, 10);
        assert_eq!(lines, ["委中穴位于", "膝盖后面的", "横纹中点。"]);
        for line in &lines {
            assert!(width(line) <= 10);
        }
    }

    #[test]
    fn closing_punctuation_never_starts_a_line_nor_opening_ends_one() {
        assert_eq!(wrap("一二三四，五", 8, 8), ["一二三", "四，五"]);
        assert_eq!(wrap("一二三「四」", 8, 8), ["一二三", "「四」"]);
    }

    #[test]
    fn english_words_in_chinese_stay_whole() {
        assert_eq!(
            wrap("运行 weizhong routine 开始", 12, 12),
            ["运行", "weizhong", "routine 开始"]
        );
        for lines in [
            wrap("每侧10秒，重复3次", 8, 8),
            wrap("每侧10秒，重复3次", 5, 5),
        ] {
            assert!(
                lines.iter().all(|l| width(l) <= 8 && !l.starts_with('，')),
                "{lines:?}"
            );
            assert!(lines.iter().any(|l| l.contains("10")), "{lines:?}");
        }
    }

    #[test]
    fn narrow_characters_are_one_column_and_never_a_space() {
        let ranges = [
            '\u{a0}'..='\u{24f}',
            '\u{2010}'..='\u{205e}',
            '\u{20a0}'..='\u{20c0}',
        ];
        for c in ranges.into_iter().flatten().filter(|&c| narrow(c)) {
            assert_eq!(c.width(), Some(1), "{c:?}");
            assert_eq!(width(&format!("a{c}b")), 3, "{c:?}");
            assert!(!is_space(c) && !breakable(c), "{c:?}");
        }
    }

    #[test]
    fn plain_texts_are_told_apart() {
        assert_eq!(plain("a b\nc — “d”"), Some(false));
        assert_eq!(plain("a `b c`\n\nd"), Some(true));
        for odd in [
            "a  b",
            " a",
            "a ",
            "a \nb",
            "a\n b",
            "a\tb",
            "a\rb",
            "委中",
            "a\u{200b}b",
        ] {
            assert_eq!(plain(odd), None, "{odd:?}");
        }
    }

    /// The lines [`each_line`] makes, and those the general way makes of the same text.
    fn both_ways(text: &str, first: usize, rest: usize) -> (Vec<String>, Vec<String>) {
        let general = if is_one_line(text, first) {
            vec![text.to_owned()]
        } else {
            let mut lines = Vec::new();
            any_lines(text, first.max(1), rest.max(1), |l| {
                lines.push(l.to_owned());
            });
            lines
        };
        (wrap(text, first, rest), general)
    }

    /// Texts of `words`, each after a `gap` but the first.
    fn joined(
        word: impl proptest::strategy::Strategy<Value = String>,
        gap: impl proptest::strategy::Strategy<Value = &'static str>,
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec((gap, word), 0..14).prop_map(|words| {
            let mut text = String::new();
            for (i, (gap, word)) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(gap);
                }
                text.push_str(word);
            }
            text
        })
    }

    /// Plain texts (see [`plain`]): words one space apart, some on lines of their own.
    fn plain_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let gap = prop_oneof![17 => Just(" "), 3 => Just("\n")];
        joined("[a-c`.—’“é\u{a0}]{1,9}", gap)
    }

    /// Words, most of them plain ones (see [`plain`]), one space apart or on lines of their own,
    /// and now and then something that is not plain: a Chinese word, a tab, two spaces.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = prop_oneof![9 => "[a-c`.—’“é\u{a0}]{1,9}", 1 => "[委，「\ta]{1,4}"];
        let gap = prop_oneof![8 => Just(" "), 2 => Just("\n"), 1 => Just("  ")];
        joined(word, gap)
    }

    proptest::proptest! {
        #[test]
        fn plain_texts_break_as_any_text_does(
            text in plain_texts(),
            first in 0usize..24,
            rest in 0usize..24,
        ) {
            proptest::prop_assert!(text.is_empty() || plain(&text).is_some());
            let (fast, general) = both_ways(&text, first, rest);
            proptest::prop_assert_eq!(fast, general);
        }

        #[test]
        fn any_text_breaks_the_same_either_way(
            text in texts(),
            first in 0usize..24,
            rest in 0usize..24,
        ) {
            let (fast, general) = both_ways(&text, first, rest);
            proptest::prop_assert_eq!(fast, general);
        }

        #[test]
        fn any_characters_break_the_same_either_way(
            text in "[a-c `.—’é委，「\n\t\u{a0}]{0,50}",
            first in 0usize..24,
            rest in 0usize..24,
        ) {
            let (fast, general) = both_ways(&text, first, rest);
            proptest::prop_assert_eq!(fast, general);
        }
    }
}
