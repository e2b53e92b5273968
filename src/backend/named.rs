//! Interpreters the user named (`--python`, `--interpreter`, or the variables that
//! stand for them) must exist: a name that does not is a usage error, not a
//! backend silently left out of the run.

use super::{which, BackendOptions, Discovery, Kind};
use std::path::Path;

/// Why the first named interpreter that cannot be found cannot, in one line.
pub fn check(options: &BackendOptions, found: &Discovery) -> Result<(), String> {
    for python in &options.pythons {
        if !exists(python) {
            return Err(format!(
                "--python {}: no such interpreter",
                python.display()
            ));
        }
    }
    for (name, command) in &options.interpreters {
        let missing = found
            .unavailable
            .iter()
            .find(|u| u.kind == Kind::External && &u.name == name);
        if let Some(missing) = missing {
            return Err(format!("--interpreter {name}={command}: {}", missing.why));
        }
    }
    Ok(())
}

/// A path with a slash names a file; a bare name is looked up on PATH.
fn exists(program: &Path) -> bool {
    if program.components().count() > 1 || program.is_absolute() {
        program.is_file()
    } else {
        which(&program.to_string_lossy()).is_some()
    }
}
