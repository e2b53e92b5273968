//! Golden files: `expected/<topic>/<name>.txt`, what the reference CPythons observe
//! for a case, one file for every language version, written only by
//! `scripts/regen` and read back for comparison.
//!
//! After a `#` header (the case, then one `# 3.X: <build>` line per version the
//! golden holds) come the sections. A section that every version observes alike
//! is written once; one that changes is written once per variant, labelled with
//! the versions it holds for:
//!
//! ```text
//! # closure-conformance golden for cases/t/c.py; change it only through scripts/regen
//! # 3.11: CPython 3.11.7
//! # 3.12: CPython 3.12.1
//! [stdout]
//! | 1
//! [scopes 3.11]
//! …
//! [scopes 3.12]
//! …
//! ```
//!
//! Goldens are written whole, by a rename (`atomic_file.rs`).

use crate::case::Case;
use crate::observation::{Rendered, Section};
use crate::parse_error::ParseError;
use crate::version::PyVersion;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A case's expected observations, one per language version.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Golden {
    /// Per version: which build observed it (`CPython 3.12.1`) and what it observed.
    pub versions: BTreeMap<PyVersion, Reference>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub made_by: String,
    pub body: Rendered,
}

impl Golden {
    pub fn get(&self, version: PyVersion) -> Option<&Reference> {
        self.versions.get(&version)
    }

    /// The versions, as `3.6–3.15` or `3.11, 3.13–3.14` (for messages).
    pub fn describe_versions(&self) -> String {
        let all: Vec<PyVersion> = self.versions.keys().copied().collect();
        label(&all, &all)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum GoldenError {
    Missing {
        path: PathBuf,
        case: String,
    },
    Unreadable {
        path: PathBuf,
        why: String,
    },
    Malformed {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

impl std::fmt::Display for GoldenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoldenError::Missing { case, .. } => {
                write!(f, "no golden — run {}", crate::refresh::regen(case))
            }
            GoldenError::Unreadable { path, why } => {
                write!(f, "{}: cannot read golden: {why}", path.display())
            }
            GoldenError::Malformed { path, line, why } => {
                write!(
                    f,
                    "{}:{line}: malformed golden: {why} — rerun {} regen",
                    path.display(),
                    crate::refresh::TOOL
                )
            }
        }
    }
}

impl std::error::Error for GoldenError {}

pub fn path_for(expected_root: &Path, case: &Case) -> PathBuf {
    expected_root.join(format!("{}.txt", case.id))
}

const TITLE: &str = "# closure-conformance golden for ";
const TITLE_END: &str = "; change it only through scripts/regen";

/// A version label: runs of consecutive versions of `all` as `a-b`, joined by `, `.
fn label(versions: &[PyVersion], all: &[PyVersion]) -> String {
    let mut runs: Vec<(PyVersion, PyVersion)> = Vec::new();
    let mut previous_index: Option<usize> = None;
    for version in versions {
        let index = all.iter().position(|v| v == version).unwrap_or(usize::MAX);
        match (runs.last_mut(), previous_index) {
            (Some(run), Some(p)) if index == p + 1 => run.1 = *version,
            _ => runs.push((*version, *version)),
        }
        previous_index = Some(index);
    }
    runs.iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The versions a label names, among `all`.
fn parse_label(text: &str, all: &[PyVersion]) -> Result<Vec<PyVersion>, String> {
    let mut versions = Vec::new();
    for item in text.split(',') {
        let item = item.trim();
        let (first, last) = match item.split_once('-') {
            Some((a, b)) => (
                a.trim().parse::<PyVersion>()?,
                b.trim().parse::<PyVersion>()?,
            ),
            None => {
                let v = item.parse::<PyVersion>()?;
                (v, v)
            }
        };
        for bound in [first, last] {
            if !all.contains(&bound) {
                return Err(format!(
                    "version {bound} is not one of the golden's versions"
                ));
            }
        }
        versions.extend(all.iter().copied().filter(|v| *v >= first && *v <= last));
    }
    Ok(versions)
}

/// The full text of a golden file.
pub fn file_text(case: &Case, golden: &Golden) -> String {
    let mut out = format!("{TITLE}{}{TITLE_END}\n", case.display_path);
    for (version, reference) in &golden.versions {
        let _ = writeln!(out, "# {version}: {}", reference.made_by);
    }
    for section in Section::ALL {
        let variants = golden.variants(section);
        if section == Section::Fault && variants.iter().all(|v| v.text.is_empty()) {
            continue;
        }
        for variant in &variants {
            if variants.len() == 1 {
                let _ = writeln!(out, "[{}]", section.name());
            } else {
                let _ = writeln!(out, "[{} {}]", section.name(), variant.label);
            }
            out.push_str(variant.text);
        }
    }
    out
}

/// One text of a section and the versions that observe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant<'a> {
    pub versions: Vec<PyVersion>,
    /// The versions as the golden writes them: `3.6-3.11, 3.13`.
    pub label: String,
    pub text: &'a str,
}

impl Golden {
    /// A section's variants, in order of their first version; each holds for every
    /// version that observed the same text.
    pub fn variants(&self, section: Section) -> Vec<Variant<'_>> {
        let all: Vec<PyVersion> = self.versions.keys().copied().collect();
        let mut variants: Vec<Variant> = Vec::new();
        for (version, reference) in &self.versions {
            let text = reference.body.get(section);
            match variants.iter_mut().find(|v| v.text == text) {
                Some(variant) => variant.versions.push(*version),
                None => variants.push(Variant {
                    versions: vec![*version],
                    label: String::new(),
                    text,
                }),
            }
        }
        for variant in &mut variants {
            variant.label = label(&variant.versions, &all);
        }
        variants
    }
}

pub fn read(expected_root: &Path, case: &Case) -> Result<Golden, GoldenError> {
    let path = path_for(expected_root, case);
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| GoldenError::Unreadable {
            path: path.clone(),
            why: "not UTF-8".into(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(GoldenError::Missing {
                path,
                case: case.display_path.clone(),
            })
        }
        Err(e) => {
            return Err(GoldenError::Unreadable {
                path,
                why: e.to_string(),
            })
        }
    };
    parse(&text).map_err(|e| GoldenError::Malformed {
        path,
        line: e.line,
        why: e.message,
    })
}

/// Parses golden text; errors carry a 1-based line number.
pub fn parse(text: &str) -> Result<Golden, ParseError> {
    let mut made_by: BTreeMap<PyVersion, String> = BTreeMap::new();
    let mut all: Vec<PyVersion> = Vec::new();
    let mut bodies: BTreeMap<PyVersion, Rendered> = BTreeMap::new();
    // Per section, which versions it has been given for.
    let mut covered: BTreeMap<Section, Vec<PyVersion>> = BTreeMap::new();
    let mut current: Option<(Section, Vec<PyVersion>)> = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let bare = line.trim_end_matches('\n');
        if current.is_none() && bare.starts_with('#') {
            if bare.starts_with(TITLE) {
                continue;
            }
            let entry = bare.trim_start_matches('#').trim();
            let (version, build) = entry.split_once(':').ok_or(ParseError::at(
                number,
                format!("header line is not `# 3.X: <build>`: {bare:?}"),
            ))?;
            let version: PyVersion = version
                .trim()
                .parse()
                .map_err(|e| ParseError::at(number, e))?;
            if made_by.insert(version, build.trim().to_string()).is_some() {
                return Err(ParseError::at(
                    number,
                    format!("version {version} appears twice"),
                ));
            }
            all.push(version);
            bodies.insert(version, Rendered::default());
            continue;
        }
        if let Some(inner) = bare.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            if all.is_empty() {
                return Err(ParseError::at(
                    number,
                    "no `# 3.X: <build>` line names a version".into(),
                ));
            }
            let (name, versions) = match inner.split_once(' ') {
                Some((name, label)) => (
                    name,
                    parse_label(label, &all).map_err(|e| ParseError::at(number, e))?,
                ),
                None => (inner, all.clone()),
            };
            let section: Section = name.parse().map_err(|e| ParseError::at(number, e))?;
            let seen = covered.entry(section).or_default();
            if let Some(twice) = versions.iter().find(|v| seen.contains(v)) {
                return Err(ParseError::at(
                    number,
                    format!("section [{name}] is given twice for {twice}"),
                ));
            }
            seen.extend(&versions);
            current = Some((section, versions));
            continue;
        }
        match &current {
            Some((section, versions)) => {
                for version in versions {
                    if let Some(body) = bodies.get_mut(version) {
                        body.sections[*section as usize].push_str(line);
                    }
                }
            }
            None => {
                return Err(ParseError::at(
                    number,
                    "text before the first [section]".into(),
                ))
            }
        }
    }
    let required = [
        Section::Stdout,
        Section::Stderr,
        Section::Exception,
        Section::Scopes,
        Section::Cells,
    ];
    for section in required {
        let seen = covered.get(&section).cloned().unwrap_or_default();
        if let Some(missing) = all.iter().find(|v| !seen.contains(v)) {
            return Err(ParseError::at(
                text.lines().count().max(1),
                format!("section [{}] is missing for {missing}", section.name()),
            ));
        }
    }
    if all.is_empty() {
        return Err(ParseError::at(
            1,
            "no `# 3.X: <build>` line names a version".into(),
        ));
    }
    Ok(Golden {
        versions: bodies
            .into_iter()
            .map(|(version, body)| {
                let made_by = made_by.remove(&version).unwrap_or_default();
                (version, Reference { made_by, body })
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Header;

    fn case() -> Case {
        Case {
            id: "t/c".into(),
            topic: "t".into(),
            display_path: "cases/t/c.py".into(),
            path: "cases/t/c.py".into(),
            source: String::new(),
            header: Header::default(),
        }
    }

    fn body(scopes: &str) -> Rendered {
        let mut body = Rendered::default();
        body.set(Section::Stdout, "| [scopes]\n".into());
        body.set(Section::Exception, "none\n".into());
        body.set(Section::Scopes, scopes.into());
        body
    }

    fn golden(entries: &[(u32, &str)]) -> Golden {
        Golden {
            versions: entries
                .iter()
                .map(|(minor, scopes)| {
                    (
                        PyVersion::new(3, *minor),
                        Reference {
                            made_by: format!("CPython 3.{minor}.1"),
                            body: body(scopes),
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn shared_sections_are_written_once_and_variants_labelled() {
        let g = golden(&[(10, "a\n"), (11, "a\n"), (12, "b\n"), (13, "a\n")]);
        let text = file_text(&case(), &g);
        assert_eq!(
            text,
            "# closure-conformance golden for cases/t/c.py; change it only through scripts/regen\n\
             # 3.10: CPython 3.10.1\n# 3.11: CPython 3.11.1\n# 3.12: CPython 3.12.1\n# 3.13: CPython 3.13.1\n\
             [stdout]\n| [scopes]\n[stderr]\n[exception]\nnone\n\
             [scopes 3.10-3.11, 3.13]\na\n[scopes 3.12]\nb\n[cells]\n"
        );
        assert_eq!(parse(&text).unwrap(), g);
        assert_eq!(g.describe_versions(), "3.10-3.13");
    }

    #[test]
    fn one_version_round_trips() {
        let g = golden(&[(11, "a\n")]);
        assert_eq!(parse(&file_text(&case(), &g)).unwrap(), g);
    }

    #[test]
    fn malformed_goldens_name_the_line() {
        let head = "# 3.11: CPython 3.11.7\n";
        assert_eq!(
            parse(&format!("{head}oops\n")).unwrap_err(),
            ParseError::at(2, "text before the first [section]".into())
        );
        let ParseError { line, message: why } =
            parse(&format!("{head}[stdout]\n[colour]\n")).unwrap_err();
        assert_eq!(line, 3);
        assert!(why.contains("unknown section"));
        let ParseError {
            line: _,
            message: why,
        } = parse(&format!(
            "{head}[stdout]\n[stderr]\n[exception]\nnone\n[scopes]\n"
        ))
        .unwrap_err();
        assert_eq!(why, "section [cells] is missing for 3.11");
        let ParseError { line, message: _ } =
            parse(&format!("{head}[stdout]\n[stdout]\n")).unwrap_err();
        assert_eq!(line, 3);
        let ParseError {
            line: _,
            message: why,
        } = parse(&format!("{head}[stdout 3.12]\n")).unwrap_err();
        assert!(why.contains("3.12 is not one of"), "{why}");
        let ParseError {
            line: _,
            message: why,
        } = parse("[stdout]\n").unwrap_err();
        assert!(why.contains("no `# 3.X"), "{why}");
    }

    #[test]
    fn missing_and_unreadable_goldens_are_one_line_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read(dir.path(), &case()).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "no golden — run closure-conformance regen cases/t/c.py"
        );
        std::fs::create_dir_all(dir.path().join("t")).unwrap();
        std::fs::write(dir.path().join("t/c.txt"), b"\xff\xfe").unwrap();
        let unreadable = read(dir.path(), &case()).unwrap_err().to_string();
        assert!(
            unreadable.ends_with("c.txt: cannot read golden: not UTF-8"),
            "{unreadable}"
        );
    }
}
