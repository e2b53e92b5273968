//! A campaign: generate programs for a range of seeds (or for a while), observe
//! them in batches on every backend and on the CPython reference of each backend's
//! own language version, and collect the divergences by signature. A difference
//! seen in a batch counts only once the program, run alone on both sides (a fork of
//! its own, as a case runs), shows the same signature. Then each signature's first
//! program is reduced.
//!
//! Divergences are bucketed by root-cause identity (src/fuzz/identity.rs): the
//! first identity of a program that `Options::known` does not mask; a program
//! whose every identity is known counts under its first one. The reducer keeps a
//! step only while the program still carries the bucket's identity.

use super::bindings;
use super::generate::{generate, Expectation, Mode, Program};
use super::identity::{identities, Identity};
use super::ir::Stmt;
use super::signature::Signature;
use crate::backend::Backend;
use crate::normalize::normalize;
use crate::observation::{Observation, Rendered, Section};
use crate::protocol::BatchMode;
use crate::version::PyVersion;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one program may run; a batch gets this per program.
pub const PROGRAM_TIMEOUT: Duration = Duration::from_secs(5);
/// The path programs run as (tracebacks and code objects name it).
pub const PROGRAM_PATH: &str = "fuzz.py";

#[derive(Debug, Clone)]
pub struct Options {
    /// Seeds to run; with `time`, seeds from `seeds.start` until time is up.
    pub seeds: Range<u64>,
    pub time: Option<Duration>,
    pub mode: Mode,
    /// Programs per batch request.
    pub batch: usize,
    /// Threads, each with its own workers.
    pub jobs: usize,
    /// Tests the reducer may run per finding (0: do not reduce).
    pub reduce_budget: usize,
    /// Identities the corpus already shows, each with a case that shows it.
    pub known: Known,
    /// Exactly these seeds (e.g. those of saved cases), when not empty.
    pub seed_list: Vec<u64>,
}

impl Options {
    /// The `i`th seed of the campaign: from `seed_list` when it has seeds (then
    /// `seeds` is `0..seed_list.len()`), else `i` itself.
    pub fn seed_at(&self, i: u64) -> u64 {
        self.seed_list.get(i as usize).copied().unwrap_or(i)
    }
}

/// Identity → the case that shows it.
pub type Known = BTreeMap<Identity, String>;

/// A backend and the reference it is judged against.
pub struct Pair<'a> {
    pub target: &'a Backend,
    pub reference: &'a Backend,
    pub version: PyVersion,
}

/// One unique divergence.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The root cause it was bucketed and reduced by.
    pub identity: Identity,
    /// Every identity of the reduced program, `identity` among them.
    pub identities: Vec<Identity>,
    /// The signature of the reduced program.
    pub signature: Signature,
    /// The first seed that showed it, and how many programs did.
    pub seed: u64,
    pub programs: u64,
    pub original_lines: usize,
    /// The reduced program (the original when not reduced) on the tree, and its
    /// source once minimized further (src/fuzz/minimal.rs).
    pub reduced: Vec<Stmt>,
    pub source: String,
    pub reduce_tests: usize,
    /// The two normalized observations of the reduced program.
    pub expected: Rendered,
    pub actual: Rendered,
    pub reference: String,
    pub reference_build: String,
    pub version: PyVersion,
}

impl Finding {
    /// Lines of the reduced program.
    pub fn lines(&self) -> usize {
        self.source.lines().count()
    }
}

/// Running totals, for the progress line and the summary.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub programs: u64,
    /// Programs the newest reference ran, and those it compiled as the
    /// generator predicted.
    pub judged: u64,
    pub as_predicted: u64,
    /// Program × backend comparisons made.
    pub compared: u64,
    /// Comparisons skipped: the program needs a newer Python than the backend.
    pub skipped: u64,
    /// Differences seen in a batch that a lone run did not confirm.
    pub unconfirmed: u64,
    pub findings: u64,
    pub signatures: u64,
    pub elapsed: Duration,
}

impl Stats {
    pub fn per_second(&self) -> f64 {
        self.programs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn valid_percent(&self) -> f64 {
        100.0 * self.as_predicted as f64 / (self.judged.max(1)) as f64
    }

    /// The one-line progress report.
    pub fn line(&self) -> String {
        format!(
            "{} programs, {:.0}/s, {:.1}% as predicted, {} findings, {} identities",
            self.programs,
            self.per_second(),
            self.valid_percent(),
            self.findings,
            self.signatures
        )
    }
}

/// What watches a campaign: `main` draws the progress line.
pub trait Watch: Sync {
    fn update(&self, _stats: &Stats) {}
    fn phase(&self, _what: &str) {}
}

pub struct Unwatched;
impl Watch for Unwatched {}

pub struct Outcome {
    pub stats: Stats,
    pub findings: Vec<Finding>,
    /// Seeds actually run.
    pub seeds: Range<u64>,
}

#[derive(Default)]
struct Shared {
    stats: Stats,
    /// Identity → (first seed, programs).
    seen: BTreeMap<Identity, (u64, u64)>,
    /// The pair each identity was found on (index into pairs).
    pair_of: BTreeMap<Identity, usize>,
}

/// Runs a campaign over `pairs` (every backend involved is observed once per batch).
pub fn run(options: &Options, pairs: &[Pair], watch: &dyn Watch) -> Outcome {
    let started = Instant::now();
    let next = AtomicU64::new(options.seeds.start);
    let stop = AtomicBool::new(false);
    let shared = Mutex::new(Shared::default());
    let involved = involved(pairs);
    let confirmed = Mutex::new(BTreeSet::new());
    let jobs = options.jobs.max(1);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let start = next.fetch_add(options.batch as u64, Ordering::Relaxed);
                let end = (start + options.batch as u64).min(options.seeds.end);
                let timed_out = options.time.is_some_and(|limit| started.elapsed() >= limit);
                if start >= options.seeds.end || timed_out {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                let programs: Vec<Program> = (start..end)
                    .map(|i| generate(options.seed_at(i), options.mode))
                    .collect();
                let found = observe_batch(&programs, &involved, pairs, options, &confirmed);
                let mut shared = shared.lock().unwrap_or_else(|e| e.into_inner());
                shared.stats.programs += programs.len() as u64;
                shared.stats.judged += found.judged;
                shared.stats.as_predicted += found.as_predicted;
                shared.stats.compared += found.compared;
                shared.stats.skipped += found.skipped;
                shared.stats.unconfirmed += found.unconfirmed;
                for (identity, seed, pair) in found.divergences {
                    shared.stats.findings += 1;
                    let entry = shared.seen.entry(identity.clone()).or_insert((seed, 0));
                    entry.0 = entry.0.min(seed);
                    entry.1 += 1;
                    shared.pair_of.entry(identity).or_insert(pair);
                }
                shared.stats.signatures = shared.seen.len() as u64;
                shared.stats.elapsed = started.elapsed();
                watch.update(&shared.stats);
            });
        }
    });
    let shared = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut stats = shared.stats;
    stats.elapsed = started.elapsed();
    let last = stats.programs + options.seeds.start;
    watch.phase(&format!("reducing {} findings", shared.seen.len()));
    let findings =
        super::findings::reduce_all(options, pairs, &shared.seen, &shared.pair_of, watch);
    Outcome {
        stats,
        findings,
        seeds: options.seeds.start..last,
    }
}

/// Every backend a campaign runs: each target and each reference, once.
fn involved<'a>(pairs: &[Pair<'a>]) -> Vec<(&'a Backend, PyVersion)> {
    let mut all: Vec<(&Backend, PyVersion)> = Vec::new();
    for pair in pairs {
        for backend in [pair.reference, pair.target] {
            if !all.iter().any(|(b, _)| std::ptr::eq(*b, backend)) {
                all.push((backend, pair.version));
            }
        }
    }
    all
}

#[derive(Default)]
struct BatchFindings {
    judged: u64,
    as_predicted: u64,
    compared: u64,
    skipped: u64,
    unconfirmed: u64,
    divergences: Vec<(Identity, u64, usize)>,
}

fn batch_mode(mode: Mode) -> BatchMode {
    match mode {
        Mode::Execute => BatchMode::Execute,
        Mode::Compile | Mode::Invalid => BatchMode::Compile,
    }
}

/// Whether `program` can run on `version` at all (`match` needs 3.10).
pub(crate) fn runs_on(program: &Program, version: PyVersion) -> bool {
    let (major, minor) = program.requires();
    version >= PyVersion::new(major, minor)
}

fn observe_batch(
    programs: &[Program],
    involved: &[(&Backend, PyVersion)],
    pairs: &[Pair],
    options: &Options,
    confirmed: &Mutex<BTreeSet<Signature>>,
) -> BatchFindings {
    let mode = options.mode;
    let mut found = BatchFindings::default();
    // Confirmed divergences: (program, pair), bucketed once the batch is done.
    let mut divergent: Vec<(usize, usize)> = Vec::new();
    // backend pointer → observations by program index
    let mut observed: Vec<BTreeMap<usize, Rendered>> = Vec::new();
    for (backend, _) in involved {
        let version = backend.language().unwrap_or(PyVersion::new(3, 0));
        let indexes: Vec<usize> = (0..programs.len())
            .filter(|&i| runs_on(&programs[i], version))
            .collect();
        let sources: Vec<String> = indexes.iter().map(|&i| programs[i].source()).collect();
        let timeout = PROGRAM_TIMEOUT * sources.len().max(1) as u32;
        let observations = match backend.run_batch(&sources, batch_mode(mode), timeout) {
            Ok(observations) => observations,
            // The batch as a whole failed (a crash, a hang): each program alone.
            Err(_) => sources
                .iter()
                .map(|source| run_alone(backend, source, mode))
                .collect(),
        };
        observed.push(
            indexes
                .into_iter()
                .zip(observations)
                .map(|(i, o)| (i, normalize(o.render())))
                .collect(),
        );
    }
    let position = |backend: &Backend| {
        involved
            .iter()
            .position(|(b, _)| std::ptr::eq(*b, backend))
            .expect("every paired backend is involved")
    };
    // As predicted: judged by the newest reference, which runs every program.
    if let Some(newest) = pairs.iter().max_by_key(|p| p.version) {
        let reference = &observed[position(newest.reference)];
        for (i, program) in programs.iter().enumerate() {
            if let Some(rendered) = reference.get(&i) {
                found.judged += 1;
                if as_predicted(program, rendered) {
                    found.as_predicted += 1;
                }
            }
        }
    }
    for (pair_index, pair) in pairs.iter().enumerate() {
        let (expected_all, actual_all) = (
            &observed[position(pair.reference)],
            &observed[position(pair.target)],
        );
        for (i, program) in programs.iter().enumerate() {
            let (Some(expected), Some(actual)) = (expected_all.get(&i), actual_all.get(&i)) else {
                found.skipped += 1;
                continue;
            };
            found.compared += 1;
            let Some(signature) = Signature::of(&pair.target.name, expected, actual) else {
                continue;
            };
            // A signature counts once a lone run of a program (a fork of its own on
            // both sides) shows it too; later programs with it are counted.
            let known = confirmed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&signature);
            if known || signature_alone(pair, &program.source(), mode).as_ref() == Some(&signature)
            {
                confirmed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(signature.clone());
                divergent.push((i, pair_index));
            } else {
                found.unconfirmed += 1;
            }
        }
    }
    // Bindings from the program's tree (src/fuzz/ir_bindings.rs), once a program.
    let mut all: BTreeMap<usize, super::bindings::Bindings> = BTreeMap::new();
    for &(i, pair_index) in &divergent {
        let bindings = all
            .entry(i)
            .or_insert_with(|| super::ir_bindings::of(&programs[i].body));
        let pair = &pairs[pair_index];
        let (expected, actual) = (
            &observed[position(pair.reference)][&i],
            &observed[position(pair.target)][&i],
        );
        let list = identities(&pair.target.name, pair.version, bindings, expected, actual);
        if let Some(identity) = bucket(&list, &options.known) {
            found
                .divergences
                .push((identity, programs[i].seed, pair_index));
        }
    }
    found
}

/// The identity a program is bucketed by: its first one not known, else its first.
pub fn bucket(list: &[Identity], known: &Known) -> Option<Identity> {
    list.iter()
        .find(|identity| !known.contains_key(identity))
        .or(list.first())
        .cloned()
}

/// Whether the reference's observation is what the generator predicted.
fn as_predicted(program: &Program, rendered: &Rendered) -> bool {
    let exception = rendered.get(Section::Exception);
    match &program.expect {
        Expectation::Valid => !exception.starts_with("SyntaxError"),
        Expectation::SyntaxError { message, line } => {
            exception.starts_with("SyntaxError")
                && exception.contains(&format!("{message} (line {line})"))
        }
    }
}

/// A program run alone, as a case is (a fork of its own).
pub(crate) fn run_alone(backend: &Backend, source: &str, mode: Mode) -> Observation {
    match mode {
        Mode::Execute => backend.run_source(PROGRAM_PATH, source, PROGRAM_TIMEOUT),
        // Compile-only alone: a batch of one in its own request.
        _ => match backend.run_batch(&[source.to_string()], BatchMode::Compile, PROGRAM_TIMEOUT) {
            Ok(mut observations) => observations.remove(0),
            Err(fault) => Observation::fault(fault),
        },
    }
}

pub(crate) fn observe_pair(pair: &Pair, source: &str, mode: Mode) -> (Rendered, Rendered) {
    (
        normalize(run_alone(pair.reference, source, mode).render()),
        normalize(run_alone(pair.target, source, mode).render()),
    )
}

fn signature_alone(pair: &Pair, source: &str, mode: Mode) -> Option<Signature> {
    let (expected, actual) = observe_pair(pair, source, mode);
    Signature::of(&pair.target.name, &expected, &actual)
}

/// The identities of a program run alone on both sides of `pair`.
pub fn identities_alone(pair: &Pair, source: &str, mode: Mode) -> Vec<Identity> {
    let (expected, actual) = observe_pair(pair, source, mode);
    let bindings = bindings::of(&[source.to_string()])
        .map(|mut all| all.remove(0))
        .unwrap_or_default();
    identities(
        &pair.target.name,
        pair.version,
        &bindings,
        &expected,
        &actual,
    )
}
