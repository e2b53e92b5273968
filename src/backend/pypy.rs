//! PyPy: `pypy3` on PATH (Debian's package `pypy3`, PyPy 7.3.11 for Python 3.9),
//! one backend named `pypy`, judged against the goldens of its language version.

use super::{
    identify, python_like_command, which, BackendOptions, Discovery, Kind, Spec, Unavailable,
    IDENTIFY_TIMEOUT, INSTALL_OPTIONAL,
};
use crate::version::PyVersion;

const CASES_PER_WORKER: usize = 2000;

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let missing = |why: String| Unavailable {
        kind: Kind::PyPy,
        name: "pypy".into(),
        why,
        install: Some(INSTALL_OPTIONAL.into()),
    };
    let Some(program) = which("pypy3") else {
        found
            .unavailable
            .push(missing("pypy3 is not on PATH".into()));
        return;
    };
    let identity = match identify(&program, &options.worker_exe, IDENTIFY_TIMEOUT) {
        Ok(identity) if identity.implementation == "pypy" => identity,
        Ok(identity) => {
            found.unavailable.push(missing(format!(
                "{} is {}, not PyPy",
                program.display(),
                identity.implementation
            )));
            return;
        }
        Err(why) => {
            found.unavailable.push(missing(why));
            return;
        }
    };
    found.available.push(Spec {
        name: "pypy".into(),
        kind: Kind::PyPy,
        language: PyVersion::of(&identity.version),
        build: format!(
            "PyPy {} (Python {})",
            identity.implementation_version, identity.version
        ),
        command: python_like_command(&identity.executable, &["-S", "-s"]),
        max_cases: CASES_PER_WORKER,
        observes: super::Observes::ALL,
    });
}
