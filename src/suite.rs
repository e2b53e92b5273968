//! The suite: cases and backends brought together. Each check runs one case on one
//! backend, normalizes the observation and judges it against a golden (or against
//! another backend), producing an `Outcome` that reports render.

use crate::backend::Backend;
use crate::case::Case;
use crate::compare::{judge, Failure, FailureKind, Verdict};
use crate::golden;
use crate::normalize::normalize;
use crate::observation::Rendered;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: Case,
    pub backend: String,
    /// What the observation was compared with, e.g. `golden (CPython 3.11.7)`.
    pub against: String,
    pub expected: Rendered,
    pub actual: Rendered,
    pub verdict: Verdict,
    /// Set when the backend's Python version is outside the case's `python:` range.
    pub version_note: Option<String>,
    /// How to refresh the golden, when a golden was involved.
    pub refresh_command: Option<String>,
}

/// Runs a case and returns its normalized text form.
pub fn observe(backend: &Backend, case: &Case) -> Rendered {
    normalize(backend.run(case).render())
}

fn no_expectation(case: &Case, backend: &str, against: &str, why: String) -> Outcome {
    Outcome {
        case: case.clone(),
        backend: backend.to_string(),
        against: against.to_string(),
        expected: Rendered::default(),
        actual: Rendered::default(),
        verdict: Verdict::Fail(Failure {
            why: FailureKind::NoExpectation(why),
            sections: Vec::new(),
        }),
        version_note: None,
        refresh_command: None,
    }
}

/// A hint for when the backend's version is outside the range the golden holds for.
fn version_note(case: &Case, backend: &Backend) -> Option<String> {
    let note = case.header.python.as_ref()?;
    let hello = backend.hello().ok()?;
    (!note.spec.matches(&hello.language_version)).then(|| {
        format!(
            "version-sensitive: this golden holds for Python {} ({}); {} is Python {}",
            note.spec, note.why, backend.name, hello.language_version
        )
    })
}

/// One case on one backend, judged against its golden.
pub fn check_golden(case: &Case, backend: &Backend, expected_root: &Path) -> Outcome {
    let golden = match golden::read(expected_root, case) {
        Ok(golden) => golden,
        Err(e) => return no_expectation(case, &backend.name, "golden", e.to_string()),
    };
    let actual = observe(backend, case);
    let marks: Vec<_> = case.divergences_for(&backend.name).collect();
    let verdict = judge(&golden.body, &actual, &marks);
    Outcome {
        case: case.clone(),
        backend: backend.name.clone(),
        against: format!("golden ({})", golden.made_by),
        version_note: if verdict.is_ok() {
            None
        } else {
            version_note(case, backend)
        },
        refresh_command: Some(format!("scripts/regen {}", case.display_path)),
        expected: golden.body,
        actual,
        verdict,
    }
}

/// One case on two backends, the second judged against the first (no goldens);
/// the second backend's divergence marks apply.
pub fn check_pair(case: &Case, reference: &Backend, other: &Backend) -> Outcome {
    let expected = observe(reference, case);
    let actual = observe(other, case);
    let marks: Vec<_> = case.divergences_for(&other.name).collect();
    let verdict = judge(&expected, &actual, &marks);
    Outcome {
        case: case.clone(),
        backend: other.name.clone(),
        against: reference.name.clone(),
        version_note: if verdict.is_ok() {
            None
        } else {
            version_note(case, other)
        },
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
