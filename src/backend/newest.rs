//! Which build is a language version's reference: the newest patch release here.
//!
//! A golden says what a minor version does; an old patch release can hold a bug that
//! the minor version has since fixed (gh-118513 was fixed in 3.12.4: native 3.12.1
//! has it, Pyodide's 3.12.7 does not). So of two builds of one version the newer
//! release is the reference, whatever its kind; an older one is then judged like any
//! other backend, against the golden of the newest. Equal releases: native CPython
//! (it starts faster than Pyodide).

use super::{Kind, Spec};

/// A release as it sorts: (major, minor, patch, stage, number), the stage 0 for an
/// alpha, 1 beta, 2 release candidate, 3 final: `3.15.0rc1` → (3, 15, 0, 2, 1).
type Release = (u32, u32, u32, u32, u32);

/// The release of a build string, `CPython 3.12.1` or `CPython 3.14.2 (pyodide 314.0.7)`.
pub fn release(build: &str) -> Option<Release> {
    let version = build.strip_prefix("CPython ")?.split_whitespace().next()?;
    let mut parts = version.splitn(3, '.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    let rest = parts.next().unwrap_or("0");
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let patch = digits.parse().ok()?;
    let tail = rest[digits.len()..].trim_end_matches('+');
    let number: String = tail.chars().filter(char::is_ascii_digit).collect();
    let stage = match tail.trim_end_matches(|c: char| c.is_ascii_digit()) {
        "" => 3,
        "rc" => 2,
        "b" => 1,
        "a" => 0,
        _ => return None,
    };
    Some((major, minor, patch, stage, number.parse().unwrap_or(0)))
}

/// Whether `candidate` should replace `current` as the reference of their version.
pub fn better(candidate: &Spec, current: &Spec) -> bool {
    match (release(&candidate.build), release(&current.build)) {
        (Some(a), Some(b)) if a != b => a > b,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        _ => current.kind == Kind::Pyodide && candidate.kind == Kind::CPython,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::WorkerCommand;

    fn spec(kind: Kind, build: &str) -> Spec {
        Spec {
            name: format!("{}-3.12", kind.name()),
            kind,
            language: None,
            build: build.into(),
            command: WorkerCommand {
                program: "python3".into(),
                args: Vec::new(),
                env: Vec::new(),
            },
            max_cases: 1,
            observes: crate::backend::Observes::ALL,
        }
    }

    #[test]
    fn releases_sort_by_patch_and_a_final_after_its_candidates() {
        assert_eq!(release("CPython 3.12.1"), Some((3, 12, 1, 3, 0)));
        assert_eq!(
            release("CPython 3.14.2 (pyodide 314.0.7)"),
            Some((3, 14, 2, 3, 0))
        );
        assert!(release("CPython 3.15.0rc1 (pyodide 315.0.0-alpha.2)") < release("CPython 3.15.0"));
        assert!(release("CPython 3.15.0a2") < release("CPython 3.15.0b1"));
        assert!(release("CPython 3.15.0b3") < release("CPython 3.15.0rc1"));
        assert!(release("CPython 3.14.9") < release("CPython 3.15.0a1"));
        assert_eq!(release("PyPy 7.3.11"), None);
    }

    #[test]
    fn the_newest_patch_release_is_the_reference_whatever_its_kind() {
        let native_old = spec(Kind::CPython, "CPython 3.12.1");
        let wasm_new = spec(Kind::Pyodide, "CPython 3.12.7 (pyodide 0.27.7)");
        assert!(better(&wasm_new, &native_old));
        assert!(!better(&native_old, &wasm_new));
        // The same release: native CPython, which starts faster.
        let native_same = spec(Kind::CPython, "CPython 3.12.7");
        assert!(better(&native_same, &wasm_new));
        assert!(!better(&wasm_new, &native_same));
    }
}
