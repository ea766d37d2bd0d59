//! Numbers in large block digits, to be read from a mat across the room.

/// Each digit on a grid of 3 × 5 pixels, `#` filled.
const FONT: [[&str; 5]; 10] = [
    ["###", "#.#", "#.#", "#.#", "###"],
    [".#.", "##.", ".#.", ".#.", "###"],
    ["###", "..#", "###", "#..", "###"],
    ["###", "..#", "###", "..#", "###"],
    ["#.#", "#.#", "###", "..#", "..#"],
    ["###", "#..", "###", "..#", "###"],
    ["###", "#..", "###", "#.#", "###"],
    ["###", "..#", "..#", "..#", "..#"],
    ["###", "#.#", "###", "#.#", "###"],
    ["###", "#.#", "###", "..#", "###"],
];

/// Rows of pixels in a digit.
pub const PIXELS_HIGH: usize = 5;

/// `number` drawn with each pixel `scale` rows high and twice as many columns wide (a terminal
/// cell is about twice as high as it is wide), digits one pixel apart.
pub fn draw(number: u32, scale: usize) -> Vec<String> {
    let scale = scale.max(1);
    let digits: Vec<usize> = number
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    let row = |row: usize| {
        let mut line = String::new();
        for (i, &digit) in digits.iter().enumerate() {
            if i > 0 {
                line.push_str(&" ".repeat(2 * scale));
            }
            for pixel in FONT[digit][row].chars() {
                let cell = if pixel == '#' { "█" } else { " " };
                line.push_str(&cell.repeat(2 * scale));
            }
        }
        line.trim_end().to_owned()
    };
    (0..PIXELS_HIGH)
        .flat_map(|r| std::iter::repeat_n(row(r), scale))
        .collect()
}

/// Columns `number` takes at `scale`.
pub fn width(number: u32, scale: usize) -> usize {
    let digits = number.to_string().len();
    2 * scale.max(1) * (3 * digits + digits.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_drawn_in_blocks_and_scale() {
        assert_eq!(
            draw(10, 1),
            [
                "  ██    ██████",
                "████    ██  ██",
                "  ██    ██  ██",
                "  ██    ██  ██",
                "██████  ██████",
            ]
        );
        let big = draw(7, 2);
        assert_eq!(big.len(), 10);
        assert_eq!(big[0], "████████████");
        assert_eq!(width(10, 1), 14);
        assert_eq!(width(3600, 2), 60);
        for line in draw(3600, 2) {
            assert!(line.chars().count() <= 60);
        }
    }
}
