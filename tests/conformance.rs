//! `cargo test`: one trial per (backend, case), named `<backend>::<topic>/<name>`,
//! for every backend installed on this machine (`closure-conformance backends`),
//! each judged against the goldens of its own language version.
//!
//! The corpus and backends are a library `Session`, as the command line's. Workers
//! start on first use and are shared by every trial, so the warm worker pools serve
//! the whole run. A trial fails with the same explanation the command line prints:
//! section diffs, fault reasons, stale divergence marks. A case that needs another
//! Python than the backend's is an ignored trial.
//!
//! Each check runs once: its outcome is kept for the `docs::readme_matrix` trial,
//! which makes the matrix of README.md from every outcome (running any check that
//! no trial ran) and compares it, column by column, with what README.md shows.
//!
//! Asked for one trial only (`--exact NAME`: nextest runs each trial so, in a
//! process of its own), the harness finds and starts only the backend that trial
//! runs on, and none for the corpus and docs trials; `--list` lists every trial of
//! every backend found, starting no worker.
//!
//! The corpus is this repository's (`cases/`, `expected/`, `docs/`, `README.md`),
//! or the one under `$CLOSURE_CONFORMANCE_ROOT`. A corpus with no case fails
//! (`corpus::not_empty`): a gate that checks nothing must not pass.

use closure_conformance::backend::Kind;
use closure_conformance::coverage;
use closure_conformance::error::Error;
use closure_conformance::output;
use closure_conformance::report::{explain, markdown, Mode, Palette};
use closure_conformance::session::{Session, SessionOptions, Started};
use closure_conformance::suite::{check_golden, skip_reason, Outcome};
use libtest_mimic::{Arguments, Failed, Trial};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The session, and one outcome slot per (backend, case): `backend * cases + case`.
struct Shared {
    session: Session,
    outcomes: Vec<OnceLock<Outcome>>,
}

impl Shared {
    fn outcome(&self, backend: usize, case: usize) -> &Outcome {
        let cases = self.session.all_cases.len();
        self.outcomes[backend * cases + case].get_or_init(|| {
            check_golden(
                &self.session.all_cases[case],
                &self.session.backends[backend],
                &self.session.layout.expected,
            )
        })
    }
}

fn main() {
    let args = Arguments::from_args();
    let root: PathBuf = std::env::var_os("CLOSURE_CONFORMANCE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let palette = Palette::new(color(&args));
    let options = SessionOptions {
        root: root.clone(),
        worker_exe: PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance")),
        ..SessionOptions::default()
    };
    let only = only_trial(&args);
    let opened = match only {
        Some(name) => open_for(&options, name),
        None => Session::open(&options),
    };
    let mut session = match opened {
        Ok(session) => session,
        Err(error) => {
            // No case at all is this trial's failure; anything else is the session's.
            let name = match error {
                Error::NoCases(_) => "corpus::not_empty",
                _ => "session::open",
            };
            let message = error.to_string();
            // A process asked for one trial fails that trial too: running none would pass.
            let mut names = vec![name];
            names.extend(only.filter(|&only| only != name));
            let trials = names
                .into_iter()
                .map(|name| {
                    let message = message.clone();
                    Trial::test(name, move || Err(message.into()))
                })
                .collect();
            libtest_mimic::run(&args, trials).exit();
        }
    };
    // 1 = a fresh worker process per case (the naive runner), for comparisons.
    if let Some(n) = std::env::var("CLOSURE_CONFORMANCE_CASES_PER_WORKER")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        session.options.cases_per_worker = Some(n);
        let specs: Vec<_> = session.backends.iter().map(|b| b.spec.clone()).collect();
        session.backends = specs
            .into_iter()
            .map(|spec| closure_conformance::backend::Backend::start(spec, &session.options))
            .collect();
    }
    // A backend's expectations file adds to its marks (docs/expectations.md); a bad
    // one fails a trial of its own.
    // docs/divergences.md is made from the marks in the case files alone, as the
    // `divergences` command makes it: read before expectations files add theirs.
    let divergences_document = coverage::divergences_document(&session.all_cases);
    let expectations = closure_conformance::expectations::apply(&mut session, &[]).err();
    let slots = session.backends.len() * session.all_cases.len();
    let shared = Arc::new(Shared {
        outcomes: (0..slots).map(|_| OnceLock::new()).collect(),
        session,
    });
    let session = &shared.session;

    let mut trials = vec![Trial::test("corpus::not_empty", || Ok(()))];
    if let Some(error) = expectations {
        let message = error.to_string();
        trials.push(Trial::test(EXPECTATIONS_TRIAL, move || Err(message.into())));
    }
    for error in &session.bad_cases {
        let message = error.to_string();
        trials.push(Trial::test(
            format!("case-file::{}", error.path),
            move || Err(message.into()),
        ));
    }
    // The rule catalogue: every rule covered, every cited rule defined.
    let docs = shared.clone();
    trials.push(Trial::test("coverage::catalogue", move || {
        let session = &docs.session;
        let rules = coverage::load_rules(&session.layout.cases)?;
        let (_, problems) = coverage::map(&rules, &session.all_cases);
        match problems.is_empty() {
            true => Ok(()),
            false => Err(problems.join("\n").into()),
        }
    }));
    // The generated docs must not fall behind what they are made from.
    let path = root.join("docs/divergences.md");
    trials.push(Trial::test("docs::divergences", move || {
        let expected = divergences_document;
        same_as_file(
            &path,
            &expected,
            "cargo run --release -- divergences > docs/divergences.md",
        )
    }));
    let docs = shared.clone();
    let path = root.join("docs/versions.md");
    trials.push(Trial::test("docs::versions", move || {
        let session = &docs.session;
        let expected =
            closure_conformance::timeline::markdown(&session.all_cases, &session.layout.expected)?;
        same_as_file(
            &path,
            &expected,
            "cargo run --release -- versions > docs/versions.md",
        )
    }));
    let docs = shared.clone();
    let path = root.join("README.md");
    trials.push(Trial::test(README_TRIAL, move || {
        readme_matrix(&docs, &path)
    }));

    for (b, backend) in session.backends.iter().enumerate() {
        for (c, case) in session.all_cases.iter().enumerate() {
            let skip = backend.spec.language.and_then(|v| skip_reason(case, v));
            let kind = if skip.is_some() {
                NEEDS_ANOTHER_PYTHON
            } else if case.divergences_for(&backend.name).next().is_some() {
                DIVERGES
            } else {
                ""
            };
            let shared = shared.clone();
            trials.push(
                Trial::test(format!("{}::{}", backend.name, case.id), move || {
                    let outcome = shared.outcome(b, c);
                    match outcome.verdict.is_ok() {
                        true => Ok(()),
                        false => Err(explain(outcome, palette).into()),
                    }
                })
                .with_kind(kind)
                .with_ignored_flag(skip.is_some()),
            );
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

/// The one trial this process is asked to run, when that is all it is asked:
/// `--exact NAME` without `--list`, which is how nextest runs every trial, each in
/// a process of its own.
fn only_trial(args: &Arguments) -> Option<&str> {
    match (&args.filter, args.exact, args.list) {
        (Some(name), true, false) => Some(name),
        _ => None,
    }
}

/// The kinds of trial (libtest-mimic lists a trial with a kind as `[KIND] NAME`,
/// and nextest then names it so, in its filters and in `--exact`).
const NEEDS_ANOTHER_PYTHON: &str = "needs another Python";
const DIVERGES: &str = "diverges";

/// The trial that needs every backend: it runs them all itself.
const README_TRIAL: &str = "docs::readme_matrix";

/// The trial that fails when an expectations file of any backend is bad.
const EXPECTATIONS_TRIAL: &str = "expectations::read";

/// A session for the one trial `name`: the corpus, and only the backend that trial
/// runs on, found by the one kind that can name it (`Kind::of_backend`), so that a
/// trial does not identify every interpreter on the machine first. Trials of the
/// corpus and docs find none, but `docs::readme_matrix` every one. Its trial list
/// is the full run's with `name` in it, when the full run has `name`.
fn open_for(options: &SessionOptions, name: &str) -> Result<Session, Error> {
    let mut session = Session::corpus_of_kinds(options, &[])?;
    let name = [NEEDS_ANOTHER_PYTHON, DIVERGES]
        .iter()
        .find_map(|kind| name.strip_prefix(&format!("[{kind}] ")))
        .unwrap_or(name);
    if name == README_TRIAL || name == EXPECTATIONS_TRIAL {
        session.find_backends(&Kind::ALL, &[])?;
        return Ok(session);
    }
    // `<backend>::<case id>`: no backend name holds `::`, and the rest must be a case
    // of the corpus (the other trials' names hold none: `docs::versions`, …).
    let backend = name
        .split_once("::")
        .filter(|(_, id)| session.all_cases.iter().any(|case| case.id == *id))
        .map(|(backend, _)| backend);
    if let Some(backend) = backend {
        session.find_backends(&[Kind::of_backend(backend)], &[backend.to_string()])?;
    }
    Ok(session)
}

/// Passes when `path` holds exactly `expected`; else says how to remake it.
fn same_as_file(path: &Path, expected: &str, remake: &str) -> Result<(), Failed> {
    let written = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match written == expected {
        true => Ok(()),
        false => Err(format!("{} is out of date: {remake}", path.display()).into()),
    }
}

/// The command that remakes README.md's matrix.
const README_COMMAND: &str =
    "cargo run --release -- report --format markdown --matrix-only -o README.md";

/// README.md's matrix (between the `closure-conformance:begin/end` markers) must
/// show, for every backend column it has that is installed here, exactly what
/// this run observed. Columns of backends not installed here cannot be checked
/// here and are named; a README that shares no column with this machine fails.
fn readme_matrix(shared: &Shared, path: &Path) -> Result<(), Failed> {
    let readme = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let section = output::spliced(&readme).ok_or_else(|| {
        format!(
            "{} has no `{}` … `{}` section for the matrix: add the markers, then {README_COMMAND}",
            path.display(),
            output::BEGIN,
            output::END
        )
    })?;
    let shown = markdown::parse_matrix(section)
        .ok_or_else(|| format!("README.md's matrix section holds no matrix: {README_COMMAND}"))?;
    let session = &shared.session;
    let cases = session.all_cases.len();
    // Every check of every backend, each run once (trials may have run it already).
    (0..session.backends.len() * cases)
        .into_par_iter()
        .for_each(|i| {
            shared.outcome(i / cases, i % cases);
        });
    let outcomes = (0..session.backends.len() * cases)
        .map(|i| shared.outcome(i / cases, i % cases).clone())
        .collect();
    let report = session.report(Mode::Goldens, &session.backends, outcomes, Started::now());
    let ran = markdown::parse_matrix(&markdown::matrix(&report))
        .ok_or("the matrix this run made does not read back")?;
    let mut differences = Vec::new();
    let mut compared = 0;
    for (backend, column) in &ran {
        let Some(readme_column) = shown.get(backend) else {
            continue;
        };
        compared += 1;
        if readme_column != column {
            let rows: Vec<String> = column
                .iter()
                .filter(|(row, cell)| readme_column.get(*row) != Some(cell))
                .map(|(row, cell)| {
                    format!(
                        "{row}: README {} but this run {cell}",
                        readme_column.get(row).map_or("has nothing", String::as_str)
                    )
                })
                .collect();
            differences.push(format!("{backend}: {}", rows.join("; ")));
        }
    }
    if compared == 0 {
        return Err(format!(
            "no backend of README.md's matrix ({}) is installed here, so it cannot be checked",
            shown.keys().cloned().collect::<Vec<_>>().join(", ")
        )
        .into());
    }
    match differences.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "README.md's matrix is out of date:\n{}\nremake it with {README_COMMAND} (with every backend it shows installed)",
            differences.join("\n")
        )
        .into()),
    }
}

/// Color only on a terminal; `--color` and NO_COLOR are honored.
fn color(args: &Arguments) -> bool {
    use libtest_mimic::ColorSetting;
    match args.color {
        Some(ColorSetting::Always) => true,
        Some(ColorSetting::Never) => false,
        _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
    }
}
