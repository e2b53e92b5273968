//! A session: a corpus, the cases selected from it and the backends started for
//! them. Its runs return a `Report` value; what becomes of it (rendered, written,
//! an exit status) is for the caller. `main` and `tests/conformance.rs` both use it.

use crate::backend::{self, Backend, BackendOptions, Discovery, Kind};
use crate::case::{self, Case, CaseError};
use crate::compare::Verdict;
use crate::error::Error;
use crate::golden;
use crate::report::{dead, BackendInfo, CaseInfo, Meta, Mode, Report};
use crate::suite::{self, Against, Layout, Outcome};
use crate::version::PyVersion;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime};

/// What a session is made of.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// The directory holding `cases/` and `expected/`.
    pub root: PathBuf,
    /// Only cases whose id or path contains one of these (none: every case).
    pub filters: Vec<String>,
    /// Backends by name or kind (none: every available backend).
    pub backends: Vec<String>,
    /// CPythons to use instead of those found (none: found ones).
    pub pythons: Vec<PathBuf>,
    /// Other interpreters, `(NAME, COMMAND)`, besides those in the environment.
    pub interpreters: Vec<(String, String)>,
    /// The executable that serves the embedded backends (this program).
    pub worker_exe: PathBuf,
}

/// How a long run tells how far it has come. `main` shows a bar on a terminal;
/// tests and pipes pass `Quiet`.
pub trait Progress: Sync {
    /// A run of `total` steps begins.
    fn start(&self, _what: &str, _total: usize) {}
    /// One step is done.
    fn advance(&self) {}
    /// The run is over.
    fn finish(&self) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

/// The corpus, the selected cases and the backends, ready to run.
pub struct Session {
    pub layout: Layout,
    pub root: PathBuf,
    /// Every case of the corpus (regen needs them all to find orphan goldens).
    pub all_cases: Vec<Case>,
    /// Indexes into `all_cases` of the cases the filters select.
    selected: Vec<usize>,
    pub bad_cases: Vec<CaseError>,
    pub options: BackendOptions,
    pub discovery: Discovery,
    pub backends: Vec<Backend>,
    /// Stop at the first failure (`--fail-fast`): checks not yet begun are skipped.
    pub fail_fast: bool,
}

impl Session {
    /// Loads the corpus (bad case files are kept in `bad_cases`, not fatal),
    /// selects cases, finds the backends named and starts them. An unreadable
    /// corpus, a corpus or selection with no case, or an unknown backend is an error.
    pub fn open(options: &SessionOptions) -> Result<Session, Error> {
        let mut session = Session::corpus(options)?;
        let specs = session
            .discovery
            .select(&options.backends)
            .map_err(Error::UnknownBackend)?;
        session.backends = specs
            .into_iter()
            .map(|spec| Backend::start(spec, &session.options))
            .collect();
        Ok(session)
    }

    /// `open` without starting any backend (regen starts the references; bench its own).
    pub fn corpus(options: &SessionOptions) -> Result<Session, Error> {
        Session::corpus_of_kinds(options, &Kind::ALL)
    }

    /// `corpus`, finding only the backends of `kinds` (none: no backend at all), so
    /// that a caller needing one backend does not identify every interpreter on the
    /// machine (a test harness running one trial per process, as nextest does).
    pub fn corpus_of_kinds(options: &SessionOptions, kinds: &[Kind]) -> Result<Session, Error> {
        let layout = Layout::under(&options.root);
        let (all_cases, bad_cases) = case::discover(&layout.cases).map_err(Error::NoCorpus)?;
        // Bad case files are reported, never hidden behind "no cases" or "no case
        // matches": a corpus of bad files, or a filter naming only bad files,
        // selects no case and the run reports them (and fails).
        let named_bad = match options.filters.is_empty() {
            true => !bad_cases.is_empty(),
            false => bad_cases
                .iter()
                .any(|bad| case::matches_any(&options.filters, &[&bad.path])),
        };
        if bad_cases.is_empty() {
            case::require_cases(&layout.cases, &all_cases).map_err(Error::NoCases)?;
        }
        let chosen = match case::select_some(&all_cases, &options.filters) {
            Err(_) if named_bad => Vec::new(),
            chosen => chosen.map_err(Error::NoCases)?,
        };
        let selected: Vec<usize> = chosen
            .into_iter()
            .map(|chosen| {
                all_cases
                    .iter()
                    .position(|c| std::ptr::eq(c, chosen))
                    .expect("a selected case is one of the cases")
            })
            .collect();
        let mut backend_options =
            BackendOptions::from_env(options.worker_exe.clone()).map_err(Error::Usage)?;
        if !options.pythons.is_empty() {
            backend_options.pythons = options.pythons.clone();
        }
        backend_options
            .interpreters
            .extend(options.interpreters.iter().cloned());
        let discovery = backend::discover_kinds(&backend_options, kinds);
        backend::named::check(&backend_options, &discovery).map_err(Error::Usage)?;
        Ok(Session {
            layout,
            root: options.root.clone(),
            all_cases,
            selected,
            bad_cases,
            options: backend_options,
            discovery,
            backends: Vec::new(),
            fail_fast: false,
        })
    }

    /// Finds the backends of `kinds` (replacing what was found before) and starts
    /// those `names` select among them, as `open` does (no names: every one found).
    /// Starting spawns no worker: workers spawn on first use.
    pub fn find_backends(&mut self, kinds: &[Kind], names: &[String]) -> Result<(), Error> {
        self.discovery = backend::discover_kinds(&self.options, kinds);
        let specs = self
            .discovery
            .select(names)
            .map_err(Error::UnknownBackend)?;
        self.backends = specs
            .into_iter()
            .map(|spec| Backend::start(spec, &self.options))
            .collect();
        Ok(())
    }

    /// The cases the filters select, in id order.
    pub fn cases(&self) -> Vec<&Case> {
        self.selected.iter().map(|&i| &self.all_cases[i]).collect()
    }

    /// Starts the backend named `name` (by name, or the first of a kind) apart from
    /// the session's own, and checks that it runs.
    pub fn start_one(&self, name: &str) -> Result<Backend, Error> {
        let spec = self
            .discovery
            .select(&[name.to_string()])
            .map_err(Error::UnknownBackend)?
            .remove(0);
        let backend = Backend::start(spec, &self.options);
        backend.hello().map_err(|why| Error::Backend {
            name: backend.name.clone(),
            why,
        })?;
        Ok(backend)
    }

    /// Every selected case on every backend, each judged against the goldens of its
    /// backend's own language version.
    pub fn run(&self, progress: &dyn Progress) -> Report {
        let started = Started::now();
        let cases = self.cases();
        // A backend that does not start is one error in the report, not a
        // failure per case: its cases are not run.
        let dead = dead_backends(&self.backends);
        let mut pairs = suite::pairs(&cases, &self.backends);
        pairs.retain(|(_, backend)| !dead.contains(&backend.name));
        let outcomes = check_until_failure(
            &pairs,
            progress,
            self.fail_fast,
            |(case, backend)| suite::check_golden(case, backend, &self.layout.expected),
            |(case, backend)| suite::not_run(case, &backend.name, Against::Goldens),
        );
        self.report(Mode::Goldens, &self.backends, outcomes, started)
    }

    /// Every selected case on `other`, judged against what `reference` observes
    /// (no goldens; `other`'s divergence marks apply).
    pub fn diff(&self, reference: &Backend, other: &Backend, progress: &dyn Progress) -> Report {
        let started = Started::now();
        let cases = self.cases();
        let outcomes = check_until_failure(
            &cases,
            progress,
            self.fail_fast,
            |case| suite::check_pair(case, reference, other),
            |case| suite::not_run(case, &other.name, Against::Backend(reference.name.clone())),
        );
        let mode = Mode::Diff {
            reference: backend_info(reference),
        };
        self.report(mode, std::slice::from_ref(other), outcomes, started)
    }

    /// The report of outcomes this session's cases had on `backends`, for a run
    /// that began at `started`.
    pub fn report(
        &self,
        mode: Mode,
        backends: &[Backend],
        outcomes: Vec<Outcome>,
        started: Started,
    ) -> Report {
        let Started(wall, started) = started;
        let cases = self
            .cases()
            .into_iter()
            .map(|case| CaseInfo {
                case: case.clone(),
                timeline: timeline(&self.layout, case),
            })
            .collect();
        Report {
            mode,
            meta: Meta {
                tool: env!("CARGO_PKG_VERSION").to_string(),
                commit: crate::corpus::label(&self.root).or_else(|| commit(&self.root)),
                machine: machine(),
                started: wall
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs()),
                seconds: started.elapsed().as_secs_f64(),
            },
            backends: backends.iter().map(backend_info).collect(),
            cases,
            outcomes,
            bad_cases: self.bad_cases.clone(),
        }
    }
}

/// When a run began: the wall clock for reports, the monotonic clock for its length.
#[derive(Debug, Clone, Copy)]
pub struct Started(SystemTime, Instant);

impl Started {
    pub fn now() -> Started {
        Started(SystemTime::now(), Instant::now())
    }
}

/// What reports say of a backend; one that cannot start says why as its error.
pub fn backend_info(backend: &Backend) -> BackendInfo {
    let hello = backend.hello();
    let error = hello.as_ref().err().map(|why| dead::one_line(why));
    BackendInfo {
        name: backend.name.clone(),
        kind: backend.spec.kind.name().to_string(),
        language: backend.language().ok().map(|v| v.to_string()),
        build: match error {
            Some(_) => backend.spec.build.clone(),
            None => backend.describe().unwrap_or_else(|why| why),
        },
        sandbox: hello.map(|h| h.sandbox).unwrap_or_default(),
        not_observable: (backend.spec.observes.unobservable().iter())
            .map(|s| s.name().to_string())
            .collect(),
        error,
    }
}

/// Starts one worker of every backend at once; the names of those that did not start.
fn dead_backends(backends: &[Backend]) -> Vec<String> {
    std::thread::scope(|scope| {
        let started: Vec<_> = backends
            .iter()
            .map(|backend| (backend, scope.spawn(move || backend.hello().is_ok())))
            .collect();
        started
            .into_iter()
            .filter_map(|(backend, handle)| {
                (!matches!(handle.join(), Ok(true))).then(|| backend.name.clone())
            })
            .collect()
    })
}

/// Runs `check` on every item in parallel, telling `progress`. A passing outcome
/// keeps what it was judged against (reports show the golden) but not its own
/// observation, which is the same text.
pub fn check_all<T: Sync>(
    items: &[T],
    progress: &dyn Progress,
    check: impl Fn(&T) -> Outcome + Sync,
) -> Vec<Outcome> {
    check_until_failure(items, progress, false, check, |_| unreachable!())
}

/// `check_all`; with `fail_fast`, once a check fails every check not yet begun is
/// `skip`ped instead of run (checks under way finish).
pub fn check_until_failure<T: Sync>(
    items: &[T],
    progress: &dyn Progress,
    fail_fast: bool,
    check: impl Fn(&T) -> Outcome + Sync,
    skip: impl Fn(&T) -> Outcome + Sync,
) -> Vec<Outcome> {
    let failed = AtomicBool::new(false);
    progress.start("checks", items.len());
    let outcomes = items
        .par_iter()
        .map(|item| {
            if fail_fast && failed.load(Ordering::Relaxed) {
                progress.advance();
                return skip(item);
            }
            let mut outcome = check(item);
            if !outcome.verdict.is_ok() {
                failed.store(true, Ordering::Relaxed);
            }
            if outcome.verdict == Verdict::Pass {
                outcome.actual = Default::default();
            }
            progress.advance();
            outcome
        })
        .collect();
    progress.finish();
    outcomes
}

/// The versions of a case's goldens in runs of identical observation.
fn timeline(layout: &Layout, case: &Case) -> Vec<Vec<PyVersion>> {
    let Ok(golden) = golden::read(&layout.expected, case) else {
        return Vec::new();
    };
    let mut runs: Vec<(Vec<PyVersion>, &crate::observation::Rendered)> = Vec::new();
    for (version, reference) in &golden.versions {
        match runs.last_mut() {
            Some((versions, body)) if **body == reference.body => versions.push(*version),
            _ => runs.push((vec![*version], &reference.body)),
        }
    }
    runs.into_iter().map(|(versions, _)| versions).collect()
}

/// The corpus's commit, `+dirty` when its work tree has changes; `None` outside git.
fn commit(root: &std::path::Path) -> Option<String> {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let head = git(&["rev-parse", "HEAD"])?;
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|status| !status.is_empty());
    Some(if dirty { format!("{head}+dirty") } else { head })
}

/// `linux x86_64, 2 cores, host`.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    let mut machine = format!(
        "{} {}, {cores} cores",
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    if !host.is_empty() {
        machine.push_str(&format!(", {host}"));
    }
    machine
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
pub struct TerminalProgress {
    bar: indicatif::ProgressBar,
}

impl TerminalProgress {
    pub fn new() -> TerminalProgress {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        TerminalProgress { bar }
    }
}

impl Default for TerminalProgress {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress for TerminalProgress {
    fn start(&self, what: &str, total: usize) {
        self.bar.reset();
        self.bar.set_length(total as u64);
        self.bar.set_message(what.to_string());
    }

    fn advance(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
