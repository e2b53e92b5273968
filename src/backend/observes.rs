//! What a backend can observe. Behaviour (stdout, stderr, the exception) and a
//! fault are observable on every backend; scopes (`co_varnames`, `co_cellvars`,
//! `co_freevars`) and cells (`__closure__`) only where the implementation has
//! them. A backend declares the sections it observes in its `Spec`
//! (`Observes::ALL` for a full interpreter, `Observes::BEHAVIOUR` for one with no
//! code objects or closures).
//!
//! Exact by construction: before anything is compared, every section a backend
//! cannot observe is replaced by the same text, `not observable`, in its
//! observation and in what it is judged against (`mask`), so that the comparison
//! ignores exactly those sections and no others. A check whose golden says
//! nothing in the sections the backend observes but that the case runs silently
//! (no output, no exception) has its point in sections the backend cannot see: it
//! is `not observable` (`Verdict::settled`), counted apart, never a pass or a failure.

use crate::observation::{Rendered, Section};

/// What a masked section holds, in observations, goldens and reports.
pub const NOT_OBSERVABLE: &str = "not observable\n";

/// The sections a backend observes; `Fault` always.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observes {
    scopes: bool,
    cells: bool,
}

impl Observes {
    /// Every section: an interpreter with code objects and `__closure__`.
    pub const ALL: Observes = Observes {
        scopes: true,
        cells: true,
    };
    /// Behaviour only: stdout, stderr and the exception.
    pub const BEHAVIOUR: Observes = Observes {
        scopes: false,
        cells: false,
    };

    /// Behaviour, and scopes and cells as given: for a backend that has one of
    /// them only (code objects but no `__closure__`, or the reverse).
    pub const fn with(scopes: bool, cells: bool) -> Observes {
        Observes { scopes, cells }
    }

    /// What both observe.
    pub fn and(self, other: Observes) -> Observes {
        Observes {
            scopes: self.scopes && other.scopes,
            cells: self.cells && other.cells,
        }
    }

    /// Whether the backend observes `section`.
    pub fn observes(self, section: Section) -> bool {
        match section {
            Section::Scopes => self.scopes,
            Section::Cells => self.cells,
            Section::Stdout | Section::Stderr | Section::Exception | Section::Fault => true,
        }
    }

    /// The sections it cannot observe, in section order.
    pub fn unobservable(self) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|&s| !self.observes(s))
            .collect()
    }

    /// `rendered` with every unobservable section replaced by `NOT_OBSERVABLE`.
    pub fn mask(self, rendered: &Rendered) -> Rendered {
        let mut masked = rendered.clone();
        for section in self.unobservable() {
            masked.set(section, NOT_OBSERVABLE.to_string());
        }
        masked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{judge, Failure, FailureKind, Verdict};

    fn rendered(stdout: &str, exception: &str, scopes: &str, cells: &str) -> Rendered {
        let mut r = Rendered::default();
        r.set(Section::Stdout, stdout.into());
        r.set(Section::Exception, exception.into());
        r.set(Section::Scopes, scopes.into());
        r.set(Section::Cells, cells.into());
        r
    }

    fn judged(observes: Observes, expected: &Rendered, actual: &Rendered) -> Verdict {
        let expected = observes.mask(expected);
        let verdict = judge(&expected, &observes.mask(actual), &[]);
        verdict.settled(observes, &expected)
    }

    #[test]
    fn an_unobservable_section_never_fails_an_observable_one_still_does() {
        let golden = rendered("| 1\n", "none\n", "f: varnames=()\n", "f -> f:\n");
        let no_code = rendered("| 1\n", "none\n", "", "");
        // Every section observed: the missing scopes and cells fail.
        let Verdict::Fail(failure) = judged(Observes::ALL, &golden, &no_code) else {
            panic!("a full backend must fail on missing scopes")
        };
        assert_eq!(failure.sections, [Section::Scopes, Section::Cells]);
        // Behaviour only: they are not compared, and the check passes.
        assert_eq!(
            judged(Observes::BEHAVIOUR, &golden, &no_code),
            Verdict::Pass
        );
        // Whatever the backend puts there.
        let noise = rendered("| 1\n", "none\n", "g: varnames=('x',)\n", "junk\n");
        assert_eq!(judged(Observes::BEHAVIOUR, &golden, &noise), Verdict::Pass);
        // An observable section that differs still fails, and only it is shown.
        let wrong = rendered("| 2\n", "none\n", "", "");
        assert_eq!(
            judged(Observes::BEHAVIOUR, &golden, &wrong),
            Verdict::Fail(Failure {
                why: FailureKind::Mismatch,
                sections: vec![Section::Stdout],
            })
        );
        let raised = rendered("| 1\n", "NameError\n| name 'y' is not defined\n", "", "");
        let Verdict::Fail(failure) = judged(Observes::BEHAVIOUR, &golden, &raised) else {
            panic!("an exception is observable everywhere")
        };
        assert_eq!(failure.sections, [Section::Exception]);
    }

    #[test]
    fn a_silent_golden_is_not_observable_on_a_behaviour_only_backend() {
        let golden = rendered("", "none\n", "f: varnames=()\n", "f -> f:\n");
        let silent = rendered("", "none\n", "", "");
        assert_eq!(
            judged(Observes::BEHAVIOUR, &golden, &silent),
            Verdict::NotObservable {
                sections: vec![Section::Scopes, Section::Cells]
            }
        );
        assert!(judged(Observes::BEHAVIOUR, &golden, &silent).is_ok());
        // A full backend passes the same check: it saw the scopes.
        let full = golden.clone();
        assert_eq!(judged(Observes::ALL, &golden, &full), Verdict::Pass);
        // Silent golden, loud backend: observed, and a failure.
        let loud = rendered("| boo\n", "none\n", "", "");
        assert!(!judged(Observes::BEHAVIOUR, &golden, &loud).is_ok());
    }

    #[test]
    fn masking_replaces_exactly_the_unobservable_sections() {
        let body = rendered("| 1\n", "none\n", "s\n", "c\n");
        assert_eq!(Observes::ALL.mask(&body), body);
        let masked = Observes::BEHAVIOUR.mask(&body);
        for section in Section::ALL {
            let want = match section {
                Section::Scopes | Section::Cells => NOT_OBSERVABLE,
                _ => body.get(section),
            };
            assert_eq!(masked.get(section), want, "{section:?}");
        }
        assert!(Observes::ALL.unobservable().is_empty());
        let no_cells = Observes::with(true, false);
        assert_eq!(no_cells.unobservable(), [Section::Cells]);
        assert_eq!(no_cells.and(Observes::ALL), no_cells);
        assert_eq!(no_cells.and(Observes::BEHAVIOUR), Observes::BEHAVIOUR);
    }

    #[test]
    fn a_bug_only_in_sections_a_backend_cannot_observe_does_not_show_there() {
        use crate::case::parse_reference_bug as parse;
        use crate::golden::{Golden, Reference};
        use crate::refbug::judge_with;
        use crate::version::PyVersion;
        let good = rendered("| 1\n", "none\n", "f: cellvars=('x',)\n", "");
        let bad = rendered("| 1\n", "none\n", "f: cellvars=()\n", "");
        let mut golden = Golden::default();
        for (minor, body) in [(11, &good), (12, &bad)] {
            let made_by = format!("CPython 3.{minor}.0");
            let body = body.clone();
            golden
                .versions
                .insert(PyVersion::new(3, minor), Reference { made_by, body });
        }
        let bug = parse("gh-1 3.12 scopes: x not a cell").unwrap();
        let v312 = PyVersion::new(3, 12);
        // A full backend that behaves as the language intends conforms to it.
        let full = judge_with(
            &golden,
            v312,
            std::slice::from_ref(&bug),
            &good,
            &[],
            Observes::ALL,
        );
        assert!(matches!(full.verdict, Verdict::ConformsToLanguage { .. }));
        // One that cannot see scopes passes plainly: neither copies nor conforms.
        let no_code = rendered("| 1\n", "none\n", "", "");
        let blind = judge_with(&golden, v312, &[bug], &no_code, &[], Observes::BEHAVIOUR);
        assert_eq!(blind.verdict, Verdict::Pass);
        assert_eq!(blind.against, None);
        assert_eq!(blind.expected.get(Section::Scopes), NOT_OBSERVABLE);
    }
}
