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
    /// What the observation was compared with, e.g. `golden 3.14 (CPython 3.14.2 …)`.
    pub against: String,
    pub expected: Rendered,
    pub actual: Rendered,
    pub verdict: Verdict,
    /// How to refresh the golden, when a golden was involved.
    pub refresh_command: Option<String>,
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

fn without_observation(case: &Case, backend: &str, against: &str, verdict: Verdict) -> Outcome {
    Outcome {
        case: case.clone(),
        backend: backend.to_string(),
        against: against.to_string(),
        expected: Rendered::default(),
        actual: Rendered::default(),
        verdict,
        refresh_command: None,
    }
}

fn no_expectation(case: &Case, backend: &str, against: &str, why: String) -> Outcome {
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
    let installable = crate::backend::pyodide::PACKAGES
        .iter()
        .any(|(_, _, python)| PyVersion::of(python) == Some(version));
    if installable {
        format!(
            "no reference for Python {version} — install it with {}, then {}",
            crate::backend::INSTALL_REFERENCES,
            crate::remedy::regen(&case.display_path)
        )
    } else {
        format!(
            "no reference for Python {version} — install a CPython {version} (or name one with --python PATH), then {}",
            crate::remedy::regen(&case.display_path)
        )
    }
}

/// One case on one backend, judged against the golden of the backend's own
/// language version.
pub fn check_golden(case: &Case, backend: &Backend, expected_root: &Path) -> Outcome {
    let version = match backend.language() {
        Ok(version) => version,
        Err(why) => return no_expectation(case, &backend.name, "golden", why),
    };
    if let Some(why) = skip_reason(case, version) {
        return without_observation(case, &backend.name, "golden", Verdict::Skip { why });
    }
    let golden = match golden::read(expected_root, case) {
        Ok(golden) => golden,
        Err(e) => return no_expectation(case, &backend.name, "golden", e.to_string()),
    };
    let Some(reference) = golden.get(version) else {
        let why = no_reference(case, version);
        return no_expectation(case, &backend.name, "golden", why);
    };
    let actual = observe(backend, case);
    let marks: Vec<_> = case.divergences_for(&backend.name).collect();
    let bugs = &case.header.reference_bugs;
    let observes = backend.spec.observes;
    let judged = crate::refbug::judge_with(&golden, version, bugs, &actual, &marks, observes);
    let actual = observes.mask(&actual);
    let golden_name = format!("golden {version} ({})", reference.made_by);
    Outcome {
        case: case.clone(),
        backend: backend.name.clone(),
        against: match judged.against {
            Some(instead) => format!("{golden_name} {instead}"),
            None => golden_name,
        },
        refresh_command: Some(crate::remedy::command(backend, case)),
        verdict: observes.settle(judged.verdict, &judged.expected),
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
        None => observes.settle(judge(&expected, &actual, &marks), &expected),
    };
    Outcome {
        case: case.clone(),
        backend: other.name.clone(),
        against: reference.name.clone(),
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
