//! Golden files: `expected/<topic>/<name>.txt`, the reference observation of a case,
//! written only by `scripts/regen` and read back for comparison.
//!
//! A golden is a two-line `#` header naming its case and the interpreter that made
//! it, then the rendered sections (see observation.rs).

use crate::case::Case;
use crate::observation::{Rendered, Section};
use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Golden {
    /// e.g. `CPython 3.11.7`.
    pub made_by: String,
    pub body: Rendered,
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
            GoldenError::Missing { case, .. } => write!(f, "no golden — run scripts/regen {case}"),
            GoldenError::Unreadable { path, why } => {
                write!(f, "{}: cannot read golden: {why}", path.display())
            }
            GoldenError::Malformed { path, line, why } => {
                write!(
                    f,
                    "{}:{line}: malformed golden: {why} — rerun scripts/regen",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for GoldenError {}

pub fn path_for(expected_root: &Path, case: &Case) -> PathBuf {
    expected_root.join(format!("{}.txt", case.id))
}

const MADE_BY: &str = "# made by scripts/regen with ";

/// The full text of a golden file.
pub fn file_text(case: &Case, made_by: &str, body: &Rendered) -> String {
    format!(
        "# closure-conformance golden for {}\n{MADE_BY}{made_by}; change it only through scripts/regen\n{}",
        case.display_path,
        body.to_text()
    )
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
    parse(&text).map_err(|(line, why)| GoldenError::Malformed { path, line, why })
}

/// Parses golden text; errors carry a 1-based line number.
pub fn parse(text: &str) -> Result<Golden, (usize, String)> {
    let mut made_by = String::new();
    let mut body = Rendered::default();
    let mut seen = Vec::new();
    let mut current: Option<Section> = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let bare = line.trim_end_matches('\n');
        if current.is_none() && bare.starts_with('#') {
            if let Some(rest) = bare.strip_prefix(MADE_BY) {
                made_by = rest.split(';').next().unwrap_or(rest).to_string();
            }
            continue;
        }
        if let Some(name) = bare.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            let section: Section = name.parse().map_err(|e| (number, e))?;
            if seen.contains(&section) {
                return Err((number, format!("section [{name}] appears twice")));
            }
            seen.push(section);
            current = Some(section);
            continue;
        }
        match current {
            Some(section) => body.sections[section as usize].push_str(line),
            None => return Err((number, "text before the first [section]".into())),
        }
    }
    let required = [
        Section::Stdout,
        Section::Stderr,
        Section::Exception,
        Section::Scopes,
        Section::Cells,
    ];
    if let Some(missing) = required.iter().find(|s| !seen.contains(s)) {
        return Err((
            text.lines().count().max(1),
            format!("section [{}] is missing", missing.name()),
        ));
    }
    Ok(Golden { made_by, body })
}

/// Writes `text` to `path` so that readers see the old file or the new one, never a
/// half-written one: a temporary file in the same directory, synced, then renamed.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
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

    fn body() -> Rendered {
        let mut body = Rendered::default();
        body.set(Section::Stdout, "| [scopes]\n".into());
        body.set(Section::Exception, "none\n".into());
        body.set(
            Section::Scopes,
            "<module>: varnames=() cellvars=() freevars=()\n".into(),
        );
        body
    }

    #[test]
    fn round_trips_through_text() {
        let text = file_text(&case(), "CPython 3.11.7", &body());
        assert!(text.starts_with("# closure-conformance golden for cases/t/c.py\n"));
        let golden = parse(&text).unwrap();
        assert_eq!(golden.made_by, "CPython 3.11.7");
        assert_eq!(golden.body, body());
    }

    #[test]
    fn malformed_goldens_name_the_line() {
        assert_eq!(
            parse("oops\n").unwrap_err(),
            (1, "text before the first [section]".into())
        );
        let (line, why) = parse("[stdout]\n[colour]\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("unknown section"));
        let (_, why) = parse("[stdout]\n[stderr]\n[exception]\nnone\n[scopes]\n").unwrap_err();
        assert_eq!(why, "section [cells] is missing");
        let (line, _) = parse("[stdout]\n[stdout]\n").unwrap_err();
        assert_eq!(line, 2);
    }

    #[test]
    fn missing_and_unreadable_goldens_are_one_line_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read(dir.path(), &case()).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "no golden — run scripts/regen cases/t/c.py"
        );
        std::fs::create_dir_all(dir.path().join("t")).unwrap();
        std::fs::write(dir.path().join("t/c.txt"), b"\xff\xfe").unwrap();
        let unreadable = read(dir.path(), &case()).unwrap_err().to_string();
        assert!(
            unreadable.ends_with("c.txt: cannot read golden: not UTF-8"),
            "{unreadable}"
        );
    }

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/c.txt");
        write_atomically(&path, "old\n").unwrap();
        write_atomically(&path, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(std::fs::read_dir(dir.path().join("t")).unwrap().count(), 1);
    }
}
