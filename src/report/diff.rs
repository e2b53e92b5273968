//! How text that came from a case is shown (control and bidi characters made
//! visible, long lines cut) and the section diffs of every report, with inline
//! highlights in the colors of a `Palette` where the terminal shows them.

use anstyle::{AnsiColor, Style};
use similar::{ChangeTag, DiffOp, DiffTag, TextDiff};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::Duration;

/// Styles, or none when color is off.
#[derive(Clone, Copy)]
pub struct Palette {
    color: bool,
}

impl Palette {
    pub fn new(color: bool) -> Palette {
        Palette { color }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn fg(color: AnsiColor) -> Style {
        Style::new().fg_color(Some(color.into()))
    }

    pub fn red(&self, text: &str) -> String {
        self.paint(Self::fg(AnsiColor::Red), text)
    }

    pub fn green(&self, text: &str) -> String {
        self.paint(Self::fg(AnsiColor::Green), text)
    }

    pub fn yellow(&self, text: &str) -> String {
        self.paint(Self::fg(AnsiColor::Yellow), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    fn emphasis(&self, tag: ChangeTag, text: &str) -> String {
        let color = if tag == ChangeTag::Delete {
            AnsiColor::Red
        } else {
            AnsiColor::Green
        };
        self.paint(Self::fg(color).underline().bold(), text)
    }
}

/// Most lines of one section diff the human report shows; the rest are counted.
pub const MAX_DIFF_LINES: usize = 200;

/// Most characters of one diff line the human report shows; the rest are counted.
pub const MAX_LINE_CHARS: usize = 1000;

/// What `escape` escapes besides control and bidi characters.
#[derive(Clone, Copy)]
struct Escapes {
    /// Newlines, for text that must stay on one line.
    newline: bool,
    /// A backslash that would read as the start of an escape (before `x`, `u` or
    /// another backslash), as `\\`: in diffs, whose text is exactly what the case
    /// wrote, so that output which spells `\x1b` never looks like an escape
    /// character. Not in messages, which may hold text already escaped.
    backslash: bool,
}

/// How a character is shown to people, when not as itself: every control character
/// but newline and tab (C0, DEL, C1) as `\xNN`, every bidi control (which reorders
/// what the terminal shows around it) as `\u{NNNN}`.
fn escaped(c: char, next: Option<char>, escapes: Escapes) -> Option<String> {
    match c {
        '\n' if !escapes.newline => None,
        '\t' => None,
        '\\' if escapes.backslash && matches!(next, Some('x' | 'u' | '\\')) => Some("\\\\".into()),
        c if c.is_control() => Some(format!("\\x{:02x}", c as u32)),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(format!("\\u{{{:04x}}}", c as u32)),
        _ => None,
    }
}

/// `text` with `escaped` applied, cut after `budget` characters (which it lowers);
/// also how many characters were cut.
fn escape<'a>(text: &'a str, escapes: Escapes, budget: &mut usize) -> (Cow<'a, str>, usize) {
    let escape_at =
        |i: usize, c: char| escaped(c, text[i + c.len_utf8()..].chars().next(), escapes);
    let chars = text.chars().count();
    if chars <= *budget && !text.char_indices().any(|(i, c)| escape_at(i, c).is_some()) {
        *budget -= chars;
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut shown = 0;
    for (i, c) in text.char_indices() {
        if shown == *budget {
            break;
        }
        match escape_at(i, c) {
            Some(escape) => out.push_str(&escape),
            None => out.push(c),
        }
        shown += 1;
    }
    *budget -= shown;
    (Cow::Owned(out), chars - shown)
}

/// Text that came from a case (fault text, messages, reasons) as the human report
/// shows it: control and bidi characters made visible (see `escaped`); newlines kept.
pub fn visible(text: &str) -> Cow<'_, str> {
    let escapes = Escapes {
        newline: false,
        backslash: false,
    };
    // A text has at most as many characters as bytes: nothing is cut.
    escape(text, escapes, &mut text.len()).0
}

/// `visible` for text that must stay on one line (paths, ids, reasons): newlines
/// are escaped too.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    let escapes = Escapes {
        newline: true,
        backslash: false,
    };
    // A text has at most as many characters as bytes: nothing is cut.
    escape(text, escapes, &mut text.len()).0
}

/// How many lines `iter_inline_changes` yields for an op.
fn op_lines(op: &DiffOp) -> usize {
    let (tag, old, new) = op.as_tag_tuple();
    match tag {
        DiffTag::Equal | DiffTag::Delete => old.len(),
        DiffTag::Insert => new.len(),
        DiffTag::Replace => old.len() + new.len(),
    }
}

/// A unified diff of one section, expected vs actual, with the changed words of
/// changed lines emphasized (underlined with color; without color, a `?` guide line
/// after the changed line with `^` under each changed character, as `difflib.ndiff`),
/// as the human report shows it: what the case wrote made visible (`visible`), at
/// most `MAX_DIFF_LINES` lines of at most `MAX_LINE_CHARS` characters, and a last
/// line counting what was left out.
pub fn section_diff(
    expected: &str,
    actual: &str,
    expected_label: &str,
    actual_label: &str,
    palette: Palette,
) -> String {
    render_diff(
        expected,
        actual,
        (expected_label, actual_label),
        palette,
        true,
    )
}

/// `section_diff` for machines: every line, as the case wrote it.
pub fn full_section_diff(
    expected: &str,
    actual: &str,
    expected_label: &str,
    actual_label: &str,
) -> String {
    render_diff(
        expected,
        actual,
        (expected_label, actual_label),
        Palette::new(false),
        false,
    )
}

/// Diff lines are one line each, and exactly what the case wrote.
const DIFF_ESCAPES: Escapes = Escapes {
    newline: true,
    backslash: true,
};

fn render_diff(
    expected: &str,
    actual: &str,
    (expected_label, actual_label): (&str, &str),
    palette: Palette,
    human: bool,
) -> String {
    // A diff of two huge, unlike texts must not take minutes: past the deadline
    // the diff is coarser, never wrong.
    let diff = TextDiff::configure()
        .timeout(Duration::from_secs(1))
        .diff_lines(expected, actual);
    let (max_lines, max_chars) = match human {
        true => (MAX_DIFF_LINES, MAX_LINE_CHARS),
        false => (usize::MAX, usize::MAX),
    };
    let groups = diff.grouped_ops(3);
    let total: usize = groups.iter().flatten().map(op_lines).sum();
    let mut shown = 0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        palette.red(&format!("--- {}", visible_line(expected_label)))
    );
    let _ = writeln!(
        out,
        "{}",
        palette.green(&format!("+++ {}", visible_line(actual_label)))
    );
    'lines: for op in groups.iter().flatten() {
        for change in diff.iter_inline_changes(op) {
            if shown == max_lines {
                break 'lines;
            }
            shown += 1;
            let (sign, paint): (&str, fn(&Palette, &str) -> String) = match change.tag() {
                ChangeTag::Delete => ("-", Palette::red),
                ChangeTag::Insert => ("+", Palette::green),
                ChangeTag::Equal => (" ", Palette::dim),
            };
            let mut line = String::new();
            // Without color, changed words are marked on a guide line of their
            // own (`?`, then `^` under each changed character), so no text a
            // case writes can read as a marker.
            let mut guide = String::new();
            let (mut budget, mut cut) = (max_chars, 0);
            for (emphasized, value) in change.iter_strings_lossy() {
                let value = value.trim_end_matches('\n');
                let value = match human {
                    true => {
                        let (value, left) = escape(value, DIFF_ESCAPES, &mut budget);
                        cut += left;
                        value
                    }
                    false => Cow::Borrowed(value),
                };
                let marked = emphasized && change.tag() != ChangeTag::Equal;
                if marked && palette.color {
                    line.push_str(&palette.emphasis(change.tag(), &value));
                } else {
                    line.push_str(&paint(&palette, &value));
                }
                let mark = if marked { '^' } else { ' ' };
                guide.extend(std::iter::repeat_n(mark, value.chars().count()));
            }
            if cut > 0 {
                line.push_str(&palette.dim(&format!("… ({cut} more characters)")));
            }
            let _ = writeln!(out, "{}{line}", paint(&palette, sign));
            if !palette.color && guide.contains('^') {
                let _ = writeln!(out, "?{}", guide.trim_end());
            }
        }
    }
    if total > shown {
        let _ = writeln!(
            out,
            "{}",
            palette.dim(&format!(
                "… {} more diff lines left out (the report shows {max_lines})",
                total - shown
            ))
        );
    }
    if expected.is_empty() != actual.is_empty() || groups.is_empty() {
        // Say so when one side is empty: a bare "+" block is easy to misread.
        let _ = writeln!(
            out,
            "{}",
            palette.dim("(one side of this section is empty)")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_shown_escaped() {
        assert_eq!(
            visible("plain text\n\tindented\n"),
            "plain text\n\tindented\n"
        );
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\0b\x1b[2Jc\x7fd\u{85}e\u{9b}f\rg\n"),
            "a\\x00b\\x1b[2Jc\\x7fd\\x85e\\x9bf\\x0dg\n"
        );
        assert_eq!(
            visible("\u{61c}\u{200e}\u{200f}\u{202a}\u{202e}\u{2066}\u{2069}"),
            "\\u{061c}\\u{200e}\\u{200f}\\u{202a}\\u{202e}\\u{2066}\\u{2069}"
        );
        // Messages may hold text escaped already: backslashes stay as they are.
        assert_eq!(visible("\\x1b \\u{202e} C:\\d"), "\\x1b \\u{202e} C:\\d");
        assert_eq!(visible("é ü 中 😀"), "é ü 中 😀");
        assert_eq!(visible_line("cases/t/a\nb.py"), "cases/t/a\\x0ab.py");
    }

    #[test]
    fn diffs_show_what_the_case_wrote_escaped() {
        let diff = section_diff(
            "| ok\n",
            "| \x1b]0;pwned\x07\u{202e}txt\0\n",
            "golden",
            "cpython",
            Palette::new(false),
        );
        let shown = "\\x1b]0;pwned\\x07\\u{202e}txt\\x00";
        assert_eq!(
            diff,
            format!(
                "--- golden\n+++ cpython\n-| ok\n?  ^^\n+| {shown}\n?  {}\n",
                "^".repeat(shown.len())
            )
        );
        // In a diff, output that spells an escape never reads as one; other
        // backslashes stay.
        let diff = section_diff(
            "| \x1b\n",
            "| \\x1b \\u{202e} \\\\ \\n C:\\d\n",
            "g",
            "c",
            Palette::new(false),
        );
        assert_eq!(
            diff,
            "--- g\n+++ c\n-| \\x1b\n+| \\\\x1b \\\\u{202e} \\\\\\ \\n C:\\d\n"
        );
        let colored = section_diff("| a\n", "| \x1bb\n", "g", "c", Palette::new(true));
        assert!(colored.contains("\\x1bb"), "{colored:?}");
        assert!(!colored.contains("\x1bb"), "{colored:?}");
    }

    #[test]
    fn diffs_are_capped_and_say_how_much_was_left_out() {
        // A case that printed 100k lines where the golden has a few.
        let expected = "| golden\n".to_string();
        let actual: String = (0..100_000).map(|i| format!("| {i}\n")).collect();
        let diff = section_diff(&expected, &actual, "golden", "cpython", Palette::new(false));
        // Guide lines (`?`) mark words of the line above; they are not diff lines.
        let lines: Vec<&str> = diff.lines().filter(|l| !l.starts_with('?')).collect();
        // Two labels, the cap, and the count of the rest.
        assert_eq!(lines.len(), 2 + MAX_DIFF_LINES + 1, "{diff}");
        // Machines get every line.
        let full = full_section_diff(&expected, &actual, "golden", "cpython");
        let total = full.lines().filter(|l| !l.starts_with('?')).count() - 2;
        assert_eq!(total, 1 + 100_000);
        assert_eq!(
            lines.last().unwrap(),
            &format!(
                "… {} more diff lines left out (the report shows {MAX_DIFF_LINES})",
                total - MAX_DIFF_LINES
            )
        );
        // A diff within the cap is whole, with no count.
        let small = section_diff("| 1\n", "| 2\n", "g", "c", Palette::new(false));
        assert!(!small.contains("left out"), "{small}");
    }

    #[test]
    fn long_lines_are_cut_and_say_how_much() {
        let long = format!("| {}\n", "x".repeat(5000));
        let diff = section_diff("", &long, "golden", "cpython", Palette::new(false));
        let line = diff.lines().nth(2).unwrap();
        assert_eq!(
            line,
            format!(
                "+{}… ({} more characters)",
                &long[..MAX_LINE_CHARS],
                5002 - MAX_LINE_CHARS
            )
        );
    }

    #[test]
    fn plain_diff_marks_changed_words() {
        let diff = section_diff(
            "a: int = 1\nsame\n",
            "a: int = 2\nsame\n",
            "golden",
            "rustpython",
            Palette::new(false),
        );
        assert_eq!(
            diff,
            "--- golden\n+++ rustpython\n-a: int = 1\n?         ^\n+a: int = 2\n?         ^\n same\n"
        );
    }

    #[test]
    fn text_a_case_writes_never_reads_as_a_word_mark() {
        // Output that spells the marks other tools use stays plain text; only
        // the guide line, which no output line can start with, marks words.
        let diff = full_section_diff("| a [-1-]\n", "| a {+1+}\n", "golden", "pypy");
        assert_eq!(
            diff,
            "--- golden\n+++ pypy\n-| a [-1-]\n?    ^^^^^\n+| a {+1+}\n?    ^^^^^\n"
        );
        for line in diff.lines().skip(2) {
            assert!(
                matches!(line.chars().next(), Some('-' | '+' | ' ' | '?')),
                "{line}"
            );
        }
    }

    #[test]
    fn colored_diff_uses_ansi_and_plain_does_not() {
        let colored = section_diff("x = 1\n", "x = 2\n", "a", "b", Palette::new(true));
        assert!(colored.contains("\u{1b}[31m") && colored.contains("\u{1b}[32m"));
        assert!(
            colored.contains("\u{1b}[4m") || colored.contains(";4m") || colored.contains("[1m")
        );
        let plain = section_diff("x = 1\n", "x = 2\n", "a", "b", Palette::new(false));
        assert!(!plain.contains('\u{1b}'));
    }

    #[test]
    fn empty_side_is_called_out() {
        let diff = section_diff("", "| boom\n", "golden", "cpython", Palette::new(false));
        assert_eq!(
            diff,
            "--- golden\n+++ cpython\n+| boom\n(one side of this section is empty)\n"
        );
    }
}
