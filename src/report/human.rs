//! The report for people on a terminal: the backends, the topic × backend table,
//! what each failure means with its section diffs (`diff.rs`).

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
                visible_line(&outcome.against),
                failure
                    .sections
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join("], [")
            );
        }
        FailureKind::StaleDivergence { reasons } if crate::remedy::is_entry(outcome) => {
            out.push_str(&crate::remedy::stale_text(outcome, reasons, palette));
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
            &outcome.against,
            &outcome.backend,
            palette,
        ));
    }
    if let Some(hint) = crate::remedy::sentence(outcome) {
        let _ = writeln!(out, "{}", palette.dim(&visible_line(&hint)));
    }
    out
}

/// The whole terminal report: what each backend is, the topic × backend table,
/// the known divergences met, the diffs of every failure, and a count.
pub fn render(report: &Report, palette: Palette) -> String {
    let mut out = String::new();
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
    for (backend, why) in report.dead_backends() {
        let line = super::dead::message(backend, why);
        let _ = writeln!(out, "{} {}", palette.red("error:"), visible_line(&line));
    }
    out.push('\n');
    out.push_str(&super::table::table(
        &report.outcomes,
        &report.backend_names(),
        palette,
    ));
    out.push_str(&super::reference_bugs::human(report, palette));
    let known: Vec<&Outcome> = report
        .outcomes
        .iter()
        .filter(|o| matches!(o.verdict, Verdict::KnownDivergence { .. }))
        .collect();
    if !known.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            palette.bold(&format!("known divergences ({}):", known.len()))
        );
        for outcome in known {
            if let Verdict::KnownDivergence { reasons } = &outcome.verdict {
                let _ = writeln!(
                    out,
                    "  {}::{} — {}",
                    outcome.backend,
                    visible_line(&outcome.case.id),
                    visible_line(&reasons.join("; "))
                );
            }
        }
    }
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
