//! Python language versions (`3.11`) and version specs such as `>=3.11` or
//! `>=3.8,<3.12` (the `requires:` header key).

use std::fmt;
use std::str::FromStr;

/// A language version, major.minor: what a golden variant is keyed by and what a
/// backend is judged against (`3.14.2` and `3.14.0` are both `3.14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyVersion {
    pub major: u32,
    pub minor: u32,
}

impl PyVersion {
    pub const fn new(major: u32, minor: u32) -> PyVersion {
        PyVersion { major, minor }
    }

    /// The language version of a full version string: `3.14.2`, `3.15.0rc1`, `3.12`.
    pub fn of(full: &str) -> Option<PyVersion> {
        let mut parts = full.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor: String = parts
            .next()?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        Some(PyVersion::new(major, minor.parse().ok()?))
    }

    /// The version as a spec sees it (`3.14.0`), so that `<3.12` and `>=3.11` work.
    pub fn as_full(self) -> String {
        format!("{}.{}.0", self.major, self.minor)
    }
}

impl fmt::Display for PyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for PyVersion {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.split_once('.') {
            Some((_, minor)) if !minor.contains('.') => {
                PyVersion::of(text).ok_or_else(|| format!("bad Python version {text:?}"))
            }
            _ => Err(format!(
                "bad Python version {text:?} (expected major.minor, e.g. 3.12)"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VersionSpec {
    text: String,
    clauses: Vec<(Op, Vec<u32>)>,
}

fn parse_version(text: &str) -> Option<Vec<u32>> {
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    parts.filter(|p| !p.is_empty() && p.len() <= 3)
}

impl FromStr for VersionSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let clauses = text
            .split(',')
            .map(|clause| {
                let clause = clause.trim();
                let (op, rest) = [
                    (">=", Op::Ge),
                    ("<=", Op::Le),
                    ("==", Op::Eq),
                    (">", Op::Gt),
                    ("<", Op::Lt),
                ]
                .into_iter()
                .find_map(|(symbol, op)| clause.strip_prefix(symbol).map(|rest| (op, rest)))
                .ok_or_else(|| {
                    format!("version spec clause {clause:?} must start with >=, >, <=, < or ==")
                })?;
                let version = parse_version(rest.trim())
                    .ok_or_else(|| format!("bad version {rest:?} in spec {text:?}"))?;
                Ok((op, version))
            })
            .collect::<Result<_, String>>()?;
        Ok(VersionSpec {
            text: text.to_string(),
            clauses,
        })
    }
}

impl VersionSpec {
    /// Whether a version like `3.11.7` satisfies every clause. A clause compares only
    /// as many components as it names: `<3.12` holds for 3.11.9, `==3.11` for 3.11.7.
    pub fn matches_language(&self, version: PyVersion) -> bool {
        self.matches(&version.as_full())
    }

    pub fn matches(&self, version: &str) -> bool {
        let Some(version) = parse_version(version) else {
            return false;
        };
        self.clauses.iter().all(|(op, bound)| {
            let actual: Vec<u32> = (0..bound.len())
                .map(|i| version.get(i).copied().unwrap_or(0))
                .collect();
            let order = actual.cmp(bound);
            match op {
                Op::Ge => order.is_ge(),
                Op::Gt => order.is_gt(),
                Op::Le => order.is_le(),
                Op::Lt => order.is_lt(),
                Op::Eq => order.is_eq(),
            }
        })
    }
}

impl fmt::Display for VersionSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_compare_named_components() {
        let spec: VersionSpec = ">=3.8,<3.12".parse().unwrap();
        assert!(spec.matches("3.8.0") && spec.matches("3.11.7"));
        assert!(!spec.matches("3.12.1") && !spec.matches("3.7.16"));
        assert!("==3.11".parse::<VersionSpec>().unwrap().matches("3.11.7"));
        assert!(">3.11".parse::<VersionSpec>().unwrap().matches("3.12.0"));
        assert!(!">3.11".parse::<VersionSpec>().unwrap().matches("3.11.7"));
        assert!("<=3.13".parse::<VersionSpec>().unwrap().matches("3.13.0"));
    }

    #[test]
    fn language_versions_drop_the_patch_level() {
        assert_eq!(PyVersion::of("3.15.0rc1"), Some(PyVersion::new(3, 15)));
        assert_eq!(PyVersion::of("3.9.18"), Some(PyVersion::new(3, 9)));
        assert!(PyVersion::new(3, 9) < PyVersion::new(3, 10));
        assert_eq!("3.10".parse::<PyVersion>().unwrap().to_string(), "3.10");
        assert!("3.10.1".parse::<PyVersion>().is_err());
        let spec: VersionSpec = ">=3.11".parse().unwrap();
        assert!(spec.matches_language(PyVersion::new(3, 11)));
        assert!(!spec.matches_language(PyVersion::new(3, 10)));
    }

    #[test]
    fn rejects_malformed_specs() {
        assert!("3.11".parse::<VersionSpec>().is_err());
        assert!(">=three".parse::<VersionSpec>().is_err());
        assert!(">=3.11,".parse::<VersionSpec>().is_err());
    }
}
