//! Cases: the Python files under `cases/<topic>/<name>.py` and their header blocks.
//!
//! The header is the leading run of `# key: value` lines (see docs/case-format.md).
//! Every malformed line is an error naming the file and line, so a typo in a
//! divergence mark can never silently turn a failure into a pass.

use crate::observation::Section;
use crate::version::VersionSpec;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The memory a case may use when its header does not say (`# memory: …`): 4 GiB.
pub const DEFAULT_MEMORY_LIMIT: u64 = 4 << 30;

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;
/// The range a `# memory:` header may ask for.
pub const MEMORY_LIMITS: std::ops::RangeInclusive<u64> = 16 * MIB..=64 * GIB;

/// A case file, read and parsed.
#[derive(Debug, Clone)]
pub struct Case {
    /// `topic/name`, the case's identity in test names, goldens and reports.
    pub id: String,
    pub topic: String,
    /// Path as given to interpreters and shown to people: `cases/topic/name.py`.
    pub display_path: String,
    pub path: PathBuf,
    pub source: String,
    pub header: Header,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub description: String,
    pub source: String,
    pub rules: Vec<String>,
    pub timeout: Option<Duration>,
    /// `memory: 512 MiB`: the case's memory cap, in bytes.
    pub memory: Option<u64>,
    pub requires: Option<VersionNote>,
    pub divergences: Vec<Divergence>,
    /// `reference-bug:` marks: golden variants that record a CPython bug (`refbug.rs`).
    pub reference_bugs: Vec<crate::refbug::ReferenceBug>,
    /// `cause:` the one root cause the case shows, when it names one (`cause.rs`).
    pub cause: Option<String>,
    pub notes: Vec<String>,
    /// `identity: <backend>: <what>`: the root cause a fuzzer finding shows
    /// (src/fuzz/identity.rs).
    pub identity: Option<String>,
    /// `same-cause: <backend>: <what>`: another identity of the cause this case
    /// shows, whose own witness was merged into this case (src/fuzz/known.rs links
    /// a finding with it to this case).
    pub same_cause: Vec<String>,
}

/// `requires: <spec> — <why>`: the Python versions the case can run on at all (it
/// uses a feature older versions lack). Goldens hold only those versions; other
/// backends skip the case with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionNote {
    pub spec: VersionSpec,
    pub why: String,
}

/// `diverges: <backend> [<section>,…]: <reason>`: a known difference from the golden.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    pub backend: String,
    /// The sections allowed to differ; empty means any.
    pub sections: Vec<Section>,
    pub reason: String,
    /// Where the entry is when it comes from an expectations file rather than
    /// the case's header (`expectations.rs`).
    pub entry: Option<crate::expectations::Site>,
}

/// A problem with a case file, reported as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for CaseError {}

impl Case {
    pub fn timeout(&self) -> Duration {
        self.header.timeout.unwrap_or(DEFAULT_TIMEOUT)
    }

    /// The memory cap of the worker that runs this case, in bytes: the header's
    /// `# memory:`, else `DEFAULT_MEMORY_LIMIT`.
    pub fn memory_limit(&self) -> u64 {
        self.header.memory.unwrap_or(DEFAULT_MEMORY_LIMIT)
    }

    /// The divergence marks that apply to one backend: those naming it, and for the
    /// kinds with one backend per version, those naming the kind (`cpython` applies
    /// to `cpython-3.12`, `pyodide` to `pyodide-3.14`).
    pub fn divergences_for<'a>(&'a self, backend: &'a str) -> impl Iterator<Item = &'a Divergence> {
        self.header.divergences.iter().filter(move |d| {
            d.backend == backend
                || (["cpython", "pyodide"].contains(&d.backend.as_str())
                    && backend
                        .strip_prefix(d.backend.as_str())
                        .is_some_and(|rest| rest.starts_with('-')))
        })
    }

    /// Reads and parses one case file. `root` is the cases directory.
    pub fn load(root: &Path, path: &Path) -> Result<Case, CaseError> {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let shown = shown_path(root, path);
        // The id names the golden: a lossy conversion would give two files one id.
        let Some(display_path) = shown.to_str().map(|p| p.replace('\\', "/")) else {
            return Err(CaseError {
                path: escape_non_utf8(shown.as_os_str()),
                line: None,
                message: "file name is not UTF-8".into(),
            });
        };
        let error = |message: String| CaseError {
            path: display_path.clone(),
            line: None,
            message,
        };
        let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
        let source = String::from_utf8(bytes).map_err(|e| {
            error(format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let components: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if components.len() != 2 {
            return Err(error("a case must be <cases dir>/<topic>/<name>.py".into()));
        }
        let header = parse_header(&source).map_err(|(line, message)| CaseError {
            path: display_path.clone(),
            line: Some(line),
            message,
        })?;
        Ok(Case {
            id: components.join("/"),
            topic: components[0].clone(),
            display_path,
            path: path.to_path_buf(),
            source,
            header,
        })
    }
}

const KNOWN_KEYS: &str =
    "description, source, rules, timeout, memory, requires, diverges, reference-bug, cause, note, identity, same-cause";

/// Parses the header block; errors carry a 1-based line number.
pub fn parse_header(source: &str) -> Result<Header, (usize, String)> {
    let mut header = Header::default();
    let (mut description, mut origin, mut rules) = (None, None, None);
    let mut last_line = 0;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        last_line = number;
        if comment.starts_with('!') && number == 1 {
            continue; // a shebang line is allowed before the header
        }
        let Some((key, value)) = comment.split_once(':') else {
            return Err((
                number,
                format!("header line is not `# key: value`: {line:?}"),
            ));
        };
        let (key, value) = (key.trim(), value.trim());
        if value.is_empty() {
            return Err((number, format!("header key `{key}` has no value")));
        }
        let once = |slot: &mut Option<String>| -> Result<(), (usize, String)> {
            if slot.replace(value.to_string()).is_some() {
                return Err((number, format!("header key `{key}` given twice")));
            }
            Ok(())
        };
        match key {
            "description" => once(&mut description)?,
            "source" => once(&mut origin)?,
            "rules" => once(&mut rules)?,
            "timeout" => {
                let seconds: f64 = value
                    .parse()
                    .ok()
                    .filter(|s: &f64| *s > 0.0 && *s <= 600.0)
                    .ok_or((
                        number,
                        format!("timeout must be seconds in (0, 600], got {value:?}"),
                    ))?;
                if header
                    .timeout
                    .replace(Duration::from_secs_f64(seconds))
                    .is_some()
                {
                    return Err((number, "header key `timeout` given twice".into()));
                }
            }
            "memory" => {
                let bytes = parse_memory(value).map_err(|m| (number, m))?;
                if header.memory.replace(bytes).is_some() {
                    return Err((number, "header key `memory` given twice".into()));
                }
            }
            "requires" => {
                let note = parse_version_note(value).map_err(|m| (number, m))?;
                if header.requires.replace(note).is_some() {
                    return Err((number, "header key `requires` given twice".into()));
                }
            }
            "diverges" => header
                .divergences
                .push(parse_divergence(value).map_err(|m| (number, m))?),
            "reference-bug" => header
                .reference_bugs
                .push(crate::refbug::parse(value).map_err(|m| (number, m))?),
            "cause" => {
                let cause = crate::cause::parse(value).map_err(|m| (number, m))?;
                if header.cause.replace(cause).is_some() {
                    return Err((number, "header key `cause` given twice".into()));
                }
            }
            "note" => header.notes.push(value.to_string()),
            "identity" => {
                if header.identity.replace(value.to_string()).is_some() {
                    return Err((number, "header key `identity` given twice".into()));
                }
            }
            "same-cause" => match value.split_once(": ") {
                Some((backend, what)) if !backend.is_empty() && !what.is_empty() => {
                    header.same_cause.push(value.to_string())
                }
                _ => {
                    return Err((
                        number,
                        format!("`same-cause:` takes `<backend>: <identity>`, got {value:?}"),
                    ))
                }
            },
            _ => {
                return Err((
                    number,
                    format!("unknown header key `{key}` (known: {KNOWN_KEYS})"),
                ))
            }
        }
    }
    let missing = |what: &str| (last_line.max(1), format!("header lacks `# {what}: …`"));
    header.description = description.ok_or_else(|| missing("description"))?;
    header.source = origin.ok_or_else(|| missing("source"))?;
    let rules = rules.ok_or_else(|| missing("rules"))?;
    header.rules = rules.split(',').map(|r| r.trim().to_string()).collect();
    if let Some(bad) = header.rules.iter().find(|r| !is_rule_id(r)) {
        return Err((1, format!("rule id {bad:?} is not `topic/slug`")));
    }
    Ok(header)
}

fn is_rule_id(id: &str) -> bool {
    let ok = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    matches!(id.split_once('/'), Some((topic, slug)) if ok(topic) && ok(slug))
}

/// `512 MiB`, `8 GiB`, `1.5 GiB`: a memory size in bytes (rounded down to a whole
/// byte), within `MEMORY_LIMITS`.
pub fn parse_memory(value: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB (e.g. `512 MiB`, `8 GiB`), got {value:?}"
        )
    };
    let (number, unit) = match value.trim().strip_suffix("MiB") {
        Some(number) => (number, MIB),
        None => match value.trim().strip_suffix("GiB") {
            Some(number) => (number, GIB),
            None => return Err(bad()),
        },
    };
    let number = number.trim();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || number.ends_with('.') {
        return Err(bad());
    }
    // Exact decimal arithmetic: 0.1 GiB is 107374182 bytes, not a float's guess.
    let scale = 10u128.checked_pow(fraction.len() as u32);
    let bytes = format!("{whole}{fraction}")
        .parse::<u128>()
        .ok()
        .zip(scale)
        .and_then(|(n, scale)| n.checked_mul(u128::from(unit)).map(|n| n / scale));
    match bytes.and_then(|b| u64::try_from(b).ok()) {
        Some(bytes) if MEMORY_LIMITS.contains(&bytes) => Ok(bytes),
        _ => Err(bad()),
    }
}

fn parse_version_note(value: &str) -> Result<VersionNote, String> {
    let (spec, why) = value.split_once(' ').unwrap_or((value, ""));
    let why = why.trim().trim_start_matches(['—', '-', ':']).trim();
    if why.is_empty() {
        return Err("`requires:` needs a reason after the version spec: `<spec> — <why>`".into());
    }
    Ok(VersionNote {
        spec: spec.parse()?,
        why: why.to_string(),
    })
}

/// The kinds of backend a known divergence can name (backend::Kind, less
/// `external`, whose names are the user's own).
pub const MARKABLE_KINDS: [&str; 4] = ["cpython", "pyodide", "pypy", "rustpython"];

/// A kind (`rustpython`) or one of its backends (`rustpython-0.6.0`, `cpython-3.12`):
/// a typo must be an error, or its mark could never apply nor go stale.
fn is_markable(backend: &str) -> bool {
    MARKABLE_KINDS.iter().any(|kind| {
        backend == *kind
            || backend
                .strip_prefix(kind)
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|version| !version.is_empty())
    })
}

fn parse_divergence(value: &str) -> Result<Divergence, String> {
    let (target, reason) = value
        .split_once(':')
        .ok_or("`diverges:` takes `<backend> [<section>,…]: <reason>`")?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("a known divergence needs a reason".into());
    }
    let mut words = target.trim().splitn(2, char::is_whitespace);
    let backend = words.next().unwrap_or_default().to_string();
    if backend.is_empty() {
        return Err("`diverges:` names no backend".into());
    }
    if !is_markable(&backend) {
        return Err(format!(
            "`diverges:` names an unknown backend `{backend}` (known: {}, or one of their \
             backends such as cpython-3.12 or rustpython-0.6.0)",
            MARKABLE_KINDS.join(", ")
        ));
    }
    let sections = match words.next() {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|s| s.trim().parse::<Section>())
            .collect::<Result<_, _>>()?,
    };
    Ok(Divergence {
        backend,
        sections,
        reason: reason.to_string(),
        entry: None,
    })
}

/// A path under the cases directory as people see it: relative to the suite root,
/// `cases/topic/name.py` for the corpus.
fn shown_path(root: &Path, path: &Path) -> PathBuf {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let root_name = root
        .file_name()
        .map(Path::new)
        .unwrap_or(Path::new("cases"));
    match relative.as_os_str().is_empty() {
        true => root_name.to_path_buf(),
        false => root_name.join(relative),
    }
}

/// A path that is not UTF-8, with its invalid bytes shown as `\xNN`.
fn escape_non_utf8(path: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in path.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out
}

/// Cases that share an id would share a golden and overwrite each other's: each
/// such group is an error naming every file, and none of them runs.
fn reject_duplicate_ids(cases: Vec<Case>) -> (Vec<Case>, Vec<CaseError>) {
    let mut by_id: std::collections::BTreeMap<String, Vec<Case>> = Default::default();
    for case in cases {
        by_id.entry(case.id.clone()).or_default().push(case);
    }
    let (mut unique, mut errors) = (Vec::new(), Vec::new());
    for (id, mut group) in by_id {
        if group.len() == 1 {
            unique.append(&mut group);
            continue;
        }
        let others: Vec<&str> = group[1..].iter().map(|c| c.display_path.as_str()).collect();
        errors.push(CaseError {
            path: group[0].display_path.clone(),
            line: None,
            message: format!(
                "has the same id `{id}` as {}, so they would share one golden; rename one",
                others.join(", ")
            ),
        });
    }
    (unique, errors)
}

/// Whether a file or directory name starts with `.`.
fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.as_encoded_bytes().starts_with(b"."))
}

/// Why walking the cases directory failed at one entry, as a case error: a symlink
/// loop, a symlink to nothing, an unreadable directory.
fn walk_error(root: &Path, error: &walkdir::Error) -> CaseError {
    let shown = |path: &Path| escape_non_utf8(shown_path(root, path).as_os_str());
    let path = error.path().map(shown).unwrap_or_else(|| shown(root));
    let message = match (error.loop_ancestor(), error.io_error()) {
        (Some(ancestor), _) => format!(
            "symlink loop: it leads back to {}, not followed",
            shown(ancestor)
        ),
        (None, Some(io)) => {
            let dangling = error
                .path()
                .and_then(|p| p.symlink_metadata().ok())
                .is_some_and(|m| m.file_type().is_symlink());
            match dangling {
                true => format!("broken symlink: {io}"),
                false => format!("cannot read: {io}"),
            }
        }
        (None, None) => error.to_string(),
    };
    CaseError {
        path,
        line: None,
        message,
    }
}

/// Every `*.py` under `root`, sorted by id, following symlinks (to files and to
/// directories). Errors are collected, not fatal: one bad case, symlink loop or
/// broken symlink must not hide the others. Hidden entries (`.name`: editor
/// lock files, temporaries) are not cases and are not read.
pub fn discover(root: &Path) -> Result<(Vec<Case>, Vec<CaseError>), CaseError> {
    if !root.is_dir() {
        return Err(CaseError {
            path: root.display().to_string(),
            line: None,
            message: "cases directory not found".into(),
        });
    }
    let (mut cases, mut errors) = (Vec::new(), Vec::new());
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !hidden(entry.path()));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            // Errors bypass filter_entry: an editor's lock file is a dangling symlink.
            Err(e) if e.depth() > 0 && e.path().is_some_and(hidden) => continue,
            Err(e) => {
                errors.push(walk_error(root, &e));
                continue;
            }
        };
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "py") {
            match Case::load(root, entry.path()) {
                Ok(case) => cases.push(case),
                Err(e) => errors.push(e),
            }
        }
    }
    let (cases, duplicates) = reject_duplicate_ids(cases);
    errors.extend(duplicates);
    Ok((cases, errors))
}

/// Zero cases is an error, not an empty success: a run that checks nothing must
/// never pass for one that checked everything.
pub fn require_cases(root: &Path, cases: &[Case]) -> Result<(), String> {
    if cases.is_empty() {
        return Err(format!(
            "no cases in {} (a case is {}/<topic>/<name>.py)",
            root.display(),
            root.display()
        ));
    }
    Ok(())
}

/// `select`, but a filter that matches no case at all is an error.
pub fn select_some<'a>(cases: &'a [Case], filters: &[String]) -> Result<Vec<&'a Case>, String> {
    let selected = select(cases, filters);
    if selected.is_empty() {
        return Err(match filters.is_empty() {
            true => "no cases to run".to_string(),
            false => format!(
                "no case matches {} (see `closure-conformance list`)",
                filters.join(" ")
            ),
        });
    }
    Ok(selected)
}

/// Keeps the cases matching any filter (a substring of the id or of `cases/…` path);
/// no filters keep all.
pub fn select<'a>(cases: &'a [Case], filters: &[String]) -> Vec<&'a Case> {
    cases
        .iter()
        .filter(|case| filters.is_empty() || matches_any(filters, &[&case.id, &case.display_path]))
        .collect()
}

/// Whether any filter (less a `.py`) is a substring of any of `names`.
pub fn matches_any(filters: &[String], names: &[&str]) -> bool {
    filters.iter().any(|f| {
        let f = f.trim_end_matches(".py");
        names.iter().any(|name| name.contains(f))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "# description: d\n# source: rule: r\n# rules: a/b\n";

    #[test]
    fn parses_every_key() {
        let source = "# description: A counter.\n# source: seed 000 — make_counter\n\
            # rules: counters/nonlocal, introspection/freevars\n# timeout: 2.5\n# memory: 512 MiB\n\
            # requires: >=3.11 — exec() takes closure= from 3.11\n\
            # diverges: rustpython scopes, cells: no listcomp code object\n\
            # note: ported from Python 2\n# identity: rustpython: scopes: function cellvars missing: walrus target\n\
            \nprint(1)\n# not header\n";
        let header = parse_header(source).unwrap();
        assert_eq!(
            header.identity.as_deref(),
            Some("rustpython: scopes: function cellvars missing: walrus target")
        );
        let minimal = "# description: d\n# source: s\n# rules: r/x\n";
        let merged = parse_header(&format!(
            "{minimal}# same-cause: rustpython: stdout: N vs N\n"
        ))
        .unwrap();
        assert_eq!(merged.same_cause, ["rustpython: stdout: N vs N"]);
        let bad = parse_header(&format!("{minimal}# same-cause: no backend\n")).unwrap_err();
        assert!(bad.1.contains("`same-cause:` takes"), "{bad:?}");
        assert_eq!(header.description, "A counter.");
        assert_eq!(header.source, "seed 000 — make_counter");
        assert_eq!(
            header.rules,
            ["counters/nonlocal", "introspection/freevars"]
        );
        assert_eq!(header.timeout, Some(Duration::from_millis(2500)));
        assert_eq!(header.memory, Some(512 << 20));
        let python = header.requires.unwrap();
        assert_eq!(python.why, "exec() takes closure= from 3.11");
        assert!(python.spec.matches("3.11.7") && !python.spec.matches("3.10.13"));
        assert_eq!(
            header.divergences,
            [Divergence {
                backend: "rustpython".into(),
                sections: vec![Section::Scopes, Section::Cells],
                reason: "no listcomp code object".into(),
                entry: None,
            }]
        );
        assert_eq!(header.notes, ["ported from Python 2"]);
    }

    #[test]
    fn memory_is_mib_or_gib_within_range_and_defaults_to_4_gib() {
        let good = [
            ("512 MiB", 512 << 20),
            ("8 GiB", 8 << 30),
            ("1.5 GiB", 3 << 29),
            ("0.1 GiB", 107_374_182),
            ("16 MiB", 16 << 20),
            ("64 GiB", 64 << 30),
            ("64.000 GiB", 64 << 30),
            ("2048MiB", 2 << 30),
            ("  100.25 MiB ", 105_119_744),
        ];
        for (text, bytes) in good {
            assert_eq!(parse_memory(text), Ok(bytes), "{text}");
        }
        let bad = [
            "15 MiB",
            "15.99 MiB",
            "64.01 GiB",
            "65536.1 MiB",
            "99999999999999999999999999999999999999999 GiB",
            "8",
            "8 GB",
            "8 gib",
            "8 KiB",
            "GiB",
            "-1 GiB",
            "+1 GiB",
            "1e3 MiB",
            "1. GiB",
            ".5 GiB",
            "1.2.3 GiB",
            "nan GiB",
            "1 000 MiB",
        ];
        for text in bad {
            let error = parse_memory(text).unwrap_err();
            assert_eq!(
                error,
                format!("memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB (e.g. `512 MiB`, `8 GiB`), got {text:?}")
            );
        }
        let mut case = Case {
            id: "t/c".into(),
            topic: "t".into(),
            display_path: "cases/t/c.py".into(),
            path: "cases/t/c.py".into(),
            source: String::new(),
            header: parse_header(MINIMAL).unwrap(),
        };
        assert_eq!(case.header.memory, None);
        assert_eq!(case.memory_limit(), DEFAULT_MEMORY_LIMIT);
        assert_eq!(DEFAULT_MEMORY_LIMIT, 4 * 1024 * 1024 * 1024);
        case.header = parse_header(&format!("{MINIMAL}# memory: 8 GiB\n")).unwrap();
        assert_eq!(case.memory_limit(), 8 << 30);
    }

    #[test]
    fn a_divergence_must_name_a_known_backend() {
        for good in [
            "rustpython",
            "cpython-3.12",
            "pyodide-3.15",
            "rustpython-0.6.0",
            "pypy",
        ] {
            let header = parse_header(&format!("{MINIMAL}# diverges: {good}: differs\n"));
            assert_eq!(header.unwrap().divergences[0].backend, good);
        }
        for typo in ["rustpyton", "cpython-", "CPython", "external", "graalpy-24"] {
            let error = parse_header(&format!("{MINIMAL}# diverges: {typo}: differs\n"));
            let (line, message) = error.unwrap_err();
            assert_eq!(line, 4);
            assert!(
                message.starts_with(&format!("`diverges:` names an unknown backend `{typo}`")),
                "{message}"
            );
        }
        // The kinds a mark may name are the backend kinds but `external`.
        let kinds: Vec<&str> = crate::backend::Kind::ALL
            .iter()
            .map(|kind| kind.name())
            .filter(|name| *name != "external")
            .collect();
        assert_eq!(kinds, MARKABLE_KINDS);
    }

    #[test]
    fn divergence_without_sections_means_any() {
        let header = parse_header(&format!("{MINIMAL}# diverges: pypy: differs\n")).unwrap();
        assert!(header.divergences[0].sections.is_empty());
        assert_eq!(header.divergences[0].backend, "pypy");
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                format!("{MINIMAL}# colour: red\n"),
                4,
                "unknown header key `colour`",
            ),
            (
                format!("{MINIMAL}# just a comment\n"),
                4,
                "not `# key: value`",
            ),
            (format!("{MINIMAL}# rules: x/y\n"), 4, "given twice"),
            (
                format!("{MINIMAL}# timeout: soon\n"),
                4,
                "timeout must be seconds",
            ),
            (
                format!("{MINIMAL}# memory: 1 GiB\n# memory: 2 GiB\n"),
                5,
                "header key `memory` given twice",
            ),
            (
                format!("{MINIMAL}# memory: 8 GB\n"),
                4,
                "memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB",
            ),
            (
                format!("{MINIMAL}# diverges: rustpython\n"),
                4,
                "takes `<backend>",
            ),
            (
                format!("{MINIMAL}# diverges: rustpython:  \n"),
                4,
                "needs a reason",
            ),
            (
                format!("{MINIMAL}# diverges: rustpython stdut: x\n"),
                4,
                "unknown section",
            ),
            (
                format!("{MINIMAL}# requires: >=3.11\n"),
                4,
                "needs a reason",
            ),
            (format!("{MINIMAL}# requires: 3.x — y\n"), 4, "version"),
            (
                format!("{MINIMAL}# python: >=3.11 — y\n"),
                4,
                "unknown header key",
            ),
            (
                "# description: d\n# rules: a/b\n".to_string(),
                2,
                "lacks `# source",
            ),
            ("print(1)\n".to_string(), 1, "lacks `# description"),
            (
                "# description: d\n# source: s\n# rules: Nope\n".to_string(),
                1,
                "not `topic/slug`",
            ),
        ];
        for (source, line, message) in cases {
            let (got_line, got) = parse_header(&source).unwrap_err();
            assert_eq!(got_line, line, "{source:?} → {got}");
            assert!(
                got.contains(message),
                "{source:?}: {got:?} lacks {message:?}"
            );
        }
    }

    #[test]
    fn zero_cases_is_an_error() {
        let root = Path::new("cases");
        assert_eq!(
            require_cases(root, &[]).unwrap_err(),
            "no cases in cases (a case is cases/<topic>/<name>.py)"
        );
        let case = Case {
            id: "t/counter".into(),
            topic: "t".into(),
            display_path: "cases/t/counter.py".into(),
            path: "cases/t/counter.py".into(),
            source: String::new(),
            header: Header::default(),
        };
        let cases = [case];
        assert!(require_cases(root, &cases).is_ok());
        assert_eq!(select_some(&cases, &["count".into()]).unwrap().len(), 1);
        assert_eq!(
            select_some(&cases, &["nope".into(), "none".into()]).unwrap_err(),
            "no case matches nope none (see `closure-conformance list`)"
        );
    }

    #[test]
    fn non_utf8_file_names_are_bad_cases_not_one_lossy_id() {
        use std::os::unix::ffi::OsStrExt as _;
        let parent = tempfile::tempdir().unwrap();
        let root = parent.path().join("cases");
        let topic = root.join("t");
        std::fs::create_dir_all(&topic).unwrap();
        // Both would be `t/caf\u{fffd}` through to_string_lossy, and share a golden.
        for name in [&b"caf\xe9.py"[..], b"caf\xe8.py"] {
            std::fs::write(topic.join(std::ffi::OsStr::from_bytes(name)), MINIMAL).unwrap();
        }
        let odd_topic = root.join(std::ffi::OsStr::from_bytes(b"t\xff"));
        std::fs::create_dir_all(&odd_topic).unwrap();
        std::fs::write(odd_topic.join("x.py"), MINIMAL).unwrap();
        std::fs::write(topic.join("good.py"), MINIMAL).unwrap();
        let (cases, errors) = discover(&root).unwrap();
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["t/good"]);
        let mut errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        errors.sort();
        assert_eq!(
            errors,
            [
                "cases/t/caf\\xe8.py: file name is not UTF-8",
                "cases/t/caf\\xe9.py: file name is not UTF-8",
                "cases/t\\xff/x.py: file name is not UTF-8",
            ]
        );
    }

    #[test]
    fn cases_sharing_an_id_are_all_errors_naming_every_file() {
        let case = |id: &str, path: &str| Case {
            id: id.into(),
            topic: "t".into(),
            display_path: path.into(),
            path: path.into(),
            source: String::new(),
            header: Header::default(),
        };
        let (cases, errors) = reject_duplicate_ids(vec![
            case("t/b", "cases/t/b.py"),
            case("t/a", "cases/t/a.py"),
            case("t/b", "cases/t/b2.py"),
            case("t/b", "cases/t/b3.py"),
        ]);
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["t/a"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "cases/t/b.py: has the same id `t/b` as cases/t/b2.py, cases/t/b3.py, so they would share one golden; rename one"
        );
    }

    #[test]
    fn symlinks_are_followed_and_loops_and_dangling_links_reported() {
        use std::os::unix::fs::symlink;
        let parent = tempfile::tempdir().unwrap();
        let root = parent.path().join("cases");
        std::fs::create_dir_all(root.join("t")).unwrap();
        std::fs::create_dir_all(parent.path().join("elsewhere")).unwrap();
        std::fs::write(parent.path().join("elsewhere/shared.py"), MINIMAL).unwrap();
        std::fs::write(root.join("t/real.py"), MINIMAL).unwrap();
        // A case file that is a symlink, to a file inside or outside the corpus.
        symlink("real.py", root.join("t/alias.py")).unwrap();
        symlink(
            parent.path().join("elsewhere/shared.py"),
            root.join("t/shared.py"),
        )
        .unwrap();
        // A topic that is a symlink to a directory.
        symlink(parent.path().join("elsewhere"), root.join("linked")).unwrap();
        // A loop, a symlink to nothing, and an editor's lock file (hidden, skipped).
        symlink("..", root.join("t/loop")).unwrap();
        symlink("gone.py", root.join("t/broken.py")).unwrap();
        symlink("user@host.1234", root.join("t/.#real.py")).unwrap();
        let (cases, errors) = discover(&root).unwrap();
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["linked/shared", "t/alias", "t/real", "t/shared"]);
        assert_eq!(cases[1].display_path, "cases/t/alias.py");
        assert_eq!(cases[1].source, MINIMAL);
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("cases/t/broken.py: broken symlink: "),
            "{errors:?}"
        );
        assert_eq!(
            errors[1],
            "cases/t/loop: symlink loop: it leads back to cases, not followed"
        );
    }

    #[test]
    fn load_rejects_non_utf8_and_bad_layout() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("cases");
        let dir = &dir;
        let topic = dir.join("t");
        std::fs::create_dir_all(&topic).unwrap();
        std::fs::write(topic.join("bad.py"), b"# description: \xff\n").unwrap();
        let error = Case::load(dir, &topic.join("bad.py")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cases/t/bad.py: not UTF-8 (invalid byte at offset 15)"
        );
        std::fs::write(dir.join("top.py"), MINIMAL).unwrap();
        let error = Case::load(dir, &dir.join("top.py")).unwrap_err();
        assert!(error.message.contains("<topic>/<name>.py"));
        std::fs::write(topic.join("good.py"), MINIMAL).unwrap();
        let case = Case::load(dir, &topic.join("good.py")).unwrap();
        assert_eq!((case.id.as_str(), case.topic.as_str()), ("t/good", "t"));
        assert_eq!(case.display_path, "cases/t/good.py");
    }
}
