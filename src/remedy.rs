//! What a failure's hint says to do, by the kind of backend. A reference's
//! observation makes the golden, so a difference there is a golden to refresh
//! (`regen`, or `regen --pending` then `review`); any other backend records a known
//! difference in its expectations file (`accept`, `expectations.rs`). Hints name
//! the tool's own commands: someone with the binary alone has no cargo and no
//! scripts/.

use crate::backend::{Backend, Kind};
use crate::case::Case;
use crate::compare::{Failure, FailureKind, Verdict};
use crate::expectations::{self, Site};
use crate::report::{visible_line, Palette};
use crate::suite::Outcome;

/// The tool's own command.
pub const TOOL: &str = "closure-conformance";

/// The command that refreshes the goldens of a case file.
pub fn regen(case_path: &str) -> String {
    format!("{TOOL} regen {case_path}")
}

/// The command that takes a case's behaviour on `backend` as what is expected:
/// `regen` for a reference, else `accept` (with the `--interpreter` that names an
/// external backend).
pub fn command(backend: &Backend, case: &Case) -> String {
    match backend.spec.kind {
        kind if kind.is_reference() => regen(&case.display_path),
        Kind::External => format!(
            "{TOOL} accept --interpreter {} {}",
            shell_word(&format!("{}={}", backend.name, backend.spec.build)),
            shell_word(&case.id)
        ),
        _ => format!("{TOOL} accept -b {} {}", backend.name, shell_word(&case.id)),
    }
}

/// `text` as one word of a POSIX shell command line.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// The line a text report ends a failure with: what to run if the difference is
/// what should be expected.
pub fn sentence(outcome: &Outcome) -> Option<String> {
    let command = outcome.refresh_command.as_ref()?;
    let reference = Kind::of_backend(&outcome.backend).is_reference();
    let stale = matches!(
        &outcome.verdict,
        Verdict::Fail(Failure {
            why: FailureKind::StaleDivergence { .. },
            ..
        })
    );
    if stale && !reference {
        // Its own line says which mark or entry to remove.
        return None;
    }
    Some(if reference {
        format!("if the golden is what is wrong, refresh it: {command} (with --pending, to review it first)")
    } else {
        format!(
            "if this difference is known, record it in the expectations of {}: {command}",
            outcome.backend
        )
    })
}

/// The expectations entries of a stale known divergence (none when only a case's
/// own `# diverges:` marks are stale).
pub fn stale_entries(outcome: &Outcome) -> Vec<&Site> {
    expectations::entries_for(&outcome.case, &outcome.backend).collect()
}

/// Whether an expectations file holds a mark of the outcome's (a stale one when
/// the outcome is a stale divergence).
pub fn is_entry(outcome: &Outcome) -> bool {
    !stale_entries(outcome).is_empty()
}

/// What to do about a stale divergence that an expectations file holds.
fn remove_entry(outcome: &Outcome, site: &Site) -> String {
    format!(
        "remove the entry for `{}` from {} (line {}), or rerun `{TOOL} accept` for {}",
        outcome.case.id, site.file, site.line, outcome.backend
    )
}

/// The one-line reason of a stale divergence an expectations file holds.
pub fn stale_reason(outcome: &Outcome) -> Option<String> {
    let site = stale_entries(outcome).into_iter().next()?;
    Some(format!(
        "known divergence no longer reproduces: {}",
        remove_entry(outcome, site)
    ))
}

/// The terminal report's lines for a stale divergence an expectations file holds:
/// which entry to remove, and its reasons.
pub fn stale_text(outcome: &Outcome, reasons: &[String], palette: Palette) -> String {
    let mut out = String::new();
    for site in stale_entries(outcome) {
        let advice = format!(
            "known divergence no longer reproduces — {}",
            remove_entry(outcome, site)
        );
        out.push_str(&format!("{}\n", palette.yellow(&visible_line(&advice))));
    }
    for reason in reasons {
        out.push_str(&format!("    reason = {:?}\n", visible_line(reason)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backend(name: &str, kind: Kind, build: &str) -> Backend {
        let spec = crate::backend::Spec {
            name: name.into(),
            kind,
            language: None,
            build: build.into(),
            command: crate::worker::WorkerCommand {
                program: "/bin/false".into(),
                args: Vec::new(),
                env: Vec::new(),
            },
            max_cases: 1,
            observes: crate::backend::Observes::ALL,
        };
        // Starting spawns nothing: workers start on first use.
        Backend::start(spec, &crate::backend::BackendOptions::default())
    }

    #[test]
    fn the_command_is_regen_for_a_reference_and_accept_for_any_other_kind() {
        let case = Case {
            id: "t/c".into(),
            topic: "t".into(),
            display_path: "cases/t/c.py".into(),
            path: "cases/t/c.py".into(),
            source: String::new(),
            header: Default::default(),
        };
        let commands = [
            (
                backend("cpython-3.12", Kind::CPython, "CPython 3.12.1"),
                "closure-conformance regen cases/t/c.py",
            ),
            (
                backend("pyodide-3.14", Kind::Pyodide, "CPython 3.14.2"),
                "closure-conformance regen cases/t/c.py",
            ),
            (
                backend("rustpython", Kind::RustPython, "RustPython 0.5.0"),
                "closure-conformance accept -b rustpython t/c",
            ),
            (
                backend("pypy", Kind::PyPy, "PyPy 7.3.11"),
                "closure-conformance accept -b pypy t/c",
            ),
            (
                backend("graal", Kind::External, "/opt/graal/bin/python -X x"),
                "closure-conformance accept --interpreter 'graal=/opt/graal/bin/python -X x' t/c",
            ),
        ];
        for (backend, command) in commands {
            assert_eq!(super::command(&backend, &case), command);
        }
    }

    #[test]
    fn words_with_spaces_or_quotes_are_quoted() {
        assert_eq!(shell_word("myimpl=./python"), "myimpl=./python");
        assert_eq!(
            shell_word("myimpl=python3 -X dev"),
            "'myimpl=python3 -X dev'"
        );
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}
