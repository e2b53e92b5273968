//! The `closure-conformance` command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use closure_conformance::backend::rustpython as rustpython_worker;
use closure_conformance::backend::{self, Backend, BackendOptions, Discovery};
use closure_conformance::case::{self, Case};
use closure_conformance::compare::Verdict;
use closure_conformance::regen::ReferenceBackend;
use closure_conformance::report::{self, visible_line, JsonBackend, Palette};
use closure_conformance::suite::{self, Layout, Outcome};
use closure_conformance::{bench, regen, say, say_raw};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;
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
    /// Compare two backends with each other, without goldens.
    Diff(DiffArgs),
    /// Which cases a newer backend fixed or broke against an older one (say
    /// RustPython 0.6.0 against 0.5.0), each judged against its own version's
    /// goldens, marks ignored.
    Progress(DiffArgs),
    /// Rewrite goldens from every reference CPython (what scripts/regen calls).
    Regen(RegenArgs),
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

#[derive(Args)]
struct BackendsArgs {
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Clone)]
struct Common {
    /// Directory holding cases/ and expected/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct RegenArgs {
    /// Change nothing; exit 1 if any selected golden is missing or out of date.
    #[arg(long)]
    check: bool,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
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
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Reports a case file that cannot run, on one line whatever its name holds.
fn bad_case(error: &case::CaseError) {
    eprintln!(
        "closure-conformance: bad case: {}",
        visible_line(&error.to_string())
    );
}

/// A one-line error for the user; the exit status says what kind.
struct Fatal(String);

/// 0 when everything passed (or diverged as marked), 1 otherwise.
fn exit_status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Worker { backend }) => return worker(&backend),
        Some(Command::Run(args)) => run(args),
        None => run(cli.run),
        Some(Command::Diff(args)) => diff(args),
        Some(Command::Progress(args)) => progress(args),
        Some(Command::Regen(args)) => regen(args),
        Some(Command::Backends(args)) => list_backends(args),
        Some(Command::List(args)) => list(args),
        Some(Command::Coverage(args)) => coverage(args),
        Some(Command::Divergences(args)) => divergences(args),
        Some(Command::Versions(args)) => versions(args),
        Some(Command::Bench(args)) => bench(args),
        Some(Command::BenchMode {
            mode,
            count,
            common,
        }) => bench_mode(mode, count, common),
        Some(Command::Script { backend, source }) => return script(&backend, &source),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("closure-conformance: error: {}", visible_line(&message));
            ExitCode::from(2)
        }
    }
}

fn worker(backend: &str) -> ExitCode {
    match backend {
        "rustpython" => rustpython_worker::serve(),
        other => {
            eprintln!("closure-conformance: error: no in-process worker for backend {other:?}");
            ExitCode::from(2)
        }
    }
}

impl Common {
    fn palette(&self) -> Palette {
        Palette::new(match self.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        })
    }

    fn setup_jobs(&self) {
        if let Some(jobs) = self.jobs {
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.max(1))
                .build_global();
        }
    }

    /// Loads every case; a bad case file is reported and counted, not fatal, but
    /// a corpus with no case at all is.
    fn load_cases(&self) -> Result<(Layout, Vec<Case>, usize), Fatal> {
        let layout = Layout::under(&self.root);
        let (cases, errors) = case::discover(&layout.cases).map_err(|e| {
            Fatal(format!(
                "{e} (run from the repository root or pass --root DIR)"
            ))
        })?;
        for error in &errors {
            bad_case(error);
        }
        case::require_cases(&layout.cases, &cases).map_err(Fatal)?;
        Ok((layout, cases, errors.len()))
    }

    fn backend_options(&self) -> Result<BackendOptions, Fatal> {
        let exe = std::env::current_exe()
            .map_err(|e| Fatal(format!("cannot find our own executable: {e}")))?;
        let mut options = BackendOptions::from_env(exe).map_err(Fatal)?;
        if !self.python.is_empty() {
            options.pythons = self.python.clone();
        }
        options
            .interpreters
            .extend(self.interpreter.iter().cloned());
        Ok(options)
    }

    /// The backends named (all available ones when none is), ready to run.
    fn backends(&self, names: &[String]) -> Result<Vec<Backend>, Fatal> {
        let options = self.backend_options()?;
        let found = backend::discover(&options);
        let specs = found.select(names).map_err(Fatal)?;
        Ok(specs
            .into_iter()
            .map(|spec| Backend::start(spec, &options))
            .collect())
    }

    fn backend(&self, name: &str) -> Result<Backend, Fatal> {
        let mut backends = self.backends(&[name.to_string()])?;
        let backend = backends.remove(0);
        backend
            .hello()
            .map_err(|why| Fatal(format!("backend {}: {why}", backend.name)))?;
        Ok(backend)
    }
}

/// Runs `check` on every item in parallel, with a progress bar on a terminal.
/// Passing outcomes keep no section texts: a long run must not grow with results
/// it never shows.
fn check_all<T: Sync>(items: &[T], check: impl Fn(&T) -> Outcome + Sync) -> Vec<Outcome> {
    let bar = ProgressBar::new(items.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let outcomes = items
        .par_iter()
        .map(|item| {
            let mut outcome = check(item);
            if outcome.verdict == Verdict::Pass {
                outcome.expected = Default::default();
                outcome.actual = Default::default();
            }
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();
    outcomes
}

fn run(args: RunArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (layout, cases, bad_cases) = args.common.load_cases()?;
    let selected = case::select_some(&cases, &args.filters).map_err(Fatal)?;
    let backends = args.common.backends(&args.backends)?;
    let pairs: Vec<(&Case, &Backend)> = selected
        .iter()
        .flat_map(|c| backends.iter().map(move |b| (*c, b)))
        .collect();
    let outcomes = check_all(&pairs, |(case, backend)| {
        suite::check_golden(case, backend, &layout.expected)
    });
    finish(
        &outcomes,
        &backends,
        args.format,
        args.common.palette(),
        bad_cases,
    )
}

fn diff(args: DiffArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (_, cases, bad_cases) = args.common.load_cases()?;
    let selected = case::select_some(&cases, &args.filters).map_err(Fatal)?;
    let reference = args.common.backend(&args.reference)?;
    let other = args.common.backend(&args.other)?;
    let outcomes = check_all(&selected, |case| {
        suite::check_pair(case, &reference, &other)
    });
    finish(
        &outcomes,
        std::slice::from_ref(&other),
        args.format,
        args.common.palette(),
        bad_cases,
    )
}

/// Prints the report and picks the exit status.
fn finish(
    outcomes: &[Outcome],
    backends: &[Backend],
    format: Format,
    palette: Palette,
    bad_cases: usize,
) -> Result<ExitCode, Fatal> {
    let names: Vec<String> = backends.iter().map(|b| b.name.clone()).collect();
    let failures = outcomes.iter().filter(|o| !o.verdict.is_ok()).count();
    if format == Format::Json {
        let described = backends
            .iter()
            .map(|b| JsonBackend {
                name: b.name.clone(),
                describe: b.describe().unwrap_or_else(|e| e),
            })
            .collect();
        say!("{}", report::json(outcomes, described));
    } else {
        for backend in backends {
            say!(
                "{}: {}",
                backend.name,
                backend.describe().unwrap_or_else(|e| e)
            );
        }
        say!();
        say_raw!("{}", report::table(outcomes, &names, palette));
        let known: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| matches!(o.verdict, Verdict::KnownDivergence { .. }))
            .collect();
        if !known.is_empty() {
            say!(
                "\n{}",
                palette.bold(&format!("known divergences ({}):", known.len()))
            );
            for outcome in known {
                if let Verdict::KnownDivergence { reasons } = &outcome.verdict {
                    say!(
                        "  {}::{} — {}",
                        outcome.backend,
                        visible_line(&outcome.case.id),
                        visible_line(&reasons.join("; "))
                    );
                }
            }
        }
        for outcome in outcomes.iter().filter(|o| !o.verdict.is_ok()) {
            say!(
                "\n{} {}::{}",
                palette.red("FAIL"),
                outcome.backend,
                visible_line(&outcome.case.id)
            );
            say_raw!("{}", report::explain(outcome, palette));
        }
        let skipped = outcomes
            .iter()
            .filter(|o| matches!(o.verdict, Verdict::Skip { .. }))
            .count();
        say!(
            "\n{} checks: {} passed, {} failed{}{}",
            outcomes.len(),
            outcomes.len() - failures - skipped,
            failures,
            if skipped > 0 {
                format!(", {skipped} skipped")
            } else {
                String::new()
            },
            if bad_cases > 0 {
                format!(", {bad_cases} bad case files")
            } else {
                String::new()
            }
        );
    }
    Ok(exit_status(failures == 0 && bad_cases == 0))
}

fn regen(args: RegenArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (layout, cases, bad_cases) = args.common.load_cases()?;
    let selected = case::select_some(&cases, &args.filters).map_err(Fatal)?;
    let options = args.common.backend_options()?;
    let found = backend::discover(&options);
    let references: Vec<ReferenceBackend> = found
        .references()
        .into_iter()
        .map(|(version, spec)| ReferenceBackend {
            version,
            made_by: spec.build.clone(),
            backend: Backend::start(spec.clone(), &options),
        })
        .collect();
    if references.is_empty() {
        return Err(Fatal(format!(
            "regen needs the reference CPython and found none{} (install python3, or run {})",
            found
                .why_not("cpython")
                .map(|why| format!(": {why}"))
                .unwrap_or_default(),
            backend::INSTALL_REFERENCES
        )));
    }
    let palette = args.common.palette();
    let listed: Vec<String> = references
        .iter()
        .map(|r| format!("{} = {}", r.version, r.made_by))
        .collect();
    say!("references: {}", listed.join(", "));
    let summary = regen::regen(
        &selected,
        &cases,
        &references,
        &layout.expected,
        args.check,
        palette,
    )
    .map_err(Fatal)?;
    if !summary.unchecked.is_empty() {
        let versions: Vec<String> = summary.unchecked.iter().map(|v| v.to_string()).collect();
        say!(
            "{} Python {}: no reference installed here; their goldens were kept as they are{}",
            palette.yellow("not checked:"),
            versions.join(", "),
            missing_hint(&found, &summary.unchecked)
        );
    }
    let verb = if args.check { "out of date" } else { "written" };
    say!(
        "regen: {} {verb} ({} new, {} changed), {} unchanged, {} errors{}",
        summary.out_of_date(),
        summary.new,
        summary.changed,
        summary.unchanged,
        summary.errors,
        if summary.orphans.is_empty() {
            String::new()
        } else {
            format!(", {} orphan goldens", summary.orphans.len())
        }
    );
    let failed = summary.errors > 0
        || bad_cases > 0
        || (args.check && (summary.out_of_date() > 0 || !summary.orphans.is_empty()));
    Ok(exit_status(!failed))
}

/// How to install the references of `versions`, where the install script has them.
fn missing_hint(
    found: &Discovery,
    versions: &std::collections::BTreeSet<closure_conformance::version::PyVersion>,
) -> String {
    let installable = found.unavailable.iter().any(|u| {
        versions
            .iter()
            .any(|v| u.name == format!("pyodide-{v}") && u.install.is_some())
    });
    if installable {
        format!(" (install with {})", backend::INSTALL_REFERENCES)
    } else {
        String::new()
    }
}

fn list_backends(args: BackendsArgs) -> Result<ExitCode, Fatal> {
    let options = args.common.backend_options()?;
    let found = backend::discover(&options);
    let references = found.references();
    say!("available:");
    for spec in &found.available {
        let language = spec
            .language
            .map(|v| format!("Python {v}"))
            .unwrap_or_else(|| "version told when started".into());
        let role = match spec.language {
            Some(v) if references.get(&v).is_some_and(|r| r.name == spec.name) => {
                ", reference for its goldens"
            }
            _ => "",
        };
        say!("  {:14} {} ({language}{role})", spec.name, spec.build);
    }
    if !found.unavailable.is_empty() {
        say!("missing or skipped:");
        for missing in &found.unavailable {
            match &missing.install {
                Some(install) => say!(
                    "  {:14} {} — install with {install}",
                    missing.name,
                    missing.why
                ),
                None => say!("  {:14} {}", missing.name, missing.why),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(args: ListArgs) -> Result<ExitCode, Fatal> {
    let (_, selected, errors) = listed_cases(&args)?;
    for case in &selected {
        say!(
            "{:40} {}",
            visible_line(&case.id),
            visible_line(&case.header.description)
        );
    }
    Ok(exit_status(errors == 0))
}

fn script(backend: &str, source: &str) -> ExitCode {
    match backend {
        "rustpython" => rustpython_worker::run_script(source),
        other => {
            eprintln!("closure-conformance: error: no embedded interpreter for backend {other:?}");
            ExitCode::from(2)
        }
    }
}

fn bench_mode(mode: bench::Mode, count: usize, common: Common) -> Result<ExitCode, Fatal> {
    common.setup_jobs();
    let (layout, cases, _) = common.load_cases()?;
    let scaled = bench::scaled(&cases, count);
    let failed = bench::run_mode(mode, &scaled, &common.backend_options()?, &layout.expected)
        .map_err(Fatal)?;
    say!("{failed}");
    Ok(ExitCode::SUCCESS)
}

fn bench(args: BenchArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (_, cases, _) = args.common.load_cases()?;
    let options = bench::bench_options(&args.common.backend_options()?);
    let exe = options.worker_exe.clone();
    let palette = args.common.palette();
    let found = backend::discover(&options);
    let names: Vec<String> = bench::BACKENDS.iter().map(|s| s.to_string()).collect();
    let describe: Vec<String> = found
        .select(&names)
        .map_err(Fatal)?
        .iter()
        .map(|spec| format!("{} = {}", spec.name, spec.build))
        .collect();
    say!(
        "benchmark: {} cases in the corpus; {}; {} jobs on {} cores",
        cases.len(),
        describe.join(", "),
        rayon::current_num_threads(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let met = bench::compare(
        &exe,
        &args.common.root,
        args.common.python.first().map(PathBuf::as_path),
        args.scale,
        &args.memory,
        args.common.jobs,
        palette,
    )
    .map_err(Fatal)?;
    Ok(exit_status(met))
}

fn coverage(args: CoverageArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (layout, cases, bad_cases) = args.common.load_cases()?;
    let rules = closure_conformance::coverage::load_rules(&layout.cases).map_err(Fatal)?;
    let backends = args.common.backends(&args.backends)?;
    let pairs: Vec<(&Case, &Backend)> = cases
        .iter()
        .flat_map(|c| backends.iter().map(move |b| (c, b)))
        .collect();
    let outcomes = check_all(&pairs, |(case, backend)| {
        suite::check_golden(case, backend, &layout.expected)
    });
    let names: Vec<String> = backends.iter().map(|b| b.name.clone()).collect();
    let mut described = Vec::new();
    for backend in &backends {
        described.push(format!(
            "{} = {}",
            backend.name,
            backend.describe().map_err(Fatal)?
        ));
    }
    say!("# Coverage\n");
    say!(
        "Made by `cargo run --release -- coverage` ({}). Each backend column counts the rule's cases: pass / known divergence / fail.\n",
        described.join(", ")
    );
    say_raw!(
        "{}",
        closure_conformance::coverage::markdown(&rules, &cases, &outcomes, &names)
    );
    let (_, problems) = closure_conformance::coverage::map(&rules, &cases);
    let failed = outcomes.iter().any(|o| !o.verdict.is_ok());
    Ok(exit_status(
        problems.is_empty() && !failed && bad_cases == 0,
    ))
}

/// The cases a listing command selects; bad case files are printed and counted;
/// no case at all, or none matching the filters, is an error.
fn listed_cases(args: &ListArgs) -> Result<(Layout, Vec<Case>, usize), Fatal> {
    let layout = Layout::under(&args.root);
    let (cases, errors) = case::discover(&layout.cases).map_err(|e| Fatal(e.to_string()))?;
    for error in &errors {
        bad_case(error);
    }
    case::require_cases(&layout.cases, &cases).map_err(Fatal)?;
    let selected: Vec<Case> = case::select_some(&cases, &args.filters)
        .map_err(Fatal)?
        .into_iter()
        .cloned()
        .collect();
    Ok((layout, selected, errors.len()))
}

fn divergences(args: ListArgs) -> Result<ExitCode, Fatal> {
    let (_, selected, errors) = listed_cases(&args)?;
    say!("# Known divergences\n");
    say!("Made by `cargo run --release -- divergences` from the `# diverges:` marks of the cases; `cargo test` checks that each still reproduces.\n");
    say_raw!(
        "{}",
        closure_conformance::coverage::divergences_markdown(&selected)
    );
    Ok(exit_status(errors == 0))
}

fn versions(args: ListArgs) -> Result<ExitCode, Fatal> {
    let (layout, selected, errors) = listed_cases(&args)?;
    let text =
        closure_conformance::timeline::markdown(&selected, &layout.expected).map_err(Fatal)?;
    say_raw!("{text}");
    Ok(exit_status(errors == 0))
}

/// Whether an outcome's observation differs from its golden, marks ignored; `None`
/// when there was nothing to compare (skipped, no golden).
fn differs(verdict: &Verdict) -> Option<bool> {
    use closure_conformance::compare::{Failure, FailureKind};
    match verdict {
        Verdict::Pass => Some(false),
        Verdict::KnownDivergence { .. } => Some(true),
        Verdict::Fail(Failure { why, .. }) => match why {
            FailureKind::StaleDivergence { .. } => Some(false),
            FailureKind::Mismatch | FailureKind::Fault(_) => Some(true),
            FailureKind::NoExpectation(_) => None,
        },
        Verdict::Skip { .. } => None,
    }
}

fn progress(args: DiffArgs) -> Result<ExitCode, Fatal> {
    args.common.setup_jobs();
    let (layout, cases, bad_cases) = args.common.load_cases()?;
    let selected = case::select_some(&cases, &args.filters).map_err(Fatal)?;
    let old = args.common.backend(&args.reference)?;
    let new = args.common.backend(&args.other)?;
    // (case, differs on old, differs on new), marks ignored.
    let judged: Vec<(&str, Option<bool>, Option<bool>)> = selected
        .par_iter()
        .map(|case| {
            let before = suite::check_golden(case, &old, &layout.expected);
            let after = suite::check_golden(case, &new, &layout.expected);
            (
                case.id.as_str(),
                differs(&before.verdict),
                differs(&after.verdict),
            )
        })
        .collect();
    let palette = args.common.palette();
    let mut groups: [(&str, Vec<&str>); 4] = [
        ("fixed", vec![]),
        ("regressed", vec![]),
        ("still differ", vec![]),
        ("not comparable (skipped or no golden)", vec![]),
    ];
    for (id, before, after) in judged {
        let slot = match (before, after) {
            (Some(true), Some(false)) => 0,
            (Some(false), Some(true)) => 1,
            (Some(true), Some(true)) => 2,
            (Some(false), Some(false)) => continue,
            _ => 3,
        };
        groups[slot].1.push(id);
    }
    let before = groups[0].1.len() + groups[2].1.len();
    let after = groups[1].1.len() + groups[2].1.len();
    say!(
        "{} = {}\n{} = {}",
        old.name,
        old.describe().unwrap_or_else(|e| e),
        new.name,
        new.describe().unwrap_or_else(|e| e)
    );
    say!(
        "differ from the CPython of their version: {} on {before} cases, {} on {after}: {} fixed, {} regressed, {} still differ",
        old.name,
        new.name,
        groups[0].1.len(),
        groups[1].1.len(),
        groups[2].1.len()
    );
    for (name, ids) in &groups {
        if ids.is_empty() {
            continue;
        }
        say!("\n{} ({}):", palette.bold(name), ids.len());
        for id in ids {
            say!("  {}", visible_line(id));
        }
    }
    Ok(exit_status(bad_cases == 0))
}
