//! The report for people on a terminal: the topic × backend table, what each
//! failure means with its section diffs (`diff.rs`), then what passed in short.

use super::diff::{section_diff, visible, visible_line, Palette};
use super::{Mode, Report};
use crate::compare::{FailureKind, Verdict};
use crate::suite::Outcome;
use std::fmt::Write as _;

/// Why a failed outcome failed, with its section diffs; empty for any other verdict.
/// Everything that came from the case is shown `visible`.
pub fn explain(outcome: &Outcome, palette: Palette) -> String {
    let mut out = String::new();
    let Verdict::Fail(failure) = &outcome.verdict else {
        return out;
    };
    let path = visible_line(&outcome.case.display_path);
    let backend = visible_line(&outcome.backend);
    match &failure.why {
        FailureKind::Mismatch => {
            let _ = writeln!(
                out,
                "{path} on {backend} differs from {} in [{}]",
                visible_line(&outcome.against.to_string()),
                failure
                    .sections
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join("], [")
            );
        }
        FailureKind::StaleDivergence { reasons } if crate::remedy::is_entry(outcome) => {
            out.push_str(&stale_text(outcome, reasons, palette));
        }
        FailureKind::StaleDivergence { reasons } => {
            let _ = writeln!(
                out,
                "{}",
                palette.yellow(&format!(
                    "known divergence no longer reproduces — remove the mark from {path}:"
                ))
            );
            for reason in reasons {
                let _ = writeln!(out, "    # diverges: {backend} …: {}", visible_line(reason));
            }
        }
        FailureKind::Fault(reason) => {
            let _ = writeln!(
                out,
                "{path} on {backend}: {}",
                palette.red(&visible(reason))
            );
        }
        FailureKind::NoExpectation(reason) => {
            let _ = writeln!(out, "{}", palette.red(&visible(reason)));
            return out;
        }
    }
    for &section in &failure.sections {
        let _ = writeln!(out, "{}", palette.bold(&format!("[{}]", section.name())));
        out.push_str(&section_diff(
            outcome.expected.get(section),
            outcome.actual.get(section),
            &outcome.against.to_string(),
            &outcome.backend,
            palette,
        ));
    }
    if let Some(hint) = crate::remedy::sentence(outcome) {
        let _ = writeln!(out, "{}", palette.dim(&visible_line(&hint)));
    }
    out
}

/// How much of what passed the terminal report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Known divergences as a count per backend.
    #[default]
    Counts,
    /// Every known divergence with its reasons (`-v`).
    Every,
}

/// The whole terminal report, most actionable first: backends that did not start,
/// the topic × backend table, the diffs of every failure, the reference bugs met,
/// the known divergences (a count per backend, or each with `Detail::Every`),
/// what each backend is, and a count.
pub fn render(report: &Report, palette: Palette, detail: Detail) -> String {
    let mut out = String::new();
    for (backend, why) in report.dead_backends() {
        let line = super::dead::message(backend, why);
        let _ = writeln!(out, "{} {}", palette.red("error:"), visible_line(&line));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&super::table::table(
        &report.outcomes,
        &report.backend_names(),
        palette,
    ));
    for outcome in report.outcomes.iter().filter(|o| !o.verdict.is_ok()) {
        let _ = writeln!(
            out,
            "\n{} {}::{}",
            palette.red("FAIL"),
            outcome.backend,
            visible_line(&outcome.case.id)
        );
        out.push_str(&explain(outcome, palette));
    }
    out.push_str(&super::reference_bugs::human(report, palette));
    out.push_str(&known_divergences(report, palette, detail));
    out.push('\n');
    if let Mode::Diff { reference } = &report.mode {
        let _ = writeln!(
            out,
            "{} (reference): {}",
            reference.name,
            visible_line(&reference.build)
        );
    }
    for backend in &report.backends {
        let _ = writeln!(
            out,
            "{}: {}{}",
            backend.name,
            visible_line(&backend.build),
            Report::unobservable_note(backend)
        );
    }
    let totals = report.totals();
    let _ = writeln!(
        out,
        "\n{} checks: {} passed, {} failed{}{}{}",
        report.outcomes.len(),
        totals.pass + totals.conforms_to_language + totals.known_divergence,
        totals.fail,
        if totals.skipped > 0 {
            format!(", {} skipped", totals.skipped)
        } else {
            String::new()
        },
        if totals.not_observable > 0 {
            format!(", {} not observable", totals.not_observable)
        } else {
            String::new()
        },
        [
            (report.bad_cases.len(), "bad case files"),
            (report.dead_backends().len(), "backends did not start"),
        ]
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!(", {count} {what}"))
        .collect::<String>()
    );
    out
}

/// The known divergences met: how many per backend, or each with its reasons.
fn known_divergences(report: &Report, palette: Palette, detail: Detail) -> String {
    let mut out = String::new();
    let known: Vec<(&Outcome, &Vec<String>)> = report
        .outcomes
        .iter()
        .filter_map(|o| match &o.verdict {
            Verdict::KnownDivergence { reasons } => Some((o, reasons)),
            _ => None,
        })
        .collect();
    if known.is_empty() {
        return out;
    }
    let title = format!("known divergences ({}):", known.len());
    match detail {
        Detail::Every => {
            let _ = writeln!(out, "\n{}", palette.bold(&title));
            for (outcome, reasons) in known {
                let _ = writeln!(
                    out,
                    "  {}::{} — {}",
                    outcome.backend,
                    visible_line(&outcome.case.id),
                    visible_line(&reasons.join("; "))
                );
            }
        }
        Detail::Counts => {
            // In the order of the table's columns.
            let per_backend: Vec<String> = report
                .backend_names()
                .iter()
                .filter_map(|name| {
                    let n = known.iter().filter(|(o, _)| &o.backend == name).count();
                    (n > 0).then(|| format!("{name} {n}"))
                })
                .collect();
            let _ = writeln!(
                out,
                "\n{} {} {}",
                palette.bold(&title),
                per_backend.join(", "),
                palette.dim("(-v lists them)")
            );
        }
    }
    out
}

/// The terminal report's lines for a stale divergence an expectations file holds:
/// which entry to remove, and its reasons.
fn stale_text(outcome: &Outcome, reasons: &[String], palette: Palette) -> String {
    let mut out = String::new();
    for site in crate::remedy::stale_entries(outcome) {
        let advice = format!(
            "known divergence no longer reproduces — {}",
            crate::remedy::remove_entry(outcome, site)
        );
        out.push_str(&format!("{}\n", palette.yellow(&visible_line(&advice))));
    }
    for reason in reasons {
        out.push_str(&format!("    reason = {:?}\n", visible_line(reason)));
    }
    out
}
