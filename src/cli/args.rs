//! The arguments several commands share, flattened into each: the corpus and its
//! backends (`Common`), the cases and backends of a run (`Selection`), where a
//! report goes and in which format (`Output`), and the listing format.

use super::corpus;
use super::tell_bad_cases;
use clap::{Args, ValueEnum};
use closure_conformance::backend;
use closure_conformance::error::Error;
use closure_conformance::report::{Detail, Format, Palette};
use closure_conformance::session::{Session, SessionOptions};
use closure_conformance::{output, references};
use std::path::PathBuf;

#[derive(Args, Clone)]
pub struct Common {
    /// Directory holding cases/ and expected/ [default: the working directory when
    /// it holds cases/, else the corpus built into this binary].
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// A CPython to use (repeatable); given, only these are the cpython backends
    /// [default: $CLOSURE_CONFORMANCE_PYTHON, else every CPython 3.6+ on PATH and in pyenv].
    #[arg(long)]
    pub python: Vec<PathBuf>,
    /// Another interpreter, run as `COMMAND -c <probe> --serve` (repeatable)
    /// [also: $CLOSURE_CONFORMANCE_INTERPRETERS, `NAME=COMMAND;…`].
    #[arg(long, value_name = "NAME=COMMAND", value_parser = backend::external::parse_interpreter)]
    pub interpreter: Vec<(String, String)>,
    /// When to color output (NO_COLOR is honored by `auto`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Parallel jobs [default: number of cores].
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Never install the pinned references (Pyodide) on first need
    /// [also: $CLOSURE_CONFORMANCE_OFFLINE=1].
    #[arg(long)]
    pub offline: bool,
}

/// The cases and backends of a run. `report` words `--backend` more briefly (see
/// its `mut_arg`).
#[derive(Args, Clone)]
pub struct Selection {
    /// Only cases whose id or path contains one of these.
    pub filters: Vec<String>,
    /// Backends to run (repeatable): a name, or a kind (`cpython` is every
    /// cpython-3.X) [default: every available backend; see `backends`].
    #[arg(long = "backend", short)]
    pub backends: Vec<String>,
    /// Stop at the first failure: the checks not yet begun are skipped, and say so.
    #[arg(long)]
    pub fail_fast: bool,
}

/// A report's format and where it goes. `report` changes the default format and
/// says more about `--output` (see its `mut_arg`s).
#[derive(Args, Clone)]
pub struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// List every known divergence with its reasons (the human report counts them
    /// per backend).
    #[arg(long, short)]
    pub verbose: bool,
}

impl Output {
    /// How much the human report lists.
    pub fn detail(&self) -> Detail {
        match self.verbose {
            true => Detail::Every,
            false => Detail::Counts,
        }
    }
}

/// The output of a listing command: text (markdown) for people, or JSON.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    pub fn palette(self) -> Palette {
        Palette::new(match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        })
    }
}

impl Common {
    pub fn palette(&self) -> Palette {
        self.color.palette()
    }

    /// Installs the pinned references on first need: when every backend runs or a
    /// pyodide one is named. A failure is said and the run goes on without them.
    pub fn fetch(&self, backends: &[String]) {
        let wanted = backends.is_empty() || backends.iter().any(|b| b.starts_with("pyodide"));
        let offline = self.offline || references::offline_from_env();
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
    pub fn options(
        &self,
        filters: &[String],
        backends: &[String],
    ) -> Result<SessionOptions, Error> {
        if let Some(jobs) = self.jobs {
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.max(1))
                .build_global();
        }
        Ok(SessionOptions {
            root: corpus::root(self.root.as_deref())?,
            filters: filters.to_vec(),
            backends: backends.to_vec(),
            pythons: self.python.clone(),
            interpreters: self.interpreter.clone(),
            worker_exe: std::env::current_exe().map_err(Error::OwnExecutable)?,
        })
    }

    /// The session of the selected cases on the selected backends, started; the
    /// cases that cannot run said on stderr.
    pub fn open(&self, filters: &[String], backends: &[String]) -> Result<Session, Error> {
        self.fetch(backends);
        let session = Session::open(&self.options(filters, backends)?)?;
        tell_bad_cases(&session)?;
        Ok(session)
    }
}
