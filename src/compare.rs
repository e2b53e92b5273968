//! Comparing an observation with what was expected, and the verdict rules for
//! known divergences.
//!
//! - No mark: every section must match.
//! - A mark for this backend passes only while the case still diverges, and only in
//!   the sections it names (all, if it names none). When it stops diverging the
//!   verdict is a failure: the mark is stale and must be removed.

use crate::backend::Observes;
use crate::case::Divergence;
use crate::observation::{Rendered, Section};

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Pass,
    /// Differs as a mark says it does.
    KnownDivergence {
        reasons: Vec<String>,
    },
    Fail(Failure),
    /// Matches a golden that records a known CPython bug (a `reference-bug:` mark):
    /// a pass, with a note per bug.
    CopiesReferenceBug {
        notes: Vec<String>,
    },
    /// Behaves as the language intends where the golden records a CPython bug: a
    /// verdict of its own, never a divergence (`refbug.rs`).
    ConformsToLanguage {
        notes: Vec<String>,
    },
    /// Not run: the case needs a Python version this backend is not.
    Skip {
        why: String,
    },
    /// The golden's point is in sections this backend cannot observe (it says
    /// only that the case runs silently in the others): never a pass or a failure,
    /// counted apart (`backend/observes.rs`).
    NotObservable {
        sections: Vec<Section>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub why: FailureKind,
    /// The sections to show as diffs.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FailureKind {
    /// Differs where nothing says it may.
    Mismatch,
    /// Marked as diverging, but now matches.
    StaleDivergence { reasons: Vec<String> },
    /// The backend could not observe the case (crash, timeout, probe error).
    Fault(String),
    /// There is nothing to compare with (no golden, unreadable golden, no reference).
    NoExpectation(String),
}

impl Verdict {
    /// The verdict as reports give it: a pass whose golden, in the sections the
    /// backend observes (`observes.rs`), says only that the case runs silently is not observable.
    pub fn settled(self, observes: Observes, expected: &Rendered) -> Verdict {
        let verdict = self;
        let sections = observes.unobservable();
        if verdict != Verdict::Pass || sections.is_empty() {
            return verdict;
        }
        let silent = Section::ALL.into_iter().all(|s| match s {
            _ if !observes.observes(s) => true,
            Section::Exception => expected.get(s) == "none\n",
            Section::Stdout | Section::Stderr | Section::Fault => expected.get(s).is_empty(),
            Section::Scopes | Section::Cells => false,
        });
        match silent {
            true => Verdict::NotObservable { sections },
            false => verdict,
        }
    }

    pub fn is_ok(&self) -> bool {
        !matches!(self, Verdict::Fail(_))
    }

    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Pass | Verdict::CopiesReferenceBug { .. } => "pass",
            Verdict::ConformsToLanguage { .. } => "conforms to the language",
            Verdict::KnownDivergence { .. } => "known divergence",
            Verdict::Fail(_) => "fail",
            Verdict::Skip { .. } => "skipped",
            Verdict::NotObservable { .. } => "not observable",
        }
    }
}

/// The sections where `expected` and `actual` differ, in section order.
pub fn differing_sections(expected: &Rendered, actual: &Rendered) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|&s| expected.get(s) != actual.get(s))
        .collect()
}

/// Judges one (case, backend) result. `marks` are the case's divergences for this backend.
pub fn judge(expected: &Rendered, actual: &Rendered, marks: &[&Divergence]) -> Verdict {
    let differing = differing_sections(expected, actual);
    let allowed = |section: &Section| {
        marks
            .iter()
            .any(|m| m.sections.is_empty() || m.sections.contains(section))
    };
    let unexpected: Vec<Section> = differing.iter().copied().filter(|s| !allowed(s)).collect();
    let reasons = || marks.iter().map(|m| m.reason.clone()).collect::<Vec<_>>();

    if !unexpected.is_empty() {
        let why = match actual.fault() {
            None => FailureKind::Mismatch,
            Some(fault) => FailureKind::Fault(fault),
        };
        return Verdict::Fail(Failure {
            why,
            sections: unexpected
                .into_iter()
                .filter(|&s| s != Section::Fault)
                .collect(),
        });
    }
    match (differing.is_empty(), marks.is_empty()) {
        (true, true) => Verdict::Pass,
        (true, false) => Verdict::Fail(Failure {
            why: FailureKind::StaleDivergence { reasons: reasons() },
            sections: Vec::new(),
        }),
        (false, _) => Verdict::KnownDivergence { reasons: reasons() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(stdout: &str, scopes: &str) -> Rendered {
        let mut r = Rendered::default();
        r.set(Section::Stdout, stdout.into());
        r.set(Section::Scopes, scopes.into());
        r
    }

    fn mark(sections: &[Section]) -> Divergence {
        Divergence {
            backend: "rustpython".into(),
            sections: sections.to_vec(),
            reason: "why".into(),
            entry: None,
        }
    }

    #[test]
    fn equal_without_marks_passes() {
        let a = rendered("| 1\n", "m\n");
        assert_eq!(judge(&a, &a.clone(), &[]), Verdict::Pass);
    }

    #[test]
    fn difference_without_marks_fails_with_that_section() {
        let verdict = judge(&rendered("| 1\n", "m\n"), &rendered("| 2\n", "m\n"), &[]);
        assert_eq!(
            verdict,
            Verdict::Fail(Failure {
                why: FailureKind::Mismatch,
                sections: vec![Section::Stdout]
            })
        );
    }

    #[test]
    fn marked_difference_is_a_known_divergence() {
        let m = mark(&[Section::Scopes]);
        let verdict = judge(&rendered("| 1\n", "a\n"), &rendered("| 1\n", "b\n"), &[&m]);
        assert_eq!(
            verdict,
            Verdict::KnownDivergence {
                reasons: vec!["why".into()]
            }
        );
        let any = mark(&[]);
        let verdict = judge(
            &rendered("| 1\n", "a\n"),
            &rendered("| 2\n", "b\n"),
            &[&any],
        );
        assert!(matches!(verdict, Verdict::KnownDivergence { .. }));
    }

    #[test]
    fn mark_that_no_longer_reproduces_fails() {
        let m = mark(&[Section::Scopes]);
        let a = rendered("| 1\n", "a\n");
        let verdict = judge(&a, &a.clone(), &[&m]);
        assert!(matches!(
            verdict,
            Verdict::Fail(Failure {
                why: FailureKind::StaleDivergence { .. },
                ..
            })
        ));
    }

    #[test]
    fn difference_outside_the_marked_sections_fails() {
        let m = mark(&[Section::Scopes]);
        let verdict = judge(&rendered("| 1\n", "a\n"), &rendered("| 2\n", "b\n"), &[&m]);
        assert_eq!(
            verdict,
            Verdict::Fail(Failure {
                why: FailureKind::Mismatch,
                sections: vec![Section::Stdout]
            })
        );
    }

    #[test]
    fn fault_fails_with_its_reason_and_can_be_marked() {
        let mut crashed = Rendered::default();
        crashed.set(
            Section::Fault,
            "| worker crashed: signal 11\n| stderr line\n".into(),
        );
        let verdict = judge(&rendered("| 1\n", "a\n"), &crashed, &[]);
        let Verdict::Fail(failure) = verdict else {
            panic!("{verdict:?}")
        };
        assert_eq!(
            failure.why,
            FailureKind::Fault("worker crashed: signal 11\nstderr line".into())
        );
        assert_eq!(failure.sections, vec![Section::Stdout, Section::Scopes]);
        let any = mark(&[]);
        assert!(judge(&rendered("| 1\n", "a\n"), &crashed, &[&any]).is_ok());
    }
}
