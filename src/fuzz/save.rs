//! Findings become cases: `cases/found/<what_it_shows>.py` (src/fuzz/naming.rs),
//! with the seed and the root-cause identity in the header and a known-divergence
//! mark that says what differs and against which CPython. An identity that an
//! existing case already shows is not saved again.

use super::campaign::Finding;
use super::generate::{requires_source, Mode, GENERATOR_VERSION};
use super::signature::first_difference;
use crate::observation::Section;
use std::path::{Path, PathBuf};

/// The topic fuzzer findings live in.
pub const TOPIC: &str = "found";

/// Rules a program exercises, by the constructs in its source (each rule id is in
/// a `rules.txt` of the corpus).
const RULES: &[(&str, &str)] = &[
    ("nonlocal ", "counters/nonlocal-counter"),
    ("global ", "errors/global-skips-enclosing"),
    ("lambda", "claims/anonymous-closure"),
    ("del ", "errors/del-empties-cell"),
    ("except ValueError as", "errors/except-as-unbinds"),
    (":=", "comprehensions/walrus-binds-enclosing"),
    (" for ", "comprehensions/comprehension-reads-free"),
    ("yield", "comprehensions/generator-closes-over-state"),
    ("@deco", "decorators/wrapper-closes-over-func"),
    ("super()", "class_scopes/zero-arg-super"),
    ("__class__", "class_scopes/implicit-class-cell"),
    ("class ", "class_scopes/method-closes-through-class"),
];

pub fn rules_for(source: &str) -> Vec<&'static str> {
    let mut rules: Vec<&str> = vec!["claims/free-variable-definition"];
    rules.extend(
        RULES
            .iter()
            .filter(|(needle, _)| source.contains(needle))
            .map(|(_, rule)| *rule),
    );
    rules
}

/// What differs, in one line: the first differing line of each section.
pub fn what_differs(finding: &Finding) -> String {
    let mut parts = Vec::new();
    for section in Section::ALL {
        let (expected, actual) = (finding.expected.get(section), finding.actual.get(section));
        if expected == actual {
            continue;
        }
        let (e, a) = first_difference(expected, actual);
        parts.push(format!(
            "{}: CPython `{}`, {} `{}`",
            section.name(),
            short(&e),
            finding.signature.backend,
            short(&a)
        ));
    }
    parts.join("; ")
}

fn short(line: &str) -> String {
    let line = line.trim().trim_start_matches("| ");
    let mut out: String = line.chars().take(90).collect();
    if out.len() < line.len() {
        out.push('…');
    }
    out
}

/// The case file for a finding.
pub fn case_text(finding: &Finding, mode: Mode) -> String {
    let source = finding.source.clone();
    let bindings = program_bindings(&source);
    let sig = &finding.signature;
    let mut text = format!(
        "# description: {}\n",
        super::naming::description(&finding.identity, finding.version)
    );
    text.push_str(&format!(
        "# source: fuzz seed {} (generator {GENERATOR_VERSION}, {} mode), reduced from {} to {} lines\n",
        finding.seed,
        mode.name(),
        finding.original_lines,
        finding.lines()
    ));
    text.push_str(&format!("# identity: {}\n", finding.identity));
    text.push_str(&format!(
        "# cause: {}\n",
        super::naming::case_name(&finding.identity, &bindings)
    ));
    text.push_str(&format!("# rules: {}\n", rules_for(&source).join(", ")));
    match requires_source(&source) {
        (3, 10) => text.push_str("# requires: >=3.10 — match statements\n"),
        (3, 8) => text.push_str("# requires: >=3.8 — assignment expressions\n"),
        _ => {}
    }
    text.push_str(&format!(
        "# diverges: {} {}: {}; checked against {}\n",
        sig.backend,
        sig.mark_sections().join(","),
        what_differs(finding),
        finding.reference_build
    ));
    text.push_str(&source);
    text
}

/// The bindings of a saved program (none when Python cannot say).
fn program_bindings(source: &str) -> super::bindings::Bindings {
    super::bindings::of(&[source.to_string()])
        .map(|mut all| all.remove(0))
        .unwrap_or_default()
}

/// Where a finding is saved.
pub fn path_for(cases: &Path, finding: &Finding) -> PathBuf {
    let folder = cases.join(TOPIC);
    let name = super::naming::case_name(&finding.identity, &program_bindings(&finding.source));
    let plain = folder.join(format!("{name}.py"));
    // Another backend's case of the same name shows another identity: keep both.
    match std::fs::read_to_string(&plain) {
        Ok(text) if !text.contains(&format!("# identity: {}\n", finding.identity)) => {
            let backend: String = finding
                .identity
                .backend
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            folder.join(format!("{name}__{backend}.py"))
        }
        _ => plain,
    }
}

/// Writes the case unless one with its name exists; returns the path written.
pub fn save(cases: &Path, finding: &Finding, mode: Mode) -> std::io::Result<Option<PathBuf>> {
    let path = path_for(cases, finding);
    if path.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(path.parent().expect("a topic folder"))?;
    crate::atomic_file::write_atomically(&path, &case_text(finding, mode))?;
    Ok(Some(path))
}

/// A mark for a backend that differs on a saved case where no mark says so: what
/// a run of the case found, in the mark's words.
pub fn mark_line(outcome: &crate::suite::Outcome) -> Option<String> {
    use crate::compare::{FailureKind, Verdict};
    let Verdict::Fail(failure) = &outcome.verdict else {
        return None;
    };
    if !matches!(failure.why, FailureKind::Mismatch) {
        return None;
    }
    let sections = crate::compare::differing_sections(&outcome.expected, &outcome.actual);
    let mut parts = Vec::new();
    for section in &sections {
        let (e, a) = first_difference(outcome.expected.get(*section), outcome.actual.get(*section));
        parts.push(format!(
            "{}: CPython `{}`, {} `{}`",
            section.name(),
            short(&e),
            outcome.backend,
            short(&a)
        ));
    }
    Some(format!(
        "# diverges: {} {}: {}; checked against {}",
        outcome.backend,
        sections
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(","),
        parts.join("; "),
        outcome.against.source()
    ))
}

/// Adds mark lines to a case file's header (after its last header line).
pub fn add_marks(path: &Path, marks: &[String]) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let lines: Vec<&str> = text.lines().collect();
    let header_end = lines
        .iter()
        .position(|l| !l.starts_with("# "))
        .unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..header_end].iter().map(|l| l.to_string()).collect();
    out.extend(marks.iter().cloned());
    out.extend(lines[header_end..].iter().map(|l| l.to_string()));
    crate::atomic_file::write_atomically(path, &(out.join("\n") + "\n"))
}
