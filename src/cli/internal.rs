//! `install` (the pinned references) and the hidden commands the tool runs itself:
//! `worker` (the embedded RustPython serving the probe protocol) and `script`.

use super::{say, Outcome};
use closure_conformance::backend::{self, rustpython};
use closure_conformance::error::Error;
use closure_conformance::{output, references};

pub fn install(compilers: bool) -> Outcome {
    let tell = |text: &str| {
        let _ = output::stderr(text);
    };
    let home = backend::default_home();
    let offline = references::offline_from_env();
    match references::ensure_pyodide(&home, offline, &tell).map_err(Error::Usage)? {
        references::Installed::Already => say(&format!(
            "Pyodide and MicroPython: already installed in {}\n",
            references::npm_dir(&home).display()
        ))?,
        references::Installed::Now => {}
    }
    if compilers {
        let compiled = backend::compiled::install::ensure(&home, offline, &tell);
        if compiled.map_err(Error::Usage)? == references::Installed::Already {
            say(&format!(
                "compilers: already installed in {}\n",
                backend::compiled::install::dir(&home).display()
            ))?;
        }
    }
    Ok(0)
}

pub fn worker(backend: &str) -> Outcome {
    match backend {
        "rustpython" => rustpython::serve().map(|()| 0).map_err(Error::Worker),
        other => Err(Error::Usage(format!(
            "no in-process worker for backend {other:?}"
        ))),
    }
}

pub fn script(backend: &str, source: &str) -> Outcome {
    match backend {
        "rustpython" => Ok(rustpython::run_script(source)),
        other => Err(Error::Usage(format!(
            "no embedded interpreter for backend {other:?}"
        ))),
    }
}
