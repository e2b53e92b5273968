//! `fuzz`: a campaign (library: `fuzz/`), `--show` of one seed's program,
//! `--oracle` (in `oracle.rs`), and the goldens and marks of saved cases.

use super::args::Common;
use super::parse::{parse_duration, parse_seeds};
use super::watch::FuzzWatch;
use super::{corpus, oracle, say, Outcome};
use clap::{Args, ValueEnum};
use closure_conformance::error::Error;
use closure_conformance::session::Session;
use closure_conformance::{fuzz, output};

#[derive(Args, Clone)]
pub struct FuzzArgs {
    /// Seeds to run, `A..B` (end excluded) [default: 0..1000, or from 0 with --time].
    #[arg(long, value_parser = parse_seeds)]
    pub seeds: Option<std::ops::Range<u64>>,
    /// Exactly these seeds, `A,B,C` (e.g. those of saved cases), instead of a range.
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["seeds", "time"])]
    pub seed_list: Vec<u64>,
    /// Run for this long (`90s`, `10m`), from the start of --seeds.
    #[arg(long, value_parser = parse_duration)]
    pub time: Option<std::time::Duration>,
    /// Backends to fuzz (repeatable): a name or a kind [default: every available
    /// backend that is not a CPython reference]. Each is judged against the CPython
    /// of its own language version, which runs too.
    #[arg(long = "backend", short)]
    pub backends: Vec<String>,
    /// What to compare: execute (the full observation), compile (scopes only), or
    /// invalid (programs that break a scope rule: their SyntaxErrors).
    #[arg(long, value_enum, default_value_t = FuzzMode::Execute)]
    pub mode: FuzzMode,
    /// Judge every backend against this one instead of its own version's CPython
    /// (a differential across versions when theirs differ, e.g. to measure).
    #[arg(long, value_name = "BACKEND")]
    pub reference: Option<String>,
    /// Compare each CPython reference with the one before it instead: behaviour
    /// changes between versions, to document rather than to fix.
    #[arg(long)]
    pub cross_version: bool,
    /// Run the generator as a spec oracle on every CPython reference instead:
    /// report each reference regression (a version that ends otherwise than the
    /// generator predicts where older ones do not); --save keeps each as a case.
    #[arg(long)]
    pub oracle: bool,
    /// Programs per request to a worker.
    #[arg(long, default_value_t = 50)]
    pub batch: usize,
    /// Tests the reducer may run per finding (0: keep findings unreduced).
    #[arg(long, default_value_t = 400)]
    pub reduce_budget: usize,
    /// Save each new finding as cases/found/<signature>.py, make its goldens
    /// (as scripts/regen does) and mark every backend that differs on it.
    #[arg(long)]
    pub save: bool,
    /// Only make goldens for cases/found/ and mark every backend that differs on
    /// a case there (what --save does after a campaign); run no campaign.
    #[arg(long)]
    pub mark_saved: bool,
    /// Print the program of this seed (in --mode) and exit.
    #[arg(long, value_name = "SEED")]
    pub show: Option<u64>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FuzzMode {
    Execute,
    Compile,
    Invalid,
}

impl FuzzMode {
    fn mode(self) -> fuzz::generate::Mode {
        match self {
            FuzzMode::Execute => fuzz::generate::Mode::Execute,
            FuzzMode::Compile => fuzz::generate::Mode::Compile,
            FuzzMode::Invalid => fuzz::generate::Mode::Invalid,
        }
    }
}

impl FuzzArgs {
    /// The seeds to run: the indices of --seed-list, --seeds, from 0 with --time,
    /// else 0..1000.
    pub fn seed_range(&self) -> std::ops::Range<u64> {
        match (self.seeds.clone(), self.time) {
            _ if !self.seed_list.is_empty() => 0..self.seed_list.len() as u64,
            (Some(seeds), _) => seeds,
            (None, Some(_)) => 0..u64::MAX,
            (None, None) => 0..1000,
        }
    }
}

/// Goldens and marks for the cases a campaign saved (`found/<stem>` each), said
/// on stdout as they are made.
pub fn finish_saved(args: &FuzzArgs, saved: &[String]) -> Result<(), Error> {
    let options = args.common.options(saved, &[])?;
    fuzz::saved::finish(&options, args.common.palette(), &mut say)
}

pub fn fuzz(args: FuzzArgs) -> Outcome {
    let mode = args.mode.mode();
    if let Some(seed) = args.show {
        let program = fuzz::generate::generate(seed, mode);
        let mut text = format!(
            "# seed {seed}, generator {}, {} mode; predicted: {:?}\n",
            fuzz::generate::GENERATOR_VERSION,
            mode.name(),
            program.expect
        );
        text.push_str(&program.source());
        say(&text)?;
        return Ok(0);
    }
    if args.batch == 0 {
        return Err(Error::Usage("--batch must be at least 1".into()));
    }
    if args.save || args.mark_saved {
        corpus::refuse_built_in(args.common.root.as_deref())?;
    }
    if args.mark_saved {
        finish_saved(&args, &[format!("{}/", fuzz::save::TOPIC)])?;
        return Ok(0);
    }
    let session = Session::corpus(&args.common.options(&[], &[])?)?;
    if args.oracle {
        return oracle::oracle(&args, &session);
    }
    let lineup = fuzz::lineup::Lineup::new(
        &session,
        &args.backends,
        args.cross_version,
        args.reference.as_deref(),
    )?;
    for note in &lineup.notes {
        output::stderr(&format!("closure-conformance: fuzz: skipping {note}\n"))?;
    }
    let pairs = lineup.pairs();
    let names: Vec<String> = pairs
        .iter()
        .map(|p| format!("{} vs {}", p.target.name, p.reference.name))
        .collect();
    output::stderr(&format!(
        "fuzz: {} ({} mode)\n",
        names.join(", "),
        mode.name()
    ))?;
    let seeds = args.seed_range();
    // Root-cause identities need the bindings of each program (python3's ast).
    fuzz::bindings::of(&["pass\n".to_string()]).map_err(Error::Usage)?;
    let known = if args.cross_version {
        Default::default()
    } else {
        fuzz::known::corpus_identities(&session, &lineup).map_err(Error::Usage)?
    };
    let options = fuzz::campaign::Options {
        seeds,
        time: args.time,
        mode,
        batch: args.batch,
        jobs: args
            .common
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
        reduce_budget: args.reduce_budget,
        known,
        seed_list: args.seed_list.clone(),
    };
    let watch = FuzzWatch::new();
    let outcome = fuzz::campaign::run(&options, &pairs, &watch);
    if let Some(bar) = &watch.bar {
        bar.finish_and_clear();
    }
    let triage = fuzz::triage::triage(
        &session.layout.cases,
        &outcome.findings,
        &options.known,
        args.save && !args.cross_version,
        mode,
    )?;
    say(&fuzz::summary::render(
        &outcome,
        &triage.statuses,
        args.cross_version,
    ))?;
    if !triage.saved.is_empty() {
        finish_saved(&args, &triage.saved)?;
    }
    Ok(0)
}
