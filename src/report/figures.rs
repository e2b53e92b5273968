//! The figures every format shows per backend beside the case tallies: how many
//! distinct root causes it differs on, and its conformance, computed so that a
//! second witness of a known cause moves neither (`cause.rs`); and the order of
//! the topic rows, the fuzzer's `found` apart after the hand-written ones.

use super::{Report, Tally, ALL_TOPICS};
use crate::cause::{conformance_checks, root_causes, FOUND};
use crate::compare::Verdict;
use crate::suite::Outcome;
use std::collections::BTreeMap;

/// The title of the row of conformance percentages.
pub const CONFORMANCE_ROW: &str = "conformance";

/// The title of the row of root-cause counts.
pub const ROOT_CAUSES_ROW: &str = "root causes";

/// One backend's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Distinct causes of its known divergences and failures.
    pub root_causes: usize,
    /// Checks that passed or conform to the language, in percent of those that ran:
    /// every check of the hand-written topics and one per cause of `found`.
    pub conformance: Option<f64>,
}

/// Per backend, its figures.
pub fn figures(report: &Report) -> BTreeMap<String, Figures> {
    of(&report.outcomes, &report.backend_names())
}

/// The tally of some checks' verdicts.
pub fn tally<'a>(verdicts: impl IntoIterator<Item = &'a Verdict>) -> Tally {
    let mut tally = Tally::default();
    for verdict in verdicts {
        tally.add(verdict);
    }
    tally
}

fn of(outcomes: &[Outcome], backends: &[String]) -> BTreeMap<String, Figures> {
    let causes = root_causes(outcomes);
    let tallies: BTreeMap<String, Tally> = conformance_checks(outcomes)
        .into_iter()
        .map(|(backend, verdicts)| (backend, tally(verdicts)))
        .collect();
    backends
        .iter()
        .map(|b| {
            let figures = Figures {
                root_causes: causes.get(b).map_or(0, |c| c.len()),
                conformance: tallies.get(b).and_then(|t| t.conformance()),
            };
            (b.clone(), figures)
        })
        .collect()
}

/// The two rows tables add below the topics, `(title, one cell per backend)`.
pub fn rows(outcomes: &[Outcome], backends: &[String]) -> [(&'static str, Vec<String>); 2] {
    let figures = of(outcomes, backends);
    let column = |cell: &dyn Fn(&Figures) -> String| -> Vec<String> {
        backends
            .iter()
            .map(|b| cell(&figures.get(b).copied().unwrap_or_default()))
            .collect()
    };
    [
        (ROOT_CAUSES_ROW, column(&|f| f.root_causes.to_string())),
        (CONFORMANCE_ROW, column(&percent)),
    ]
}

/// The conformance as tables write it: `86.8%`, or `–` when nothing ran.
pub fn percent(figures: &Figures) -> String {
    match figures.conformance {
        Some(percent) => format!("{percent:.1}%"),
        None => "–".to_string(),
    }
}

/// The rows of a topic table: the hand-written topics, their total (`all`), then
/// `found` when the run has it.
pub fn topic_rows(report: &Report) -> Vec<String> {
    let topics = report.topics();
    let found = topics.iter().any(|t| t == FOUND);
    let mut rows: Vec<String> = topics.into_iter().filter(|t| t != FOUND).collect();
    rows.push(ALL_TOPICS.to_string());
    if found {
        rows.push(FOUND.to_string());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;
    use crate::compare::Verdict;

    /// The published matrix, less the `found` row (a tally of the cases saved).
    fn published(report: &Report) -> Vec<String> {
        super::super::markdown::matrix(report)
            .lines()
            .filter(|line| !line.starts_with(&format!("| {FOUND} |")))
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_second_found_case_of_a_known_cause_leaves_the_published_figures_unchanged() {
        let mut report = sample_report();
        let mut witness = report.outcomes[1].clone();
        witness.case.topic = FOUND.into();
        witness.case.id = "found/walrus_one".into();
        witness.case.header.cause = Some("walrus-target-not-a-cell".into());
        report.outcomes.push(witness.clone());
        let before = (published(&report), figures(&report));
        let cpython = &before.1["cpython-3.11"];
        // a pass, a known divergence, a failure (hand-written) and the found cause.
        assert_eq!((cpython.root_causes, cpython.conformance), (3, Some(25.0)));
        assert!(
            before.0.iter().any(|l| l == "| **root causes** | 3 | 0 |"),
            "{:?}",
            before.0
        );

        witness.case.id = "found/walrus_two".into();
        witness.verdict = Verdict::KnownDivergence {
            reasons: vec!["another witness".into()],
        };
        report.outcomes.push(witness.clone());
        assert_eq!((published(&report), figures(&report)), before);

        // A found case of a new cause is counted.
        witness.case.id = "found/other".into();
        witness.case.header.cause = Some("other".into());
        report.outcomes.push(witness);
        assert_eq!(figures(&report)["cpython-3.11"].root_causes, 4);
        assert_ne!(published(&report), before.0);
    }
}
