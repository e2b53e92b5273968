//! The kinds of interpreter, which kind a backend name belongs to, and how backend
//! names relate to kinds (marks, per-version names).

use crate::version::PyVersion;

/// The kinds of interpreter, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    CPython,
    Pyodide,
    PyPy,
    RustPython,
    MicroPython,
    /// Cython, Nuitka and mypyc: a case compiled as a module (`compiled/`).
    Compiled,
    External,
}

impl Kind {
    /// The kind whose discovery names a backend `name`, if any can: `cpython-3.X`
    /// is CPython's, `pyodide-3.X` Pyodide's, `pypy` and `rustpython` their own.
    /// Any other name can only be an external interpreter's (`external::parse_interpreter`
    /// refuses the built-in names and prefixes), `rustpython-0.6.0` for one.
    pub fn of_backend(name: &str) -> Kind {
        match name {
            "pypy" => Kind::PyPy,
            "rustpython" => Kind::RustPython,
            "micropython" => Kind::MicroPython,
            "cython" | "nuitka" | "mypyc" => Kind::Compiled,
            _ if name.starts_with("cpython-") => Kind::CPython,
            _ if name.starts_with("pyodide-") => Kind::Pyodide,
            _ => Kind::External,
        }
    }

    pub const ALL: [Kind; 7] = [
        Kind::CPython,
        Kind::Pyodide,
        Kind::PyPy,
        Kind::RustPython,
        Kind::MicroPython,
        Kind::Compiled,
        Kind::External,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::CPython => "cpython",
            Kind::Pyodide => "pyodide",
            Kind::PyPy => "pypy",
            Kind::RustPython => "rustpython",
            Kind::MicroPython => "micropython",
            Kind::Compiled => "compiled",
            Kind::External => "external",
        }
    }

    /// Whether its workers are native processes, started in our sandbox
    /// (src/sandbox/); the hosts of Pyodide and MicroPython run under Node with
    /// their own containment (backend/wasm_seal.mjs).
    pub fn is_native(self) -> bool {
        !matches!(self, Kind::Pyodide | Kind::MicroPython)
    }

    /// Whether it runs only when named (`-b cython`, `-b compiled`): a compiled
    /// backend compiles every case the first time, minutes to an hour a compiler
    /// on two cores, so a run that names no backend leaves it out.
    pub fn is_opt_in(self) -> bool {
        matches!(self, Kind::Compiled)
    }

    /// Whether its observations are CPython's, and so may make goldens.
    pub fn is_reference(self) -> bool {
        matches!(self, Kind::CPython | Kind::Pyodide)
    }
}

/// Backend names as marks, commands and messages use them: the one place that
/// knows how a backend's name relates to its kind.
impl Kind {
    /// Whether the kind has one backend per language version, `<kind>-<3.X>`.
    pub fn per_version(self) -> bool {
        matches!(self, Kind::CPython | Kind::Pyodide)
    }

    /// The backend of this kind for a language version: `cpython-3.12`,
    /// `pyodide-3.14`.
    pub fn versioned(self, version: PyVersion) -> String {
        format!("{}-{version}", self.name())
    }

    /// The kinds a known-divergence mark may name: every kind but `external`,
    /// whose backends' names are the user's own.
    pub fn markable() -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(|kind| *kind != Kind::External)
    }

    /// Whether a mark may name `name`: a markable kind (`rustpython`) or one of its
    /// backends (`rustpython-0.6.0`, `cpython-3.12`), so that a typo is an error.
    pub fn is_markable(name: &str) -> bool {
        Kind::markable().any(|kind| {
            name == kind.name()
                || name
                    .strip_prefix(kind.name())
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|version| !version.is_empty())
        })
    }

    /// Whether a mark naming `mark` applies to the backend `backend`: its own name,
    /// or the kind of a per-version backend (`cpython` applies to `cpython-3.12`).
    pub fn mark_applies(mark: &str, backend: &str) -> bool {
        mark == backend
            || (Kind::ALL
                .iter()
                .any(|kind| kind.per_version() && kind.name() == mark)
                && backend
                    .strip_prefix(mark)
                    .is_some_and(|rest| rest.starts_with('-')))
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, PyVersion};
    use crate::backend::external;

    #[test]
    fn a_backend_name_has_one_kind() {
        assert_eq!(Kind::of_backend("cpython-3.11"), Kind::CPython);
        assert_eq!(Kind::of_backend("pyodide-3.14"), Kind::Pyodide);
        assert_eq!(Kind::of_backend("pypy"), Kind::PyPy);
        assert_eq!(Kind::of_backend("rustpython"), Kind::RustPython);
        assert_eq!(Kind::of_backend("micropython"), Kind::MicroPython);
        assert!(!Kind::MicroPython.is_native() && !Kind::MicroPython.is_reference());
        assert_eq!(Kind::of_backend("nuitka"), Kind::Compiled);
        assert_eq!(Kind::of_backend("cython-nightly"), Kind::External);
        // External names may start like built-in ones, but never equal them.
        assert_eq!(Kind::of_backend("rustpython-0.6.0"), Kind::External);
        assert_eq!(Kind::of_backend("pypy-nightly"), Kind::External);
        assert_eq!(Kind::of_backend("cpython"), Kind::External);
        for name in ["rustpython-0.6.0", "pypy-nightly", "graalpy"] {
            let (name, _) = external::parse_interpreter(&format!("{name}=python3")).unwrap();
            assert_eq!(Kind::of_backend(&name), Kind::External);
        }
    }

    #[test]
    fn marks_name_a_kind_or_one_of_its_backends() {
        assert_eq!(
            Kind::CPython.versioned(PyVersion::new(3, 12)),
            "cpython-3.12"
        );
        for name in [
            "cpython",
            "cpython-3.12",
            "pypy",
            "rustpython-0.6.0",
            "pyodide-3.14",
        ] {
            assert!(Kind::is_markable(name), "{name}");
        }
        for name in ["external", "cpython-", "graalpy", "rustpythonx", "CPython"] {
            assert!(!Kind::is_markable(name), "{name}");
        }
        assert!(Kind::mark_applies("cpython", "cpython-3.12"));
        assert!(Kind::mark_applies("pyodide", "pyodide-3.14"));
        assert!(Kind::mark_applies("rustpython", "rustpython"));
        // Only per-version kinds stand for their backends: RustPython 0.6.0 is
        // another backend than the embedded one.
        assert!(!Kind::mark_applies("rustpython", "rustpython-0.6.0"));
        assert!(!Kind::mark_applies("cpython", "cpythonx-3.12"));
        assert!(!Kind::mark_applies("cpython-3.12", "cpython-3.11"));
    }
}
