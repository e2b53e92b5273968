//! Expectations files: the known divergences of one backend, kept apart from the
//! cases, in `expectations/<backend>.toml` under the corpus root or in a file named
//! with `--expectations` (docs/expectations.md). An entry is a `# diverges:` mark
//! for that backend by another name, with the same rules: a reason is required, and
//! an entry whose case no longer diverges fails the run. `apply` adds the entries to
//! the cases' marks, so judging them, their staleness and every report are the
//! marks' own.

use crate::case::{Divergence, Site};
use crate::error::Error;
use crate::observation::Section;
use crate::session::Session;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder under the corpus root that holds `<backend>.toml`.
pub const DIR: &str = "expectations";

/// One entry: the sections its case differs in (none: any) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub sections: Vec<Section>,
    pub reason: String,
    /// Its line in the file (1 for entries not read from one).
    pub line: usize,
}

/// An expectations file: entries by case id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expectations {
    pub entries: BTreeMap<String, Entry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    cases: BTreeMap<String, toml::Spanned<RawEntry>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    reason: Option<String>,
}

/// `expectations/<backend>.toml` under `root`; under the working directory when
/// `root` is the built-in corpus, which lives in the tool's cache and is never
/// written to (an implementer keeps the file beside their own project).
pub fn default_path(root: &Path, backend: &str) -> PathBuf {
    let base = match crate::corpus::is_built_in(root) {
        true => Path::new("."),
        false => root,
    };
    base.join(DIR).join(format!("{backend}.toml"))
}

fn is_backend_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

/// A `--expectations` value: `NAME=PATH`, or a `PATH` whose file name without
/// `.toml` names the backend (`ci/myimpl.toml` is `myimpl`'s).
pub fn parse_arg(text: &str) -> Result<(String, PathBuf), String> {
    if let Some((name, path)) = text.split_once('=') {
        if is_backend_name(name) && !path.is_empty() {
            return Ok((name.to_string(), PathBuf::from(path)));
        }
    }
    let path = PathBuf::from(text);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.strip_suffix(".toml").unwrap_or(n))
        .filter(|n| is_backend_name(n));
    match name {
        Some(name) => Ok((name.to_string(), path.clone())),
        None => Err(format!(
            "--expectations takes NAME=PATH or a PATH named <backend>.toml, got {text:?}"
        )),
    }
}

/// Reads an expectations file's text; errors are one line, `FILE:LINE: why`.
pub fn parse(text: &str, shown: &str) -> Result<Expectations, String> {
    let line_of = |offset: usize| text.get(..offset).unwrap_or(text).matches('\n').count() + 1;
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |span| line_of(span.start));
        let why = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        format!("{shown}:{line}: {why}")
    })?;
    let mut entries = BTreeMap::new();
    for (case, spanned) in raw.cases {
        let line = line_of(spanned.span().start);
        let raw = spanned.into_inner();
        let reason = raw.reason.as_deref().map(str::trim).unwrap_or_default();
        if reason.is_empty() {
            return Err(format!(
                "{shown}:{line}: the entry for `{case}` needs a reason (`reason = \"…\"`), as a known divergence does"
            ));
        }
        let sections = raw
            .sections
            .iter()
            .map(|s| s.parse::<Section>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|why| format!("{shown}:{line}: the entry for `{case}`: {why}"))?;
        let reason = reason.to_string();
        entries.insert(
            case,
            Entry {
                sections,
                reason,
                line,
            },
        );
    }
    Ok(Expectations { entries })
}

/// A TOML basic string: quoted, with what must be escaped escaped.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of `backend`'s expectations file holding `expectations`.
pub fn render(backend: &str, expectations: &Expectations) -> String {
    let mut out = format!(
        "# Known divergences of {backend} from the goldens (closure-conformance expectations,\n\
         # docs/expectations.md). Each entry needs a reason; an entry whose case no longer\n\
         # diverges fails the run. `closure-conformance accept` rewrites this file and keeps\n\
         # the reasons of the entries it keeps.\n"
    );
    for (case, entry) in &expectations.entries {
        out.push_str(&format!("\n[cases.{}]\n", quoted(case)));
        if !entry.sections.is_empty() {
            let names: Vec<String> = entry.sections.iter().map(|s| quoted(s.name())).collect();
            out.push_str(&format!("sections = [{}]\n", names.join(", ")));
        }
        out.push_str(&format!("reason = {}\n", quoted(&entry.reason)));
    }
    out
}

/// A path as people see it: relative to the corpus root when under it.
pub fn shown(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.to_string_lossy().replace('\\', "/")
}

/// Reads the file at `path`: `None` when it does not exist and was not asked for.
pub fn read(root: &Path, path: &Path, asked: bool) -> Result<Option<Expectations>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !asked => return Ok(None),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    parse(&text, &shown(root, path))
        .map(Some)
        .map_err(Error::Corpus)
}

/// The file of each backend of a session that has one: `explicit` (`--expectations`)
/// for the names it gives, else `expectations/<backend>.toml` if it exists. A name in
/// `explicit` that is no backend of the session is an error.
pub fn files(
    session: &Session,
    explicit: &[(String, PathBuf)],
) -> Result<Vec<(String, PathBuf, bool)>, Error> {
    let names: Vec<&str> = session.backends.iter().map(|b| b.name.as_str()).collect();
    if let Some((name, _)) = explicit.iter().find(|(n, _)| !names.contains(&n.as_str())) {
        return Err(Error::Usage(format!(
            "--expectations names {name}, which is not a backend of this run (backends: {})",
            names.join(", ")
        )));
    }
    Ok(names
        .iter()
        .map(
            |name| match explicit.iter().rev().find(|(n, _)| n == name) {
                Some((_, path)) => (name.to_string(), path.clone(), true),
                None => (name.to_string(), default_path(&session.root, name), false),
            },
        )
        .collect())
}

/// Adds every backend's expectations to the session's cases as marks of that
/// backend. An entry naming no case of the corpus is an error (one whose case file
/// is a bad case is left to that case's own error).
pub fn apply(session: &mut Session, explicit: &[(String, PathBuf)]) -> Result<(), Error> {
    for (backend, path, asked) in files(session, explicit)? {
        let Some(expectations) = read(&session.root, &path, asked)? else {
            continue;
        };
        let file = shown(&session.root, &path);
        add(session, &backend, &expectations, &file)?;
    }
    Ok(())
}

fn add(
    session: &mut Session,
    backend: &str,
    expectations: &Expectations,
    file: &str,
) -> Result<(), Error> {
    for (id, entry) in &expectations.entries {
        let Some(case) = session.all_cases.iter_mut().find(|c| &c.id == id) else {
            if is_bad_case(session, id) {
                continue;
            }
            return Err(Error::Corpus(format!(
                "{file}:{}: no case `{id}` in the corpus (see `closure-conformance list`)",
                entry.line
            )));
        };
        case.header.divergences.push(Divergence {
            backend: backend.to_string(),
            sections: entry.sections.clone(),
            reason: entry.reason.clone(),
            entry: Some(Site {
                file: file.to_string(),
                line: entry.line,
            }),
        });
    }
    Ok(())
}

/// Whether `id` is a case file of the corpus that could not be read or parsed.
pub(crate) fn is_bad_case(session: &Session, id: &str) -> bool {
    let path = session.layout.cases.join(format!("{id}.py"));
    let shown = format!("cases/{id}.py");
    session
        .bad_cases
        .iter()
        .any(|bad| bad.path == shown || Path::new(&bad.path) == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_with_their_lines_and_renders_them_back() {
        let text = "# c\n\n[cases.\"t/a\"]\nsections = [\"stdout\", \"cells\"]\nreason = \"prints \\\"2\\\"\"\n\n[cases.\"t/b\"]\nreason = \"any\"\n";
        let read = parse(text, "x.toml").unwrap();
        let a = &read.entries["t/a"];
        assert_eq!(a.sections, [Section::Stdout, Section::Cells]);
        assert_eq!(a.reason, "prints \"2\"");
        assert_eq!(read.entries["t/b"].sections, []);
        let again = parse(&render("myimpl", &read), "x.toml").unwrap();
        let strip = |e: &Expectations| -> Vec<(String, Vec<Section>, String)> {
            e.entries
                .iter()
                .map(|(k, v)| (k.clone(), v.sections.clone(), v.reason.clone()))
                .collect()
        };
        assert_eq!(strip(&again), strip(&read));
        assert_eq!(render("myimpl", &again), render("myimpl", &read));
    }

    #[test]
    fn bad_files_are_one_line_errors_with_the_line() {
        let cases = [
            (
                "[cases.\"t/a\"]\nsections = [\"stdout\"]\n",
                "x.toml:1: the entry for `t/a` needs a reason",
            ),
            (
                "\n[cases.\"t/a\"]\nreason = \"  \"\n",
                "x.toml:2: the entry for `t/a` needs a reason",
            ),
            (
                "[cases.\"t/a\"]\nsections = [\"stdut\"]\nreason = \"r\"\n",
                "x.toml:1: the entry for `t/a`: unknown section \"stdut\"",
            ),
            (
                "[cases.\"t/a\"]\nreson = \"r\"\n",
                "x.toml:2: unknown field `reson`",
            ),
            ("[cases.\"t/a\"\n", "x.toml:1: "),
        ];
        for (text, start) in cases {
            let error = parse(text, "x.toml").unwrap_err();
            assert!(error.starts_with(start), "{text:?}: {error}");
            assert!(!error.contains('\n'), "{error}");
        }
    }

    #[test]
    fn arguments_name_a_backend_and_a_file() {
        assert_eq!(
            parse_arg("myimpl=ci/known.toml").unwrap(),
            ("myimpl".to_string(), PathBuf::from("ci/known.toml"))
        );
        assert_eq!(
            parse_arg("ci/graalpy-24.toml").unwrap(),
            (
                "graalpy-24".to_string(),
                PathBuf::from("ci/graalpy-24.toml")
            )
        );
        assert!(parse_arg("ci/my impl.toml").is_err());
    }
}
