//! The kinds of interpreter, and which kind a backend name belongs to.

/// The kinds of interpreter, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    CPython,
    Pyodide,
    PyPy,
    RustPython,
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
            "cython" | "nuitka" | "mypyc" => Kind::Compiled,
            _ if name.starts_with("cpython-") => Kind::CPython,
            _ if name.starts_with("pyodide-") => Kind::Pyodide,
            _ => Kind::External,
        }
    }

    pub const ALL: [Kind; 6] = [
        Kind::CPython,
        Kind::Pyodide,
        Kind::PyPy,
        Kind::RustPython,
        Kind::Compiled,
        Kind::External,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::CPython => "cpython",
            Kind::Pyodide => "pyodide",
            Kind::PyPy => "pypy",
            Kind::RustPython => "rustpython",
            Kind::Compiled => "compiled",
            Kind::External => "external",
        }
    }

    /// Whether its workers are native processes, started in our sandbox
    /// (src/sandbox/); Pyodide's host runs under Node with its own containment.
    pub fn is_native(self) -> bool {
        self != Kind::Pyodide
    }

    /// Whether its observations are CPython's, and so may make goldens.
    pub fn is_reference(self) -> bool {
        matches!(self, Kind::CPython | Kind::Pyodide)
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;
    use crate::backend::external;

    #[test]
    fn a_backend_name_has_one_kind() {
        assert_eq!(Kind::of_backend("cpython-3.11"), Kind::CPython);
        assert_eq!(Kind::of_backend("pyodide-3.14"), Kind::Pyodide);
        assert_eq!(Kind::of_backend("pypy"), Kind::PyPy);
        assert_eq!(Kind::of_backend("rustpython"), Kind::RustPython);
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
}
