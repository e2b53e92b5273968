//! Root causes: the figures that measure an implementation, not the fuzzer.
//!
//! Every check that differs from its expectation (a known divergence or a
//! failure) is put down to one cause:
//!
//! - the case's `# cause: <name>` when it has one (a case that shows one root
//!   cause names it; saved fuzzer findings do, one case per cause);
//! - else, for a case of the `found` topic, the case itself;
//! - else, for a known divergence, the reasons of its marks: hand-written marks that
//!   give the same reason (PyPy's `__locals__` in 44 cases) are one cause;
//! - else (an unmarked failure), the case itself.
//!
//! The figures: per backend, the number of distinct causes it differs on; and the
//! conformance figure, computed over every check of the hand-written topics and
//! *one* check per cause of the `found` cases (the worst of that cause's checks), so
//! that saving a second witness of a known cause moves neither.

use crate::compare::Verdict;
use crate::report::Tally;
use crate::suite::Outcome;
use std::collections::{BTreeMap, BTreeSet};

/// The topic the fuzzer saves its findings under, shown apart from the
/// hand-written topics.
pub const FOUND: &str = "found";

/// Parses the value of a `cause:` header line: a name of lowercase letters, digits
/// and `_ - . / :`, no spaces.
pub fn parse(value: &str) -> Result<String, String> {
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-./:".contains(c);
    if value.is_empty() || !value.chars().all(ok) {
        return Err(format!(
            "`cause:` takes one name of lowercase letters, digits and `_-./:`, got {value:?}"
        ));
    }
    Ok(value.to_string())
}

/// The cause a `found` case stands for: its `cause:`, else the case itself.
fn found_cause(outcome: &Outcome) -> String {
    match &outcome.case.header.cause {
        Some(cause) => cause.clone(),
        None => format!("case {}", outcome.case.id),
    }
}

/// The cause of one check, when it differs (known divergence or failure).
pub fn of(outcome: &Outcome) -> Option<String> {
    let reasons = match &outcome.verdict {
        Verdict::KnownDivergence { reasons } => Some(reasons),
        Verdict::Fail(_) => None,
        _ => return None,
    };
    Some(match (&outcome.case.header.cause, reasons) {
        (Some(cause), _) => cause.clone(),
        (None, _) if outcome.case.topic == FOUND => found_cause(outcome),
        (None, Some(reasons)) => format!("mark {}", reasons.join(" + ")),
        (None, None) => format!("case {}", outcome.case.id),
    })
}

/// Per backend, the distinct causes of the checks that differ.
pub fn root_causes(outcomes: &[Outcome]) -> BTreeMap<String, BTreeSet<String>> {
    let mut causes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for outcome in outcomes {
        let entry = causes.entry(outcome.backend.clone()).or_default();
        entry.extend(of(outcome));
    }
    causes
}

/// How bad a verdict is, for picking the worst check of a cause.
fn severity(verdict: &Verdict) -> u8 {
    match verdict {
        Verdict::Skip { .. } | Verdict::NotObservable { .. } => 0,
        Verdict::Pass | Verdict::CopiesReferenceBug { .. } => 1,
        Verdict::ConformsToLanguage { .. } => 2,
        Verdict::KnownDivergence { .. } => 3,
        Verdict::Fail(_) => 4,
    }
}

/// Per backend, the tally the conformance figure is computed from: every check of
/// a hand-written topic, and one check per cause of the `found` cases.
pub fn conformance_tallies(outcomes: &[Outcome]) -> BTreeMap<String, Tally> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut found: BTreeMap<(String, String), &Verdict> = BTreeMap::new();
    for outcome in outcomes {
        let tally = tallies.entry(outcome.backend.clone()).or_default();
        if outcome.case.topic != FOUND {
            tally.add(&outcome.verdict);
            continue;
        }
        let key = (outcome.backend.clone(), found_cause(outcome));
        let worst = found.entry(key).or_insert(&outcome.verdict);
        if severity(&outcome.verdict) > severity(worst) {
            *worst = &outcome.verdict;
        }
    }
    for ((backend, _), verdict) in found {
        tallies.entry(backend).or_default().add(verdict);
    }
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Case, Header};
    use crate::compare::{Failure, FailureKind};
    use crate::observation::Rendered;

    fn outcome(topic: &str, name: &str, cause: Option<&str>, verdict: Verdict) -> Outcome {
        Outcome {
            case: Case {
                id: format!("{topic}/{name}"),
                topic: topic.into(),
                display_path: format!("cases/{topic}/{name}.py"),
                path: format!("cases/{topic}/{name}.py").into(),
                source: String::new(),
                header: Header {
                    cause: cause.map(str::to_string),
                    ..Header::default()
                },
            },
            backend: "rustpython".into(),
            against: "golden 3.14".into(),
            expected: Rendered::default(),
            actual: Rendered::default(),
            verdict,
            refresh_command: None,
        }
    }

    fn diverges(reason: &str) -> Verdict {
        Verdict::KnownDivergence {
            reasons: vec![reason.into()],
        }
    }

    #[test]
    fn a_cause_name_is_one_word() {
        assert_eq!(
            parse("walrus-target-not-a-cell").unwrap(),
            "walrus-target-not-a-cell"
        );
        assert_eq!(
            parse("scopes:function/varnames.x").unwrap(),
            "scopes:function/varnames.x"
        );
        for bad in ["Two words", "UPPER", "", "semi;colon"] {
            assert!(parse(bad).unwrap_err().contains("`cause:` takes one name"));
        }
    }

    #[test]
    fn marks_with_one_reason_are_one_cause_and_found_cases_are_theirs_or_their_cause() {
        let outcomes = vec![
            outcome("class_scopes", "a", None, diverges("__locals__")),
            outcome("counters", "b", None, diverges("__locals__")),
            outcome("errors", "c", None, diverges("wording")),
            outcome("errors", "d", None, Verdict::Pass),
            outcome(
                "errors",
                "e",
                None,
                Verdict::Fail(Failure {
                    why: FailureKind::Mismatch,
                    sections: vec![],
                }),
            ),
            outcome(
                "found",
                "f",
                None,
                diverges("scopes: CPython `x`, rustpython `y`"),
            ),
            outcome(
                "found",
                "g",
                Some("walrus"),
                diverges("scopes: one witness"),
            ),
            outcome(
                "found",
                "h",
                Some("walrus"),
                diverges("scopes: another witness"),
            ),
            outcome(
                "errors",
                "i",
                Some("walrus"),
                diverges("hand-written witness"),
            ),
        ];
        let causes = &root_causes(&outcomes)["rustpython"];
        let expected: BTreeSet<String> = [
            "mark __locals__",
            "mark wording",
            "case errors/e",
            "case found/f",
            "walrus",
        ]
        .map(String::from)
        .into();
        assert_eq!(causes, &expected);
    }

    #[test]
    fn a_second_witness_of_a_known_cause_moves_no_figure() {
        let mut outcomes = vec![
            outcome("errors", "a", None, Verdict::Pass),
            outcome("errors", "b", None, diverges("wording")),
            outcome("found", "w1", Some("walrus"), diverges("one witness")),
            outcome("found", "p", Some("other"), Verdict::Pass),
        ];
        let before = (conformance_tallies(&outcomes), root_causes(&outcomes));
        assert_eq!(before.0["rustpython"].conformance(), Some(50.0));
        outcomes.push(outcome(
            "found",
            "w2",
            Some("walrus"),
            diverges("another witness"),
        ));
        // A pass of a cause that diverges elsewhere does not lift it either.
        outcomes.push(outcome("found", "w3", Some("walrus"), Verdict::Pass));
        assert_eq!(
            (conformance_tallies(&outcomes), root_causes(&outcomes)),
            before
        );
        // A new cause does count.
        outcomes.push(outcome("found", "n", Some("new"), diverges("new")));
        let after = conformance_tallies(&outcomes);
        assert_eq!(after["rustpython"].ran(), 5);
        assert_eq!(root_causes(&outcomes)["rustpython"].len(), 3);
    }
}
