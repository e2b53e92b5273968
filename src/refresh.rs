//! The command that makes a case's behaviour on a backend what is expected: the
//! golden's refresh (`regen`) for a reference, else an `accept` into the backend's
//! expectations file. Hints name the tool's own commands: someone with the binary
//! alone has no cargo and no scripts/.

use crate::backend::{Backend, Kind};
use crate::case::Case;

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
