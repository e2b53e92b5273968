//! The `closure-conformance` command line: arguments, and which library call each
//! command is. Only this file prints, and it alone picks exit statuses: a report's
//! `exit()` (0 or 1), 2 for an `Error`, 141 when the reader has gone.

use clap::{Args, Parser, Subcommand, ValueEnum};
use closure_conformance::backend::{self, rustpython};
use closure_conformance::error::Error;
use closure_conformance::report::{markdown, visible_line, Format, Palette, Report};
use closure_conformance::session::{Session, SessionOptions, TerminalProgress};
use closure_conformance::{
    bench, changes, coverage, fuzz, json_listing, output, references, regen, timeline,
};
use std::path::PathBuf;

mod cli_parse;
mod corpus_command;
mod expect_cli;
use expect_cli::{AcceptArgs, ExpectArgs, ReviewArgs};
mod fuzz_oracle;
mod fuzz_saved;
mod fuzz_watch;
use cli_parse::{parse_duration, parse_seeds};
use fuzz_saved::finish_saved;
use fuzz_watch::FuzzWatch;
use std::process::ExitCode;

/// Runs Python closure cases on every Python found (CPython 3.6+, Pyodide, PyPy,
/// an embedded RustPython, interpreters you name) and compares what they observe
/// (output, exception, scopes, cells) with goldens of each one's own version.
///
/// With no subcommand: run every case on every backend against its golden, print a
/// topic × backend table and the diffs of failures. Exit status 1 on any failure.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run cases against their goldens (the default).
    Run(RunArgs),
    /// Run cases against their goldens and write a report: markdown (the matrix),
    /// json, junit, html or github annotations. Exit status as `run`.
    Report(ReportArgs),
    /// Compare two backends with each other, without goldens.
    Diff(DiffArgs),
    /// Which cases a newer backend fixed or broke against an older one (say
    /// RustPython 0.6.0 against 0.5.0), each judged against its own version's
    /// goldens, marks ignored.
    Progress(ProgressArgs),
    /// Rewrite goldens from every reference CPython (what scripts/regen calls).
    Regen(RegenArgs),
    /// Write the divergences a backend that is not a reference shows into its
    /// expectations file (expectations/<NAME>.toml), keeping the reasons of entries
    /// it keeps and dropping stale ones, so that the next run is green.
    Accept(AcceptArgs),
    /// Show the pending changes of `regen --pending` and `accept --pending` as
    /// diffs, and accept or reject them.
    Review(ReviewArgs),
    /// List the backends found on this machine, the missing ones and how to install them.
    Backends(BackendsArgs),
    /// List the cases with their descriptions.
    List(ListArgs),
    /// Run every case and print the coverage table (rule → cases, and per backend
    /// pass / known / fail) as markdown; exit 1 if a rule has no case.
    Coverage(CoverageArgs),
    /// Print every known-divergence mark as markdown (no run needed).
    Divergences(ListArgs),
    /// Print how closure behaviour changes across CPython versions, from the
    /// goldens, as markdown (docs/versions.md; no run needed).
    Versions(ListArgs),
    /// Measure speed and memory: naive (a process per case) vs ours (warm pools)
    /// vs limit (bare execution), side by side (what scripts/bench calls).
    Bench(BenchArgs),
    /// Generate programs about scopes and closures, run them on every backend
    /// against the CPython of its own language version, and reduce each divergence
    /// to a small program (saved as a case with --save).
    Fuzz(FuzzArgs),
    /// Install the pinned references (Pyodide for CPython 3.12–3.15, from npm,
    /// checked against references/package-lock.json) into the cache, as the
    /// commands that need them do on first use.
    Install {
        /// Also the compilers of the compiled backends (Cython, Nuitka, mypyc, pinned
        /// by references/compilers.txt) into a virtual environment of python3.
        #[arg(long)]
        compilers: bool,
    },
    /// The corpus built into this binary (used where no `--root` is given and the
    /// working directory holds no cases/); `--write DIR` writes it out.
    Corpus(corpus_command::CorpusArgs),
    /// Internal: serve the probe protocol on stdin/stdout.
    #[command(hide = true)]
    Worker { backend: String },
    /// Internal: one benchmark mode over `count` cases; prints the failed count.
    #[command(hide = true)]
    BenchMode {
        #[arg(value_enum)]
        mode: bench::Mode,
        count: usize,
        #[command(flatten)]
        common: Common,
    },
    /// Internal: run a Python program in the embedded interpreter.
    #[command(hide = true)]
    Script { backend: String, source: String },
}

#[derive(Args, Clone)]
struct FuzzArgs {
    /// Seeds to run, `A..B` (end excluded) [default: 0..1000, or from 0 with --time].
    #[arg(long, value_parser = parse_seeds)]
    seeds: Option<std::ops::Range<u64>>,
    /// Exactly these seeds, `A,B,C` (e.g. those of saved cases), instead of a range.
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["seeds", "time"])]
    seed_list: Vec<u64>,
    /// Run for this long (`90s`, `10m`), from the start of --seeds.
    #[arg(long, value_parser = parse_duration)]
    time: Option<std::time::Duration>,
    /// Backends to fuzz (repeatable): a name or a kind [default: every available
    /// backend that is not a CPython reference]. Each is judged against the CPython
    /// of its own language version, which runs too.
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    /// What to compare: execute (the full observation), compile (scopes only), or
    /// invalid (programs that break a scope rule: their SyntaxErrors).
    #[arg(long, value_enum, default_value_t = FuzzMode::Execute)]
    mode: FuzzMode,
    /// Judge every backend against this one instead of its own version's CPython
    /// (a differential across versions when theirs differ, e.g. to measure).
    #[arg(long, value_name = "BACKEND")]
    reference: Option<String>,
    /// Compare each CPython reference with the one before it instead: behaviour
    /// changes between versions, to document rather than to fix.
    #[arg(long)]
    cross_version: bool,
    /// Run the generator as a spec oracle on every CPython reference instead:
    /// report each reference regression (a version that ends otherwise than the
    /// generator predicts where older ones do not); --save keeps each as a case.
    #[arg(long)]
    oracle: bool,
    /// Programs per request to a worker.
    #[arg(long, default_value_t = 50)]
    batch: usize,
    /// Tests the reducer may run per finding (0: keep findings unreduced).
    #[arg(long, default_value_t = 400)]
    reduce_budget: usize,
    /// Save each new finding as cases/found/<signature>.py, make its goldens
    /// (as scripts/regen does) and mark every backend that differs on it.
    #[arg(long)]
    save: bool,
    /// Only make goldens for cases/found/ and mark every backend that differs on
    /// a case there (what --save does after a campaign); run no campaign.
    #[arg(long)]
    mark_saved: bool,
    /// Print the program of this seed (in --mode) and exit.
    #[arg(long, value_name = "SEED")]
    show: Option<u64>,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
enum FuzzMode {
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

#[derive(Args, Clone)]
struct Common {
    /// Directory holding cases/ and expected/ [default: the working directory when
    /// it holds cases/, else the corpus built into this binary].
    #[arg(long)]
    root: Option<PathBuf>,
    /// A CPython to use (repeatable); given, only these are the cpython backends
    /// [default: $CLOSURE_CONFORMANCE_PYTHON, else every CPython 3.6+ on PATH and in pyenv].
    #[arg(long)]
    python: Vec<PathBuf>,
    /// Another interpreter, run as `COMMAND -c <probe> --serve` (repeatable)
    /// [also: $CLOSURE_CONFORMANCE_INTERPRETERS, `NAME=COMMAND;…`].
    #[arg(long, value_name = "NAME=COMMAND", value_parser = backend::external::parse_interpreter)]
    interpreter: Vec<(String, String)>,
    /// When to color output (NO_COLOR is honored by `auto`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// Parallel jobs [default: number of cores].
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Never install the pinned references (Pyodide) on first need
    /// [also: $CLOSURE_CONFORMANCE_OFFLINE=1].
    #[arg(long)]
    offline: bool,
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Backends to run (repeatable): a name, or a kind (`cpython` is every
    /// cpython-3.X) [default: every available backend; see `backends`].
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    expect: ExpectArgs,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ReportArgs {
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Backends to run (repeatable): a name or a kind [default: every available backend].
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Write the report to FILE (atomically) instead of stdout. When FILE holds the
    /// markers `<!-- closure-conformance:begin -->` and `<!-- closure-conformance:end -->`
    /// (as README.md does), only the text between them is replaced.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Markdown: only the topic × backend matrix (what README.md shows).
    #[arg(long)]
    matrix_only: bool,
    #[command(flatten)]
    expect: ExpectArgs,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct DiffArgs {
    /// The backend taken as expected.
    reference: String,
    /// The backend compared with it.
    other: String,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ProgressArgs {
    /// The older backend.
    old: String,
    /// The newer backend.
    new: String,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct RegenArgs {
    /// Change nothing; exit 1 if any selected golden is missing or out of date.
    #[arg(long, conflicts_with = "pending")]
    check: bool,
    /// Write each changed golden to <golden>.pending, for `review`, not the golden.
    #[arg(long)]
    pending: bool,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct BackendsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct CoverageArgs {
    /// Backends to run (repeatable) [default: every available backend].
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ListArgs {
    filters: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Directory holding cases/ and expected/ [default: as for `run`].
    #[arg(long)]
    root: Option<PathBuf>,
}

#[derive(Args)]
struct BenchArgs {
    /// Cases in the speed comparison (the corpus is repeated to reach it).
    #[arg(long, default_value_t = 500)]
    scale: usize,
    /// Case counts whose peak memory is compared (the last with the first).
    #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
    memory: Vec<usize>,
    #[command(flatten)]
    common: Common,
}

/// The output of a listing command: text (markdown) for people, or JSON.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    fn palette(self) -> Palette {
        Palette::new(match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        })
    }
}

fn main() -> ExitCode {
    // The sandbox stage (hidden) must fork before anything else runs, and passes
    // everything after `--` on untouched, so it is not parsed by clap.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "sandbox") {
        return match closure_conformance::sandbox::run(&args[2..]) {
            Ok(code) => ExitCode::from(code),
            Err(why) => {
                eprintln!("closure-conformance sandbox: {why}");
                ExitCode::from(125)
            }
        };
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Install { compilers }) => install(compilers),
        Some(Command::Corpus(args)) => corpus_command::command(args),
        Some(Command::Worker { backend }) => worker(&backend),
        Some(Command::Script { backend, source }) => script(&backend, &source),
        Some(Command::Run(args)) => run(args),
        None => run(cli.run),
        Some(Command::Report(args)) => report(args),
        Some(Command::Diff(args)) => diff(args),
        Some(Command::Progress(args)) => progress(args),
        Some(Command::Regen(args)) => regen(args),
        Some(Command::Accept(args)) => expect_cli::accept(args),
        Some(Command::Review(args)) => expect_cli::review(args),
        Some(Command::Backends(args)) => list_backends(args),
        Some(Command::List(args)) => list(args),
        Some(Command::Coverage(args)) => coverage(args),
        Some(Command::Divergences(args)) => divergences(args),
        Some(Command::Versions(args)) => versions(args),
        Some(Command::Bench(args)) => bench(args),
        Some(Command::Fuzz(args)) => fuzz_command(args),
        Some(Command::BenchMode {
            mode,
            count,
            common,
        }) => bench_mode(mode, count, common),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            // A failed write of the report is said as it always was, without "error:".
            let prefix = match error {
                Error::ReaderGone => None,
                Error::Output(_) => Some("closure-conformance: "),
                _ => Some("closure-conformance: error: "),
            };
            if let Some(prefix) = prefix {
                let _ = output::stderr(&format!("{prefix}{}\n", visible_line(&error.to_string())));
            }
            ExitCode::from(error.exit_code())
        }
    }
}

/// What a command ends with: an exit status, or an error (status 2 or 141).
type Outcome = Result<u8, Error>;

/// 0 when `ok`, else 1.
fn status(ok: bool) -> u8 {
    u8::from(!ok)
}

fn say(text: &str) -> Result<(), Error> {
    output::stdout(text)
}

/// Writes rendered text to FILE, or to stdout.
fn deliver(text: &str, to: Option<&PathBuf>) -> Result<(), Error> {
    match to {
        Some(path) => output::file(path, text),
        None => say(text),
    }
}

/// Case files that cannot run, one line each on stderr, whatever their names hold.
fn tell_bad_cases(session: &Session) -> Result<(), Error> {
    for error in &session.bad_cases {
        output::stderr(&format!(
            "closure-conformance: bad case: {}\n",
            visible_line(&error.to_string())
        ))?;
    }
    Ok(())
}

fn install(compilers: bool) -> Outcome {
    let tell = |text: &str| {
        let _ = output::stderr(text);
    };
    let home = backend::default_home();
    let offline = references::offline_from_env();
    match references::ensure_pyodide(&home, offline, &tell).map_err(Error::Usage)? {
        references::Installed::Already => say(&format!(
            "Pyodide: already installed in {}\n",
            references::npm_dir(&home).display()
        ))?,
        references::Installed::Now => {}
    }
    if compilers {
        let compiled = backend::compiled::install::ensure(&home, offline, &tell);
        if compiled.map_err(Error::Usage)? == references::Installed::Already {
            say(&format!(
                "compilers: already installed in {}\n",
                backend::compiled::install::dir(&home).display()
            ))?;
        }
    }
    Ok(0)
}

fn worker(backend: &str) -> Outcome {
    match backend {
        "rustpython" => rustpython::serve().map(|()| 0).map_err(Error::Usage),
        other => Err(Error::Usage(format!(
            "no in-process worker for backend {other:?}"
        ))),
    }
}

fn script(backend: &str, source: &str) -> Outcome {
    match backend {
        "rustpython" => Ok(rustpython::run_script(source)),
        other => Err(Error::Usage(format!(
            "no embedded interpreter for backend {other:?}"
        ))),
    }
}

impl Common {
    fn palette(&self) -> Palette {
        self.color.palette()
    }

    /// Installs the pinned references on first need: when every backend runs or a
    /// pyodide one is named. A failure is said and the run goes on without them.
    fn fetch(&self, backends: &[String]) {
        let wanted = backends.is_empty() || backends.iter().any(|b| b.starts_with("pyodide"));
        let offline = self.offline || closure_conformance::references::offline_from_env();
        if wanted && !offline {
            let tell = |text: &str| {
                let _ = output::stderr(text);
            };
            if let Err(why) = references::ensure_pyodide(&backend::default_home(), false, &tell) {
                tell(&format!("closure-conformance: without Pyodide: {why}\n"));
            }
        }
    }

    /// The session's options; also sizes the thread pool for `--jobs`.
    fn options(&self, filters: &[String], backends: &[String]) -> Result<SessionOptions, Error> {
        if let Some(jobs) = self.jobs {
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.max(1))
                .build_global();
        }
        Ok(SessionOptions {
            root: corpus_command::root(self.root.as_deref())?,
            filters: filters.to_vec(),
            backends: backends.to_vec(),
            pythons: self.python.clone(),
            interpreters: self.interpreter.clone(),
            worker_exe: std::env::current_exe().map_err(Error::OwnExecutable)?,
        })
    }

    fn open(&self, filters: &[String], backends: &[String]) -> Result<Session, Error> {
        self.fetch(backends);
        let session = Session::open(&self.options(filters, backends)?)?;
        tell_bad_cases(&session)?;
        Ok(session)
    }
}

/// Renders a report in `format` to FILE or stdout; the report's exit policy decides.
fn finish(report: &Report, format: Format, to: Option<&PathBuf>, palette: Palette) -> Outcome {
    let palette = if to.is_some() {
        Palette::new(false)
    } else {
        palette
    };
    deliver(&format.render(report, palette), to)?;
    match report.nothing_checked() {
        Some(why) => Err(Error::NoCases(why)),
        None => Ok(report.exit().code()),
    }
}

fn run(args: RunArgs) -> Outcome {
    output::check_target(args.output.as_deref())?;
    let mut session = args.common.open(&args.filters, &args.backends)?;
    args.expect.apply(&mut session)?;
    let report = session.run(&TerminalProgress::new());
    finish(
        &report,
        args.format,
        args.output.as_ref(),
        args.common.palette(),
    )
}

fn report(args: ReportArgs) -> Outcome {
    output::check_target(args.output.as_deref())?;
    if args.matrix_only && args.format != Format::Markdown {
        return Err(Error::Usage(
            "--matrix-only is for --format markdown".into(),
        ));
    }
    let mut session = args.common.open(&args.filters, &args.backends)?;
    args.expect.apply(&mut session)?;
    let report = session.run(&TerminalProgress::new());
    if args.matrix_only {
        deliver(&markdown::matrix(&report), args.output.as_ref())?;
        return Ok(report.exit().code());
    }
    finish(
        &report,
        args.format,
        args.output.as_ref(),
        args.common.palette(),
    )
}

fn diff(args: DiffArgs) -> Outcome {
    output::check_target(args.output.as_deref())?;
    args.common
        .fetch(&[args.reference.clone(), args.other.clone()]);
    let session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    tell_bad_cases(&session)?;
    let reference = session.start_one(&args.reference)?;
    let other = session.start_one(&args.other)?;
    let report = session.diff(&reference, &other, &TerminalProgress::new());
    finish(
        &report,
        args.format,
        args.output.as_ref(),
        args.common.palette(),
    )
}

fn progress(args: ProgressArgs) -> Outcome {
    args.common.fetch(&[args.old.clone(), args.new.clone()]);
    let session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    tell_bad_cases(&session)?;
    let old = session.start_one(&args.old)?;
    let new = session.start_one(&args.new)?;
    let found = changes::changes(&session, &old, &new, &TerminalProgress::new());
    say(&match args.format {
        ListFormat::Text => changes::render(&found, args.common.palette()),
        ListFormat::Json => json_listing::progress(&found),
    })?;
    Ok(status(
        session.bad_cases.is_empty() && found.regressed.is_empty(),
    ))
}

fn regen(args: RegenArgs) -> Outcome {
    if !args.check {
        corpus_command::refuse_built_in(args.common.root.as_deref())?;
    }
    args.common.fetch(&[]);
    let session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    tell_bad_cases(&session)?;
    let references = regen::references(&session)?;
    let palette = args.common.palette();
    say(&regen::header(&references))?;
    let write = match (args.check, args.pending) {
        (true, _) => regen::Write::Check,
        (false, true) => regen::Write::Pending,
        (false, false) => regen::Write::Goldens,
    };
    let summary = regen::regen_to(
        &session.cases(),
        &session.all_cases,
        &references,
        &session.layout.expected,
        write,
        &TerminalProgress::new(),
    )?;
    say(&regen::render(&summary, palette))?;
    say(&regen::conclusion(&summary, &session.discovery, palette))?;
    Ok(status(summary.passed() && session.bad_cases.is_empty()))
}

fn list_backends(args: BackendsArgs) -> Outcome {
    let session = Session::corpus(&args.common.options(&[], &[])?);
    let found = match session {
        Ok(session) => session.discovery,
        // Backends exist whatever the corpus holds.
        Err(_) => {
            let exe = std::env::current_exe().map_err(Error::OwnExecutable)?;
            let mut options = backend::BackendOptions::from_env(exe).map_err(Error::Usage)?;
            if !args.common.python.is_empty() {
                options.pythons = args.common.python.clone();
            }
            options.interpreters.extend(args.common.interpreter.clone());
            backend::discover(&options)
        }
    };
    let exe = std::env::current_exe().map_err(Error::OwnExecutable)?;
    let sandbox = closure_conformance::sandbox::describe(&exe);
    say(&match args.format {
        ListFormat::Text => format!(
            "{}sandbox of native workers: {sandbox}
",
            backend::listing(&found)
        ),
        ListFormat::Json => json_listing::backends(&found, &sandbox),
    })?;
    Ok(0)
}

/// A session of the cases a listing command selects, with no backend.
fn listed(args: &ListArgs) -> Result<Session, Error> {
    let options = SessionOptions {
        root: corpus_command::root(args.root.as_deref())?,
        filters: args.filters.clone(),
        ..SessionOptions::default()
    };
    let session = Session::corpus(&options)?;
    tell_bad_cases(&session)?;
    Ok(session)
}

fn list(args: ListArgs) -> Outcome {
    let session = listed(&args)?;
    if args.format == ListFormat::Json {
        say(&json_listing::list(&session.cases()))?;
        return Ok(status(session.bad_cases.is_empty()));
    }
    let mut text = String::new();
    for case in session.cases() {
        text.push_str(&format!(
            "{:40} {}\n",
            visible_line(&case.id),
            visible_line(&case.header.description)
        ));
    }
    say(&text)?;
    Ok(status(session.bad_cases.is_empty()))
}

fn divergences(args: ListArgs) -> Outcome {
    let session = listed(&args)?;
    let cases: Vec<_> = session.cases().into_iter().cloned().collect();
    say(&match args.format {
        ListFormat::Text => coverage::divergences_document(&cases),
        ListFormat::Json => json_listing::divergences(&session.cases()),
    })?;
    Ok(status(session.bad_cases.is_empty()))
}

fn versions(args: ListArgs) -> Outcome {
    if args.format == ListFormat::Json {
        return Err(Error::Usage("versions has no --format json".into()));
    }
    let session = listed(&args)?;
    let cases: Vec<_> = session.cases().into_iter().cloned().collect();
    let text = timeline::markdown(&cases, &session.layout.expected).map_err(Error::Corpus)?;
    say(&text)?;
    Ok(status(session.bad_cases.is_empty()))
}

fn coverage(args: CoverageArgs) -> Outcome {
    let session = args.common.open(&[], &args.backends)?;
    let rules = coverage::load_rules(&session.layout.cases).map_err(Error::Corpus)?;
    let report = session.run(&TerminalProgress::new());
    let (text, complete) = coverage::document(&rules, &report);
    say(&text)?;
    Ok(status(complete && report.exit().code() == 0))
}

fn bench_mode(mode: bench::Mode, count: usize, common: Common) -> Outcome {
    let session = Session::corpus(&common.options(&[], &[])?)?;
    let scaled = bench::scaled(&session.all_cases, count);
    let run = bench::run_mode(mode, &scaled, &session.options, &session.layout.expected)
        .map_err(Error::Bench)?;
    say(&run.to_text())?;
    Ok(0)
}

fn bench(args: BenchArgs) -> Outcome {
    let session = Session::corpus(&args.common.options(&[], &[])?)?;
    let options = bench::bench_options(&session.options);
    say(&bench::introduction(&session.all_cases, &options).map_err(Error::Bench)?)?;
    say(&bench::header())?;
    let mut failed_to_write = None;
    let measured = bench::compare(
        &options.worker_exe,
        &session.root,
        args.common.python.first().map(PathBuf::as_path),
        args.scale,
        &args.memory,
        args.common.jobs,
        &mut |row| {
            if let Err(e) = say(&bench::row(row)) {
                failed_to_write.get_or_insert(e);
            }
        },
    )
    .map_err(Error::Bench)?;
    if let Some(error) = failed_to_write {
        return Err(error);
    }
    say(&bench::conclusion(&measured, args.common.palette()))?;
    Ok(status(measured.met()))
}

fn fuzz_command(args: FuzzArgs) -> Outcome {
    use fuzz::summary::Status;
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
        corpus_command::refuse_built_in(args.common.root.as_deref())?;
    }
    if args.mark_saved {
        finish_saved(&args, &[format!("{}/", fuzz::save::TOPIC)])?;
        return Ok(0);
    }
    let session = Session::corpus(&args.common.options(&[], &[])?)?;
    if args.oracle {
        return fuzz_oracle::oracle_command(&args, &session);
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
    let mut statuses = Vec::new();
    let mut saved = Vec::new();
    for finding in &outcome.findings {
        let existing = fuzz::save::path_for(&session.layout.cases, finding);
        let status = if let Some(case) = options.known.get(&finding.identity) {
            Status::Known { case: case.clone() }
        } else if existing.exists() {
            Status::Known {
                case: existing.display().to_string(),
            }
        } else if args.save && !args.cross_version {
            let path = fuzz::save::save(&session.layout.cases, finding, mode)
                .map_err(|e| Error::Usage(format!("cannot save {}: {e}", existing.display())))?;
            if let Some(stem) = path.as_ref().and_then(|p| p.file_stem()) {
                saved.push(format!("{}/{}", fuzz::save::TOPIC, stem.to_string_lossy()));
            }
            Status::New {
                saved: path.map(|p| p.display().to_string()),
            }
        } else {
            Status::New { saved: None }
        };
        statuses.push(status);
    }
    say(&fuzz::summary::render(
        &outcome,
        &statuses,
        args.cross_version,
    ))?;
    if !saved.is_empty() {
        finish_saved(&args, &saved)?;
    }
    Ok(0)
}
