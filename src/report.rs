//! Reporting outcomes to people and machines: colored section diffs with inline
//! highlights, the topic × backend table, and JSON.

use crate::compare::{FailureKind, Verdict};
use crate::observation::Section;
use crate::suite::Outcome;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Writes report text to stdout. When the reader has gone (`… | head`), exits
/// quietly with 141 as Unix tools do, instead of panicking; SIGPIPE stays ignored
/// so that a dead worker's pipe can never kill the runner. Any other write error
/// (a full disk) is one line on stderr and exit status 2: a report that was cut
/// short must never look like a finished one.
pub fn emit(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        if let Some(message) = write_error_message(&error) {
            let _ = writeln!(std::io::stderr(), "{message}");
            std::process::exit(2);
        }
        std::process::exit(141);
    }
}

/// What to say when writing the report failed; nothing for a reader that has gone.
fn write_error_message(error: &std::io::Error) -> Option<String> {
    (error.kind() != std::io::ErrorKind::BrokenPipe)
        .then(|| format!("closure-conformance: cannot write output: {error}"))
}

/// `println!` through `emit`.
#[macro_export]
macro_rules! say {
    () => { $crate::report::emit("\n") };
    ($($arg:tt)*) => { $crate::report::emit(&format!("{}\n", format_args!($($arg)*))) };
}

/// `print!` through `emit`.
#[macro_export]
macro_rules! say_raw {
    ($($arg:tt)*) => { $crate::report::emit(&format!($($arg)*)) };
}

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

/// A unified diff of one section, expected vs actual, with the changed words of
/// changed lines emphasized (underlined with color; `[-…-]`/`{+…+}` without color).
pub fn section_diff(
    expected: &str,
    actual: &str,
    expected_label: &str,
    actual_label: &str,
    palette: Palette,
) -> String {
    let diff = TextDiff::from_lines(expected, actual);
    let mut out = String::new();
    let _ = writeln!(out, "{}", palette.red(&format!("--- {expected_label}")));
    let _ = writeln!(out, "{}", palette.green(&format!("+++ {actual_label}")));
    for group in diff.grouped_ops(3) {
        for op in &group {
            for change in diff.iter_inline_changes(op) {
                let (sign, paint): (&str, fn(&Palette, &str) -> String) = match change.tag() {
                    ChangeTag::Delete => ("-", Palette::red),
                    ChangeTag::Insert => ("+", Palette::green),
                    ChangeTag::Equal => (" ", Palette::dim),
                };
                let mut line = String::new();
                for (emphasized, value) in change.iter_strings_lossy() {
                    let value = value.trim_end_matches('\n');
                    if emphasized && change.tag() != ChangeTag::Equal {
                        if palette.color {
                            line.push_str(&palette.emphasis(change.tag(), value));
                        } else if change.tag() == ChangeTag::Delete {
                            let _ = write!(line, "[-{value}-]");
                        } else {
                            let _ = write!(line, "{{+{value}+}}");
                        }
                    } else {
                        line.push_str(&paint(&palette, value));
                    }
                }
                let _ = writeln!(out, "{}{line}", paint(&palette, sign));
            }
        }
    }
    if expected.is_empty() != actual.is_empty() || diff.grouped_ops(3).is_empty() {
        // Say so when one side is empty: a bare "+" block is easy to misread.
        let _ = writeln!(
            out,
            "{}",
            palette.dim("(one side of this section is empty)")
        );
    }
    out
}

/// Why a failed outcome failed, with its section diffs; empty for any other verdict.
pub fn explain(outcome: &Outcome, palette: Palette) -> String {
    let mut out = String::new();
    let Verdict::Fail(failure) = &outcome.verdict else {
        return out;
    };
    match &failure.why {
        FailureKind::Mismatch => {
            let _ = writeln!(
                out,
                "{} on {} differs from {} in [{}]",
                outcome.case.display_path,
                outcome.backend,
                outcome.against,
                failure
                    .sections
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join("], [")
            );
        }
        FailureKind::StaleDivergence { reasons } => {
            let _ = writeln!(
                out,
                "{}",
                palette.yellow(&format!(
                    "known divergence no longer reproduces — remove the mark from {}:",
                    outcome.case.display_path
                ))
            );
            for reason in reasons {
                let _ = writeln!(out, "    # diverges: {} …: {reason}", outcome.backend);
            }
        }
        FailureKind::Fault(reason) => {
            let _ = writeln!(
                out,
                "{} on {}: {}",
                outcome.case.display_path,
                outcome.backend,
                palette.red(reason)
            );
        }
        FailureKind::NoExpectation(reason) => {
            let _ = writeln!(out, "{}", palette.red(reason));
            return out;
        }
    }
    for &section in &failure.sections {
        let _ = writeln!(out, "{}", palette.bold(&format!("[{}]", section.name())));
        out.push_str(&section_diff(
            outcome.expected.get(section),
            outcome.actual.get(section),
            &outcome.against,
            &outcome.backend,
            palette,
        ));
    }
    if let Some(refresh) = &outcome.refresh_command {
        let _ = writeln!(
            out,
            "{}",
            palette.dim(&format!(
                "if the golden is what is wrong, refresh it: {refresh}"
            ))
        );
    }
    out
}

#[derive(Default, Clone, Copy, Serialize)]
pub struct Tally {
    pub pass: usize,
    pub known_divergence: usize,
    pub fail: usize,
    pub skipped: usize,
}

impl Tally {
    fn add(&mut self, verdict: &Verdict) {
        match verdict {
            Verdict::Pass => self.pass += 1,
            Verdict::KnownDivergence { .. } => self.known_divergence += 1,
            Verdict::Fail(_) => self.fail += 1,
            Verdict::Skip { .. } => self.skipped += 1,
        }
    }
}

/// Counts per (topic, backend).
pub fn tally(outcomes: &[Outcome]) -> BTreeMap<String, BTreeMap<String, Tally>> {
    let mut table: BTreeMap<String, BTreeMap<String, Tally>> = BTreeMap::new();
    for outcome in outcomes {
        for topic in [outcome.case.topic.clone(), "all".to_string()] {
            table
                .entry(topic)
                .or_default()
                .entry(outcome.backend.clone())
                .or_default()
                .add(&outcome.verdict);
        }
    }
    table
}

/// The topic × backend table: `pass/known/fail` in each cell (`+Ns` skipped),
/// totals last, and a legend.
pub fn table(outcomes: &[Outcome], backends: &[String], palette: Palette) -> String {
    let tallies = tally(outcomes);
    let all = "all".to_string();
    let topics: Vec<&String> = tallies
        .keys()
        .filter(|t| **t != all)
        .chain(std::iter::once(&all))
        .collect();
    let cell = |topic: &String, backend: &String| {
        let t = tallies
            .get(topic)
            .and_then(|row| row.get(backend))
            .copied()
            .unwrap_or_default();
        (
            if t.skipped > 0 {
                format!(
                    "{}/{}/{} +{}s",
                    t.pass, t.known_divergence, t.fail, t.skipped
                )
            } else {
                format!("{}/{}/{}", t.pass, t.known_divergence, t.fail)
            },
            t,
        )
    };
    let topic_width = topics
        .iter()
        .map(|t| t.len())
        .max()
        .unwrap_or(0)
        .max("topic".len());
    let widths: Vec<usize> = backends
        .iter()
        .map(|b| {
            topics
                .iter()
                .map(|t| cell(t, b).0.len())
                .max()
                .unwrap_or(0)
                .max(b.len())
        })
        .collect();
    let mut out = format!("{:topic_width$}", "topic");
    for (backend, width) in backends.iter().zip(&widths) {
        let _ = write!(out, "  {backend:>width$}");
    }
    out.push('\n');
    for topic in topics {
        let _ = write!(out, "{topic:topic_width$}");
        for (backend, width) in backends.iter().zip(&widths) {
            let (text, t) = cell(topic, backend);
            let padded = format!("{text:>width$}");
            let painted = if t.fail > 0 {
                palette.red(&padded)
            } else if t.known_divergence > 0 {
                palette.yellow(&padded)
            } else {
                palette.green(&padded)
            };
            let _ = write!(out, "  {painted}");
        }
        out.push('\n');
    }
    out.push_str(
        &palette.dim(
            "each cell: pass/known divergence/fail, +Ns skipped (the case needs another Python)",
        ),
    );
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonOutcome<'a> {
    case: &'a str,
    path: &'a str,
    backend: &'a str,
    verdict: &'a str,
    against: &'a str,
    reasons: Vec<String>,
    /// Unified diffs of the sections that matter, without color.
    diffs: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
pub struct JsonBackend {
    pub name: String,
    pub describe: String,
}

/// The machine-readable report: backends, one entry per outcome, and the tallies.
pub fn json(outcomes: &[Outcome], backends: Vec<JsonBackend>) -> String {
    let plain = Palette::new(false);
    let results: Vec<JsonOutcome> = outcomes
        .iter()
        .map(|outcome| {
            let (reasons, sections): (Vec<String>, Vec<Section>) = match &outcome.verdict {
                Verdict::Pass => (vec![], vec![]),
                Verdict::KnownDivergence { reasons } => (reasons.clone(), vec![]),
                Verdict::Skip { why } => (vec![why.clone()], vec![]),
                Verdict::Fail(failure) => {
                    let reason = match &failure.why {
                        FailureKind::Mismatch => "differs".to_string(),
                        FailureKind::StaleDivergence { .. } => {
                            "known divergence no longer reproduces".to_string()
                        }
                        FailureKind::Fault(why) | FailureKind::NoExpectation(why) => why.clone(),
                    };
                    (vec![reason], failure.sections.clone())
                }
            };
            let diffs = sections
                .iter()
                .map(|&s| {
                    let diff = section_diff(
                        outcome.expected.get(s),
                        outcome.actual.get(s),
                        &outcome.against,
                        &outcome.backend,
                        plain,
                    );
                    (s.name(), diff)
                })
                .collect();
            JsonOutcome {
                case: &outcome.case.id,
                path: &outcome.case.display_path,
                backend: &outcome.backend,
                verdict: outcome.verdict.label(),
                against: &outcome.against,
                reasons,
                diffs,
            }
        })
        .collect();
    let summary = tally(outcomes);
    let report =
        serde_json::json!({ "backends": backends, "results": results, "summary": summary });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reader_that_has_gone_is_a_silent_write_error() {
        let gone = std::io::Error::from_raw_os_error(libc::EPIPE);
        assert_eq!(write_error_message(&gone), None);
        let full = std::io::Error::from_raw_os_error(libc::ENOSPC);
        assert_eq!(
            write_error_message(&full).unwrap(),
            format!("closure-conformance: cannot write output: {full}")
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
            "--- golden\n+++ rustpython\n-a: int = [-1-]\n+a: int = {+2+}\n same\n"
        );
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
