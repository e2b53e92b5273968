//! The generator as a spec oracle on every CPython reference. The generator knows
//! every read it writes: bound for certain, or unbound on purpose (caught, or the
//! program's planned last line). So a program ends with no exception, or with the
//! planned NameError, on a Python that follows the language. A reference that
//! ends otherwise deviates from the prediction; when the older references that ran
//! the program did not, it is a *reference regression*: a candidate CPython bug,
//! reduced (on the deviating reference, while the older one keeps its ending) and
//! reported with the versions that show it.

use super::bindings;
use super::campaign::{run_alone, runs_on, Watch};
use super::generate::{generate_for_oracle, requires_source, Mode, Program, ENDS_UNBOUND_ON};
use super::identity::{normalize_message, quoted};
use super::ir;
use super::minimal::minimize;
use super::reduce::reduce;
use crate::backend::Backend;
use crate::observation::Observation;
use crate::protocol::BatchMode;
use crate::version::PyVersion;
use std::collections::BTreeMap;
use std::ops::Range;
use std::time::{Duration, Instant};

/// How a program ended on one reference: `None` when as predicted, else the
/// unplanned exception type and normalized message (or the fault).
pub type Ending = Option<(String, String)>;

/// One reference regression.
#[derive(Debug, Clone)]
pub struct Regression {
    /// The unplanned ending: (type, normalized message).
    pub ending: (String, String),
    /// The references that deviate, and the newest older one that did not.
    pub deviating: Vec<(String, PyVersion)>,
    pub agreeing: (String, PyVersion),
    pub seed: u64,
    pub programs: u64,
    /// When the first program with it was seen, from the start of the campaign.
    pub first_seen: Duration,
    pub original_lines: usize,
    pub source: String,
    pub reduce_tests: usize,
    /// How the name the message names is bound in the reduced program.
    pub bound_as: String,
    /// The first message line on the deviating reference, as it is.
    pub message: String,
}

impl Regression {
    /// `3.12-3.15`
    pub fn versions(&self) -> String {
        let first = self.deviating.first().map(|(_, v)| v.to_string());
        let last = self.deviating.last().map(|(_, v)| v.to_string());
        match (first, last) {
            (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
            (Some(a), _) => a,
            _ => String::new(),
        }
    }

    pub fn identity(&self) -> String {
        format!(
            "reference regression: {} ({}); the name is bound as {}",
            self.ending.0, self.ending.1, self.bound_as
        )
    }
}

pub struct Outcome {
    pub programs: u64,
    pub seeds: Range<u64>,
    pub elapsed: Duration,
    /// Per reference version: programs it ran, and those that deviated.
    pub per_version: BTreeMap<PyVersion, (u64, u64)>,
    pub regressions: Vec<Regression>,
}

/// What a program was predicted to do, against what a reference did. A program
/// that ends unbound must end on the NameError of that read: any other exception
/// (an UnboundLocalError raised before it, gh-156664) is a deviation.
pub fn ending(program_ends_unbound: bool, observation: &Observation) -> Ending {
    if let Some(fault) = &observation.fault {
        let first = fault.lines().next().unwrap_or("");
        return Some(("fault".into(), normalize_message(first)));
    }
    let planned = format!("name '{ENDS_UNBOUND_ON}' is not defined");
    match &observation.exception {
        None if !program_ends_unbound => None,
        Some(e)
            if program_ends_unbound
                && e.kind == "NameError"
                && first_line(&e.message) == planned =>
        {
            None
        }
        None => Some(("none".into(), "the planned NameError did not happen".into())),
        Some(e) => Some((e.kind.clone(), normalize_message(first_line(&e.message)))),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// A program's ending alone on one reference, judged with no plan (the reduced
/// programs have none): the exception type and normalized message, or `none`.
fn plain_ending(backend: &Backend, source: &str) -> (String, String) {
    let observation = run_alone(backend, source, Mode::Execute);
    if let Some(fault) = &observation.fault {
        return ("fault".into(), normalize_message(first_line(fault)));
    }
    match &observation.exception {
        None => ("none".into(), String::new()),
        Some(e) => (e.kind.clone(), normalize_message(first_line(&e.message))),
    }
}

/// Runs seeds (or a while) on every reference, oldest first.
pub fn run(
    seeds: Range<u64>,
    seed_list: &[u64],
    time: Option<Duration>,
    batch: usize,
    reduce_budget: usize,
    references: &[(Backend, PyVersion)],
    watch: &dyn Watch,
) -> Outcome {
    let started = Instant::now();
    let mut per_version: BTreeMap<PyVersion, (u64, u64)> = BTreeMap::new();
    // ending → (first seed, programs, first seen, deviating, agreeing)
    type Seen = (u64, u64, Duration, Vec<(usize, PyVersion)>, usize);
    let mut seen: BTreeMap<(String, String), Seen> = BTreeMap::new();
    let mut next = seeds.start;
    let mut programs_run = 0;
    while next < seeds.end && time.is_none_or(|limit| started.elapsed() < limit) {
        let end = (next + batch as u64).min(seeds.end);
        let seed = |i: u64| seed_list.get(i as usize).copied().unwrap_or(i);
        let programs: Vec<Program> = (next..end).map(|i| generate_for_oracle(seed(i))).collect();
        next = end;
        programs_run += programs.len() as u64;
        let endings = observe(&programs, references);
        for (index, program) in programs.iter().enumerate() {
            let mut agreeing: Option<usize> = None;
            let mut deviating: Vec<(usize, PyVersion)> = Vec::new();
            let mut key = None;
            for (r, (_, version)) in references.iter().enumerate() {
                let Some(ending) = endings[r].get(&index) else {
                    continue;
                };
                let entry = per_version.entry(*version).or_default();
                entry.0 += 1;
                match ending {
                    None if deviating.is_empty() => agreeing = Some(r),
                    None => {}
                    Some(found) => {
                        entry.1 += 1;
                        if deviating.is_empty() {
                            key = Some(found.clone());
                        }
                        if key.as_ref() == Some(found) {
                            deviating.push((r, *version));
                        }
                    }
                }
            }
            let (Some(key), Some(agreeing)) = (key, agreeing) else {
                continue;
            };
            let entry = seen.entry(key).or_insert((
                program.seed,
                0,
                started.elapsed(),
                deviating,
                agreeing,
            ));
            entry.1 += 1;
        }
    }
    let elapsed = started.elapsed();
    let mut regressions = Vec::new();
    for (ending, (seed, programs, first_seen, deviating, agreeing)) in seen {
        watch.phase(&format!("reducing {} {}", ending.0, ending.1));
        if let Some(found) = reduce_one(
            references,
            &ending,
            seed,
            (&deviating, agreeing),
            reduce_budget,
        ) {
            regressions.push(Regression {
                programs,
                first_seen,
                ..found
            });
        }
    }
    Outcome {
        programs: programs_run,
        seeds: seeds.start..next,
        elapsed,
        per_version,
        regressions,
    }
}

/// Each reference's endings, by program index (programs too new for it left out).
fn observe(
    programs: &[Program],
    references: &[(Backend, PyVersion)],
) -> Vec<BTreeMap<usize, Ending>> {
    let mut all = Vec::new();
    for (backend, version) in references {
        let indexes: Vec<usize> = (0..programs.len())
            .filter(|&i| runs_on(&programs[i], *version))
            .collect();
        let sources: Vec<String> = indexes.iter().map(|&i| programs[i].source()).collect();
        let timeout = super::campaign::PROGRAM_TIMEOUT * sources.len().max(1) as u32;
        let observations = backend
            .run_batch(&sources, BatchMode::Execute, timeout)
            .unwrap_or_else(|_| {
                sources
                    .iter()
                    .map(|s| run_alone(backend, s, Mode::Execute))
                    .collect()
            });
        all.push(
            indexes
                .into_iter()
                .zip(observations)
                .map(|(i, o)| (i, ending(programs[i].ends_unbound, &o)))
                .collect(),
        );
    }
    all
}

fn reduce_one(
    references: &[(Backend, PyVersion)],
    ending: &(String, String),
    seed: u64,
    (deviating, agreeing): (&[(usize, PyVersion)], usize),
    budget: usize,
) -> Option<Regression> {
    let program = generate_for_oracle(seed);
    let (first, _) = deviating.first()?;
    let (bad, good) = (&references[*first].0, &references[agreeing].0);
    let good_version = references[agreeing].1;
    let good_ending = plain_ending(good, &program.source());
    // Alone, as a case runs, it must show the same.
    if plain_ending(bad, &program.source()) != *ending {
        return None;
    }
    let mut keeps = |source: &str| {
        runs_source(source, good_version)
            && plain_ending(bad, source) == *ending
            && plain_ending(good, source) == good_ending
    };
    let (reduced, tests) = reduce(program.body.clone(), budget, &mut |body| {
        keeps(&ir::render(body))
    });
    let (source, more) = minimize(&ir::render(&reduced), budget, &mut keeps);
    let observation = run_alone(bad, &source, Mode::Execute);
    let message = observation
        .exception
        .as_ref()
        .map(|e| first_line(&e.message).to_string())
        .unwrap_or_default();
    let bound_as = match quoted(&message) {
        Some(name) => bindings::of(std::slice::from_ref(&source))
            .ok()
            .and_then(|mut all| all.pop())
            .map_or_else(
                || "unknown".into(),
                |b| super::identity::bound_where_read(&b, &message, &name),
            ),
        None => "no name".into(),
    };
    Some(Regression {
        ending: ending.clone(),
        deviating: deviating
            .iter()
            .map(|(r, v)| (references[*r].0.name.clone(), *v))
            .collect(),
        agreeing: (good.name.clone(), good_version),
        seed,
        programs: 0,
        first_seen: Duration::ZERO,
        original_lines: program.source().lines().count(),
        source,
        reduce_tests: tests + more,
        bound_as,
        message,
    })
}

fn runs_source(source: &str, version: PyVersion) -> bool {
    let (major, minor) = requires_source(source);
    version >= PyVersion::new(major, minor)
}
