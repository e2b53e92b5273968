//! The terminal report's topic × backend table: `pass/known/fail` in each cell,
//! the hand-written topics, their total, `found` apart, then the figures.

use super::figures::ROOT_CAUSES_ROW;
use super::{tally, Palette, ALL_TOPICS};
use crate::cause::FOUND;
use crate::suite::Outcome;
use std::fmt::Write as _;

/// What `n/o N` in a cell means, said where a cell has one.
pub const NOT_OBSERVABLE_LEGEND: &str =
    "n/o N: not observable, checks whose golden says only that the case runs silently in the \
     sections the backend observes (its point is in scopes or cells, which it cannot see); \
     counted neither as pass nor as fail, nor in conformance";

/// The topic × backend table: `pass/known/fail` in each cell (`+Ns` skipped),
/// totals last, and a legend.
pub fn table(outcomes: &[Outcome], backends: &[String], palette: Palette) -> String {
    let tallies = tally(outcomes);
    let (all, found) = (ALL_TOPICS.to_string(), FOUND.to_string());
    let topics: Vec<&String> = tallies
        .keys()
        .filter(|t| **t != all && **t != found)
        .chain(std::iter::once(&all))
        .chain(tallies.get(&found).map(|_| &found))
        .collect();
    let cell = |topic: &String, backend: &String| {
        let t = tallies
            .get(topic)
            .and_then(|row| row.get(backend))
            .copied()
            .unwrap_or_default();
        let mut text = format!("{}/{}/{}", t.pass, t.known_divergence, t.fail);
        if t.skipped > 0 {
            let _ = write!(text, " +{}s", t.skipped);
        }
        if t.conforms_to_language > 0 {
            let _ = write!(text, " lang {}", t.conforms_to_language);
        }
        if t.not_observable > 0 {
            let _ = write!(text, " n/o {}", t.not_observable);
        }
        (text, t)
    };
    let figures = super::figures::rows(outcomes, backends);
    let topic_width = topics
        .iter()
        .map(|t| t.len())
        .max()
        .unwrap_or(0)
        .max("topic".len())
        .max(ROOT_CAUSES_ROW.len());
    let widths: Vec<usize> = backends
        .iter()
        .enumerate()
        .map(|(i, b)| {
            topics
                .iter()
                .map(|t| cell(t, b).0.len())
                .chain(figures.iter().map(|(_, row)| row[i].chars().count()))
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
    for (name, row) in &figures {
        let _ = write!(out, "{name:topic_width$}");
        for (text, width) in row.iter().zip(&widths) {
            let _ = write!(out, "  {text:>width$}");
        }
        out.push('\n');
    }
    out.push_str(&palette.dim(
        "each cell: pass/known divergence/fail, +Ns skipped (the case needs another Python), \
         lang N: as the language intends where the golden records a CPython bug; all: the \
         hand-written topics, found apart; conformance counts one check per root cause of found",
    ));
    out.push('\n');
    if tallies
        .values()
        .flat_map(|row| row.values())
        .any(|t| t.not_observable > 0)
    {
        out.push_str(&palette.dim(NOT_OBSERVABLE_LEGEND));
        out.push('\n');
    }
    out
}
