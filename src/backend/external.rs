//! External interpreters named by the user: `--interpreter NAME=COMMAND`. COMMAND
//! is split on white space and run as `COMMAND -c <probe> --serve`, so any
//! interpreter with CPython's command line can be tested (RustPython 0.6.0 built
//! by `cargo install rustpython`, say). Its language version comes from its hello.

use super::{which, BackendOptions, Discovery, Kind, Spec, Unavailable, PROBE_SOURCE};
use crate::worker::WorkerCommand;
use std::ffi::OsString;
use std::path::PathBuf;

const CASES_PER_WORKER: usize = 500;

/// Parses `NAME=COMMAND`; the name must not clash with a built-in kind.
pub fn parse_interpreter(text: &str) -> Result<(String, String), String> {
    let (name, command) = text
        .split_once('=')
        .ok_or_else(|| format!("--interpreter takes NAME=COMMAND, got {text:?}"))?;
    let (name, command) = (name.trim(), command.trim());
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if !valid {
        return Err(format!(
            "interpreter name {name:?} must be letters, digits, '-', '_' or '.'"
        ));
    }
    if command.is_empty() {
        return Err(format!("interpreter {name} has an empty command"));
    }
    let builtin = [
        "cpython",
        "pyodide",
        "pypy",
        "rustpython",
        "micropython",
        "compiled",
        "cython",
        "nuitka",
        "mypyc",
    ];
    if builtin.contains(&name) || name.starts_with("cpython-") || name.starts_with("pyodide-") {
        return Err(format!(
            "interpreter name {name:?} is taken by a built-in backend; choose another"
        ));
    }
    Ok((name.to_string(), command.to_string()))
}

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    for (name, command) in &options.interpreters {
        let mut words = command.split_whitespace();
        let program = words.next().unwrap_or_default();
        let resolved = if program.contains('/') {
            Some(PathBuf::from(program)).filter(|p| p.is_file())
        } else {
            which(program)
        };
        let Some(program) = resolved else {
            found.unavailable.push(Unavailable {
                kind: Kind::External,
                name: name.clone(),
                why: format!("{program} not found"),
                install: None,
            });
            continue;
        };
        let mut args: Vec<OsString> = words.map(OsString::from).collect();
        args.extend(["-c".into(), PROBE_SOURCE.into(), "--serve".into()]);
        // The user's interpreter may need its own environment (RUSTPYTHONPATH, …).
        let env = std::env::vars_os()
            .chain([("PYTHONHASHSEED".into(), "0".into())])
            .collect();
        found.available.push(Spec {
            name: name.clone(),
            kind: Kind::External,
            language: None,
            build: command.clone(),
            command: WorkerCommand { program, args, env },
            max_cases: CASES_PER_WORKER,
            observes: super::Observes::ALL,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpreter_specs_are_checked() {
        assert_eq!(
            parse_interpreter("rustpython-0.6=rustpython -S").unwrap(),
            ("rustpython-0.6".into(), "rustpython -S".into())
        );
        assert!(parse_interpreter("rustpython").is_err());
        assert!(parse_interpreter("mypyc=python3").is_err());
        assert!(parse_interpreter("cpython-3.12=python3").is_err());
        assert!(parse_interpreter("a b=python3").is_err());
        assert!(parse_interpreter("x=").is_err());
    }
}
