//! What the spec oracle (src/fuzz/oracle.rs) reports, and how `--save` keeps a
//! reference regression: a case in `cases/found/` with a `reference-bug:
//! candidate` mark naming the versions and what the language says.

use super::generate::{requires_source, GENERATOR_VERSION};
use super::oracle::{Outcome, Regression};
use super::save::{rules_for, TOPIC};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub fn render(outcome: &Outcome, saved: &[Option<PathBuf>]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "oracle: seeds {}..{}: {} programs in {:.1}s on {} CPython references",
        outcome.seeds.start,
        outcome.seeds.end,
        outcome.programs,
        outcome.elapsed.as_secs_f64(),
        outcome.per_version.len()
    );
    for (version, (ran, deviated)) in &outcome.per_version {
        let _ = writeln!(
            out,
            "  {version}: {ran} programs, {deviated} not as predicted"
        );
    }
    if outcome.regressions.is_empty() {
        let _ = writeln!(out, "no reference regressions");
        return out;
    }
    let _ = writeln!(out, "{} reference regressions:", outcome.regressions.len());
    for (regression, saved) in outcome.regressions.iter().zip(saved) {
        let _ = writeln!(
            out,
            "  CPython {} (not {}): {}: {}  (seed {}, {} programs, first after {:.0}s; {} → {} lines in {} tests){}",
            regression.versions(),
            regression.agreeing.1,
            regression.ending.0,
            regression.message,
            regression.seed,
            regression.programs,
            regression.first_seen.as_secs_f64(),
            regression.original_lines,
            regression.source.lines().count(),
            regression.reduce_tests,
            match saved {
                Some(path) => format!(" — saved as {}", path.display()),
                None => String::new(),
            }
        );
        for line in regression.source.lines() {
            let _ = writeln!(out, "      {line}");
        }
    }
    out
}

/// The case file name for a regression.
pub fn case_name(regression: &Regression) -> String {
    let text = format!(
        "{} read raises {} on {}",
        regression.bound_as,
        regression.ending.0,
        regression.versions()
    );
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    words.join("_")
}

pub fn case_text(regression: &Regression) -> String {
    let versions = regression.versions();
    let (_, older) = &regression.agreeing;
    let mut text = format!(
        "# description: Every read here is bound as the language defines it (CPython {older} runs it \
         through); CPython {versions} raise {}: {}\n",
        regression.ending.0, regression.message
    );
    let _ = writeln!(
        text,
        "# source: fuzz seed {} (generator {GENERATOR_VERSION}, execute mode, spec oracle), reduced from {} to {} lines",
        regression.seed,
        regression.original_lines,
        regression.source.lines().count()
    );
    let _ = writeln!(
        text,
        "# identity: {}: {}",
        regression.deviating[0].0,
        regression.identity()
    );
    let _ = writeln!(
        text,
        "# rules: {}",
        rules_for(&regression.source).join(", ")
    );
    match requires_source(&regression.source) {
        (3, 10) => text.push_str("# requires: >=3.10 — match statements\n"),
        (3, 8) => text.push_str("# requires: >=3.8 — assignment expressions\n"),
        _ => {}
    }
    let _ = writeln!(
        text,
        "# reference-bug: candidate {versions} exception: the generator predicts no unplanned \
         exception and CPython {older} ends as predicted; {} raise {} ({}), the name bound as {}",
        regression
            .deviating
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        regression.ending.0,
        regression.message,
        regression.bound_as
    );
    text.push_str(&regression.source);
    if !regression.source.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Writes the case unless a case with its name exists; returns the path written.
pub fn save(cases: &Path, regression: &Regression) -> std::io::Result<Option<PathBuf>> {
    let path = cases
        .join(TOPIC)
        .join(format!("{}.py", case_name(regression)));
    if path.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(path.parent().expect("a topic folder"))?;
    crate::atomic_file::write_atomically(&path, &case_text(regression))?;
    Ok(Some(path))
}

/// Every CPython reference here, started, oldest first.
pub fn references(
    session: &crate::session::Session,
) -> Result<Vec<(crate::backend::Backend, crate::version::PyVersion)>, crate::error::Error> {
    let mut all = Vec::new();
    for (version, spec) in session.discovery.references() {
        all.push((
            crate::backend::Backend::start(spec.clone(), &session.options),
            version,
        ));
    }
    if all.len() < 2 {
        return Err(crate::error::Error::Usage(
            "--oracle needs CPython references of two versions at least (scripts/install-references)"
                .into(),
        ));
    }
    Ok(all)
}
