//! What a run found, as a value, and the renderers that turn it into text.
//!
//! A `Session` run returns a `Report`: the backends (with what each one is), the
//! cases selected (with their source and how their goldens change across CPython
//! versions), one `Outcome` per case × backend, the case files that could not be
//! read, and the run's metadata. `Report::exit` is the one exit policy. Each format
//! is a module with a `render(&Report, …) -> String`, and `Format::render` picks one;
//! nothing here writes anywhere (`output.rs` does, for `main`).

pub mod checked;
pub mod dead;
pub mod diff;
pub mod figures;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod markup;
pub mod reference_bugs;
pub mod table;
mod timestamp;

pub use timestamp::timestamp;

pub use diff::{
    full_section_diff, section_diff, visible, visible_line, Palette, MAX_DIFF_LINES, MAX_LINE_CHARS,
};
pub use human::explain;

use crate::case::{Case, CaseError};
use crate::compare::{differing_sections, FailureKind, Verdict};
use crate::observation::Section;
use crate::suite::Outcome;
use crate::version::PyVersion;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything a run found.
#[derive(Debug, Clone)]
pub struct Report {
    pub mode: Mode,
    pub meta: Meta,
    /// In the order of the columns: CPython versions in order, then the other kinds.
    pub backends: Vec<BackendInfo>,
    /// The cases run, in id order.
    pub cases: Vec<CaseInfo>,
    /// One per case × backend, case-major, in the order of `cases` and `backends`.
    pub outcomes: Vec<Outcome>,
    /// Case files that could not be read or parsed; each makes the run fail.
    pub bad_cases: Vec<CaseError>,
}

/// What the outcomes were judged against.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Each backend against the goldens of its own language version.
    Goldens,
    /// One backend against another, no goldens.
    Diff { reference: BackendInfo },
}

/// A backend as reports name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackendInfo {
    pub name: String,
    /// `cpython`, `pyodide`, `pypy`, `rustpython`, `external`.
    pub kind: String,
    /// The Python language version it implements, when known.
    pub language: Option<String>,
    /// What it is, as its worker said (`CPython 3.12.1 (…)`) or as it was found.
    pub build: String,
    /// Why it did not start (one line); its cases were not run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The protections its workers' sandbox had in force (their hello: Pyodide's
    /// name its seal's; empty for one that did not start).
    pub sandbox: Vec<String>,
    /// The sections it cannot observe (`backend/observes.rs`); absent from JSON
    /// when it observes every section.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_observable: Vec<String>,
}

/// A case as reports show it.
#[derive(Debug, Clone)]
pub struct CaseInfo {
    pub case: Case,
    /// The language versions of the goldens, grouped by identical observation, in
    /// version order (`[[3.6..3.11], [3.12, 3.13], [3.14]]`): the behaviour timeline.
    /// Empty when the case has no readable golden.
    pub timeline: Vec<Vec<PyVersion>>,
}

/// Where and when the run happened.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// closure-conformance's version.
    pub tool: String,
    /// The commit of the corpus (`git rev-parse HEAD`), `+dirty` when it has changes.
    pub commit: Option<String>,
    /// `os arch, N cores, host`.
    pub machine: String,
    /// Seconds since the Unix epoch when the run started.
    pub started: u64,
    /// How long the run took.
    pub seconds: f64,
}

/// What the exit status of a run should say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every check passed, diverged as marked, or was skipped.
    Passed,
    /// A check failed, or a case file is bad.
    Failed,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Passed => 0,
            Exit::Failed => 1,
        }
    }
}

/// The status of one outcome, as every format names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    /// As the language intends, where the golden records a CPython bug.
    ConformsToLanguage,
    KnownDivergence,
    Fail,
    Skipped,
    /// The case's point is in sections the backend cannot observe.
    NotObservable,
}

impl Status {
    pub fn of(verdict: &Verdict) -> Status {
        match verdict {
            Verdict::Pass | Verdict::CopiesReferenceBug { .. } => Status::Pass,
            Verdict::ConformsToLanguage { .. } => Status::ConformsToLanguage,
            Verdict::KnownDivergence { .. } => Status::KnownDivergence,
            Verdict::Fail(_) => Status::Fail,
            Verdict::Skip { .. } => Status::Skipped,
            Verdict::NotObservable { .. } => Status::NotObservable,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::ConformsToLanguage => "conforms to the language",
            Status::KnownDivergence => "known divergence",
            Status::Fail => "fail",
            Status::Skipped => "skipped",
            Status::NotObservable => "not observable",
        }
    }
}

/// Counts of each status.
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
pub struct Tally {
    pub pass: usize,
    pub known_divergence: usize,
    pub fail: usize,
    pub skipped: usize,
    /// Checks that behave as the language intends where the golden records a
    /// CPython bug (absent from JSON when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub conforms_to_language: usize,
    /// Checks whose point is in sections the backend cannot observe (absent from
    /// JSON when none); like skipped ones, they did not run as far as the
    /// conformance is concerned.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_observable: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Tally {
    pub fn add(&mut self, verdict: &Verdict) {
        match Status::of(verdict) {
            Status::Pass => self.pass += 1,
            Status::ConformsToLanguage => self.conforms_to_language += 1,
            Status::KnownDivergence => self.known_divergence += 1,
            Status::Fail => self.fail += 1,
            Status::Skipped => self.skipped += 1,
            Status::NotObservable => self.not_observable += 1,
        }
    }

    /// The checks that ran (skipped ones did not).
    pub fn ran(&self) -> usize {
        self.pass + self.conforms_to_language + self.known_divergence + self.fail
    }

    /// Checks that passed or conform to the language, as a percentage of those that
    /// ran; `None` when none ran.
    pub fn conformance(&self) -> Option<f64> {
        let good = self.pass + self.conforms_to_language;
        (self.ran() > 0).then(|| 100.0 * good as f64 / self.ran() as f64)
    }
}

/// The row of the topic × backend tables that totals every hand-written topic
/// (`found`, the fuzzer's, is shown apart: `cause::FOUND`).
pub const ALL_TOPICS: &str = "all";

impl Report {
    /// The one exit policy: 0 only when every check passed, diverged as marked or
    /// was skipped and every case file could be read; 1 otherwise.
    pub fn exit(&self) -> Exit {
        let failed = self.outcomes.iter().any(|o| !o.verdict.is_ok());
        if failed || !self.bad_cases.is_empty() || self.backends.iter().any(|b| b.error.is_some()) {
            Exit::Failed
        } else {
            Exit::Passed
        }
    }

    /// ` (not observable: scopes, cells)` after a backend that cannot observe
    /// every section; empty for one that can.
    pub fn unobservable_note(backend: &BackendInfo) -> String {
        match backend.not_observable.is_empty() {
            true => String::new(),
            false => format!(" (not observable: {})", backend.not_observable.join(", ")),
        }
    }

    pub fn backend_names(&self) -> Vec<String> {
        self.backends.iter().map(|b| b.name.clone()).collect()
    }

    /// Counts per topic and backend, with every topic also counted under
    /// `ALL_TOPICS`.
    pub fn tally(&self) -> BTreeMap<String, BTreeMap<String, Tally>> {
        tally(&self.outcomes)
    }

    /// Counts over every outcome.
    pub fn totals(&self) -> Tally {
        let mut all = Tally::default();
        for outcome in &self.outcomes {
            all.add(&outcome.verdict);
        }
        all
    }

    /// The topics of the cases run, in order.
    pub fn topics(&self) -> Vec<String> {
        let mut topics: Vec<String> = self.cases.iter().map(|c| c.case.topic.clone()).collect();
        topics.sort();
        topics.dedup();
        topics
    }

    /// The outcome of one case on one backend.
    pub fn outcome(&self, case: &str, backend: &str) -> Option<&Outcome> {
        self.outcomes
            .iter()
            .find(|o| o.case.id == case && o.backend == backend)
    }
}

/// The counts of one (topic, backend) cell of `tally`'s table; zero when absent.
pub fn cell(
    tallies: &BTreeMap<String, BTreeMap<String, Tally>>,
    topic: &str,
    backend: &str,
) -> Tally {
    tallies
        .get(topic)
        .and_then(|row| row.get(backend))
        .copied()
        .unwrap_or_default()
}

/// Counts per (topic, backend); every hand-written topic is also counted under
/// `ALL_TOPICS`, `found` is not (a second witness of a known cause must not move it).
pub fn tally(outcomes: &[Outcome]) -> BTreeMap<String, BTreeMap<String, Tally>> {
    let mut table: BTreeMap<String, BTreeMap<String, Tally>> = BTreeMap::new();
    for outcome in outcomes {
        let topic = outcome.case.topic.as_str();
        let all = (topic != crate::cause::FOUND).then_some(ALL_TOPICS);
        for topic in std::iter::once(topic).chain(all) {
            table
                .entry(topic.to_string())
                .or_default()
                .entry(outcome.backend.clone())
                .or_default()
                .add(&outcome.verdict);
        }
    }
    table
}

/// The sections where an outcome's observation differs from what it was judged
/// against: those of a failure, or those a known divergence differs in.
pub fn differing(outcome: &Outcome) -> Vec<Section> {
    match &outcome.verdict {
        Verdict::Fail(failure) => failure.sections.clone(),
        Verdict::KnownDivergence { .. } => differing_sections(&outcome.expected, &outcome.actual),
        Verdict::Pass
        | Verdict::CopiesReferenceBug { .. }
        | Verdict::ConformsToLanguage { .. }
        | Verdict::Skip { .. }
        | Verdict::NotObservable { .. } => Vec::new(),
    }
}

/// Why an outcome is what it is, in one line per reason: the marks' reasons of a
/// known divergence, why a check failed or was skipped, the reference bugs a check
/// copies or conforms against; nothing for a plain pass.
pub fn reasons(outcome: &Outcome) -> Vec<String> {
    match &outcome.verdict {
        Verdict::Pass => Vec::new(),
        Verdict::KnownDivergence { reasons } => reasons.clone(),
        Verdict::CopiesReferenceBug { notes } | Verdict::ConformsToLanguage { notes } => {
            notes.clone()
        }
        Verdict::Skip { why } => vec![why.clone()],
        Verdict::NotObservable { sections } => vec![not_observable(sections)],
        Verdict::Fail(failure) => vec![match &failure.why {
            FailureKind::Mismatch => format!(
                "differs from {} in {}",
                outcome.against,
                failure
                    .sections
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FailureKind::StaleDivergence { .. } => crate::remedy::stale_reason(outcome)
                .unwrap_or_else(|| {
                    "known divergence no longer reproduces: remove the mark".to_string()
                }),
            FailureKind::Fault(why) | FailureKind::NoExpectation(why) => why.clone(),
        }],
    }
}

/// Why a check is not observable, in one line.
pub fn not_observable(sections: &[Section]) -> String {
    let names: Vec<&str> = sections.iter().map(|s| s.name()).collect();
    format!(
        "not observable: its golden says only that the case runs silently; its point is in {}, which this backend cannot observe",
        names.join(", ")
    )
}

/// The output formats of `report` (and `run --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The terminal report: backends, the topic table, divergences, diffs of failures.
    Human,
    /// Topics × backends with pass / known divergence / fail and conformance, then
    /// the divergences with their reasons.
    Markdown,
    /// One row per case × backend, with the run's metadata (docs/reports.md).
    Json,
    /// One testsuite per backend, one testcase per case.
    Junit,
    /// One self-contained page: the colored matrix, each cell's source, golden and diff.
    Html,
    /// GitHub Actions annotations (`::error file=…`) for failures.
    Github,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Human,
        Format::Markdown,
        Format::Json,
        Format::Junit,
        Format::Html,
        Format::Github,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Junit => "junit",
            Format::Html => "html",
            Format::Github => "github",
        }
    }

    /// The report in this format. Only the human format uses color.
    pub fn render(self, report: &Report, palette: Palette) -> String {
        match self {
            Format::Human => human::render(report, palette),
            Format::Markdown => markdown::render(report),
            Format::Json => json::render(report),
            Format::Junit => junit::render(report),
            Format::Html => html::render(report),
            Format::Github => github::render(report),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
