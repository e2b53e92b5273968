//! The suite: cases and backends brought together. Each check runs one case on one
//! backend, normalizes the observation and judges it against a golden (or against
//! another backend), producing an `Outcome` that reports render.

use crate::backend::Backend;
use crate::case::Case;
use crate::compare::{judge, Failure, FailureKind, Verdict};
use crate::golden;
use crate::normalize::normalize;
use crate::observation::Rendered;
use crate::version::PyVersion;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: Case,
    pub backend: String,
    /// What the observation was compared with.
    pub against: Against,
    pub expected: Rendered,
    pub actual: Rendered,
    pub verdict: Verdict,
    /// How to refresh the golden, when a golden was involved.
    pub refresh_command: Option<String>,
}

/// What an observation was compared with: shown as `golden 3.14 (CPython 3.14.2 …)`,
/// `golden` or a backend's name.
#[derive(Debug, Clone, PartialEq)]
pub enum Against {
    /// The goldens, where the check ended before one was chosen (skipped, or no
    /// golden to judge by).
    Goldens,
    /// The golden of a language version and the build that made it; `instead`
    /// says what was expected when it is not the golden as it stands (a reference
    /// bug's intended variant, `refbug.rs`).
    Golden {
        version: PyVersion,
        build: String,
        instead: Option<String>,
    },
    /// Another backend (`diff`).
    Backend(String),
}

impl Against {
    /// What was compared with, without the word `golden`: `3.14 (CPython 3.14.2 …)`,
    /// or a backend's name (a found case's mark says what it was checked against).
    pub fn source(&self) -> String {
        match self {
            Against::Goldens => "golden".to_string(),
            Against::Golden {
                version,
                build,
                instead,
            } => match instead {
                Some(instead) => format!("{version} ({build}) {instead}"),
                None => format!("{version} ({build})"),
            },
            Against::Backend(name) => name.clone(),
        }
    }
}

impl std::fmt::Display for Against {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Against::Golden { .. } => write!(f, "golden {}", self.source()),
            _ => f.write_str(&self.source()),
        }
    }
}

/// Every case on every backend, case-major: the checks of a run.
pub fn pairs<'a>(cases: &[&'a Case], backends: &'a [Backend]) -> Vec<(&'a Case, &'a Backend)> {
    cases
        .iter()
        .flat_map(|case| backends.iter().map(move |backend| (*case, backend)))
        .collect()
}

/// Runs a case and returns its normalized text form.
pub fn observe(backend: &Backend, case: &Case) -> Rendered {
    normalize(backend.run(case).render())
}

fn without_observation(case: &Case, backend: &str, against: Against, verdict: Verdict) -> Outcome {
    Outcome {
        case: case.clone(),
        backend: backend.to_string(),
        against,
        expected: Rendered::default(),
        actual: Rendered::default(),
        verdict,
        refresh_command: None,
    }
}

/// Why `--fail-fast` left a check out.
pub const NOT_RUN_AFTER_FAILURE: &str = "not run: --fail-fast stopped the run at its first failure";

/// A check `--fail-fast` did not run: skipped, with why.
pub fn not_run(case: &Case, backend: &str, against: Against) -> Outcome {
    let why = NOT_RUN_AFTER_FAILURE.to_string();
    without_observation(case, backend, against, Verdict::Skip { why })
}

fn no_expectation(case: &Case, backend: &str, against: Against, why: String) -> Outcome {
    let verdict = Verdict::Fail(Failure {
        why: FailureKind::NoExpectation(why),
        sections: Vec::new(),
    });
    without_observation(case, backend, against, verdict)
}

/// Why a case does not run on a language version, if it does not.
pub fn skip_reason(case: &Case, version: PyVersion) -> Option<String> {
    let requires = case.header.requires.as_ref()?;
    (!requires.spec.matches_language(version)).then(|| {
        format!(
            "needs Python {} ({}); this is Python {version}",
            requires.spec, requires.why
        )
    })
}

/// What to say when no golden variant exists for a version.
fn no_reference(case: &Case, version: PyVersion) -> String {
    let installable = crate::references::installs(version);
    if installable {
        format!(
            "no reference for Python {version} — install it with {}, then {}",
            crate::backend::INSTALL_REFERENCES,
            crate::refresh::regen(&case.display_path)
        )
    } else {
        format!(
            "no reference for Python {version} — install a CPython {version} (or name one with --python PATH), then {}",
            crate::refresh::regen(&case.display_path)
        )
    }
}

/// One case on one backend, judged against the golden of the backend's own
/// language version.
pub fn check_golden(case: &Case, backend: &Backend, expected_root: &Path) -> Outcome {
    let version = match backend.language() {
        Ok(version) => version,
        Err(why) => return no_expectation(case, &backend.name, Against::Goldens, why),
    };
    if let Some(why) = skip_reason(case, version) {
        return without_observation(case, &backend.name, Against::Goldens, Verdict::Skip { why });
    }
    let golden = match golden::read(expected_root, case) {
        Ok(golden) => golden,
        Err(e) => return no_expectation(case, &backend.name, Against::Goldens, e.to_string()),
    };
    let Some(reference) = golden.get(version) else {
        let why = no_reference(case, version);
        return no_expectation(case, &backend.name, Against::Goldens, why);
    };
    let actual = observe(backend, case);
    let marks: Vec<_> = case.divergences_for(&backend.name).collect();
    let bugs = &case.header.reference_bugs;
    let observes = backend.spec.observes;
    let judged = crate::refbug::judge_with(&golden, version, bugs, &actual, &marks, observes);
    let actual = observes.mask(&actual);
    Outcome {
        case: case.clone(),
        backend: backend.name.clone(),
        against: Against::Golden {
            version,
            build: reference.made_by.clone(),
            instead: judged.against,
        },
        refresh_command: Some(crate::refresh::command(backend, case)),
        verdict: judged.verdict.settled(observes, &judged.expected),
        expected: judged.expected,
        actual,
    }
}

/// One case on two backends, the second judged against the first (no goldens);
/// the second backend's divergence marks apply.
/// Only the sections both backends observe are compared.
pub fn check_pair(case: &Case, reference: &Backend, other: &Backend) -> Outcome {
    let observes = reference.spec.observes.and(other.spec.observes);
    let expected = observes.mask(&observe(reference, case));
    let actual = observes.mask(&observe(other, case));
    let marks: Vec<_> = case.divergences_for(&other.name).collect();
    // A reference that could not run the case says nothing about the other one.
    let verdict = match expected.fault() {
        Some(fault) => Verdict::Fail(Failure {
            why: FailureKind::NoExpectation(format!(
                "the reference {} could not run this case: {fault}",
                reference.name
            )),
            sections: Vec::new(),
        }),
        None => judge(&expected, &actual, &marks).settled(observes, &expected),
    };
    Outcome {
        case: case.clone(),
        backend: other.name.clone(),
        against: Against::Backend(reference.name.clone()),
        refresh_command: None,
        expected,
        actual,
        verdict,
    }
}

/// Where the suite lives: `cases/` and `expected/` under one root.
#[derive(Debug, Clone)]
pub struct Layout {
    pub cases: std::path::PathBuf,
    pub expected: std::path::PathBuf,
}

impl Layout {
    pub fn under(root: &Path) -> Layout {
        Layout {
            cases: root.join("cases"),
            expected: root.join("expected"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn against_is_shown_as_before_and_gives_its_source_without_parsing() {
        let golden = Against::Golden {
            version: PyVersion::new(3, 14),
            build: "CPython 3.14.2".into(),
            instead: None,
        };
        assert_eq!(golden.to_string(), "golden 3.14 (CPython 3.14.2)");
        assert_eq!(golden.source(), "3.14 (CPython 3.14.2)");
        let intended = Against::Golden {
            version: PyVersion::new(3, 12),
            build: "CPython 3.12.1".into(),
            instead: Some("as the language intends (3.11's exception for gh-1)".into()),
        };
        assert_eq!(
            intended.to_string(),
            "golden 3.12 (CPython 3.12.1) as the language intends (3.11's exception for gh-1)"
        );
        assert_eq!(
            intended.source(),
            "3.12 (CPython 3.12.1) as the language intends (3.11's exception for gh-1)"
        );
        // A backend whose name starts like a golden's text is still a backend.
        let backend = Against::Backend("golden pypy".into());
        assert_eq!(backend.to_string(), "golden pypy");
        assert_eq!(backend.source(), "golden pypy");
        assert_eq!(Against::Goldens.to_string(), "golden");
        assert_eq!(Against::Goldens.source(), "golden");
    }
}
