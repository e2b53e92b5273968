//! The speed benchmark (`scripts/bench`): the corpus scaled up and run three ways,
//! measured side by side in one run.
//!
//! - naive: a fresh CPython process and a fresh RustPython process for every case;
//! - ours:  the runner with warm worker pools (what `cargo run`/`cargo test` do);
//! - limit: bare execution of the same cases in one process per interpreter and
//!   core, no probe, no comparison. Faults are contained as the runner contains
//!   them: a case that takes its process down (a crash, an exit, a hang killed at
//!   its timeout) is counted as contained, not failed, and a fresh process runs the
//!   cases after it, so one bad case cannot make the limit do less work.
//!
//! Each measurement runs in a child process of its own (`bench-mode`), so wall time,
//! CPU time (its rusage, workers included) and peak memory (the RSS of its whole
//! process tree, sampled from /proc) belong to that mode alone.

mod limit;
mod rss;

pub use limit::{run_limit, Fault, LimitCase, LimitRun, LIMIT_SCRIPT};

use crate::backend::{discover, Backend, BackendOptions};
use crate::case::Case;
use crate::report::Palette;
use crate::suite::{check_golden, pairs};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the benchmark runs: one CPython (python3 on PATH, or the first `--python`)
/// and the embedded RustPython.
pub const BACKENDS: [&str; 2] = ["cpython", "rustpython"];

/// The benchmark's options: exactly one CPython.
pub fn bench_options(options: &BackendOptions) -> BackendOptions {
    let python = options
        .pythons
        .first()
        .cloned()
        .unwrap_or_else(|| "python3".into());
    BackendOptions {
        pythons: vec![python],
        ..options.clone()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    Naive,
    Ours,
    Limit,
}

/// The corpus repeated until it has `count` cases.
pub fn scaled(cases: &[Case], count: usize) -> Vec<&Case> {
    cases
        .iter()
        .cycle()
        .take(if cases.is_empty() { 0 } else { count })
        .collect()
}

/// What one mode did: how many checks failed (so a broken run cannot pass for a
/// fast one) and, in the limit mode, the executions that took their process down.
#[derive(Debug, Default, PartialEq)]
pub struct ModeRun {
    pub failed: usize,
    pub contained: Vec<String>,
}

impl ModeRun {
    /// What a `bench-mode` child prints for `measure` to read: the contained faults,
    /// then the failed count.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for fault in &self.contained {
            let _ = writeln!(out, "{CONTAINED_PREFIX}{fault}");
        }
        let _ = writeln!(out, "{}", self.failed);
        out
    }
}

/// Runs one mode in this process (the `bench-mode` child).
pub fn run_mode(
    mode: Mode,
    cases: &[&Case],
    options: &BackendOptions,
    expected_root: &Path,
) -> Result<ModeRun, String> {
    match mode {
        Mode::Naive | Mode::Ours => {
            let options = BackendOptions {
                cases_per_worker: (mode == Mode::Naive).then_some(1),
                ..bench_options(options)
            };
            let names: Vec<String> = BACKENDS.iter().map(|s| s.to_string()).collect();
            let backends: Vec<Backend> = discover(&options)
                .select(&names)?
                .into_iter()
                .map(|spec| Backend::start(spec, &options))
                .collect();
            // Only the count is kept: a long run must not grow with its results.
            let failed = pairs(cases, &backends)
                .par_iter()
                .filter(|(case, backend)| {
                    !check_golden(case, backend, expected_root).verdict.is_ok()
                })
                .count();
            Ok(ModeRun {
                failed,
                contained: Vec::new(),
            })
        }
        Mode::Limit => limit::run(cases, options),
    }
}

/// How a `bench-mode limit` child names one contained fault on its stdout, before
/// the failed count.
const CONTAINED_PREFIX: &str = "contained: ";

/// What one measured child process cost.
#[derive(Debug, Clone)]
pub struct Cost {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss: u64,
    pub failed: usize,
    /// The faults the limit mode contained, one line each.
    pub contained: Vec<String>,
}

/// Runs `closure-conformance bench-mode …` and measures it.
pub fn measure(
    exe: &Path,
    root: &Path,
    python: Option<&Path>,
    mode: Mode,
    count: usize,
    jobs: Option<usize>,
) -> Result<Cost, String> {
    let mut command = Command::new(exe);
    command
        .arg("bench-mode")
        .arg(format!("{mode:?}").to_lowercase())
        .arg(count.to_string())
        .arg("--root")
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(python) = python {
        command.arg("--python").arg(python);
    }
    if let Some(jobs) = jobs {
        command.arg("--jobs").arg(jobs.to_string());
    }
    let start = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let pid = child.id();
    let done = Arc::new(AtomicBool::new(false));
    let peak = Arc::new(AtomicU64::new(0));
    let sampler = {
        let (done, peak) = (done.clone(), peak.clone());
        std::thread::spawn(move || {
            let page = rss::page_size();
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss::tree_rss(pid, page), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(25));
            }
        })
    };
    // wait4 rather than Child::wait: it also returns the CPU the child and every
    // worker it waited for used.
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child; status and usage are valid for writes.
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let _ = sampler.join();
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout {
        use std::io::Read as _;
        let _ = out.read_to_string(&mut stdout);
    }
    if waited < 0 || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!(
            "bench-mode {mode:?} {count} did not finish cleanly (status {status})"
        ));
    }
    let seconds = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    let (failed, contained) = parse_mode_output(&stdout)
        .ok_or_else(|| format!("bench-mode {mode:?} printed {stdout:?}"))?;
    Ok(Cost {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_rss: peak.load(Ordering::Relaxed),
        failed,
        contained,
    })
}

/// What a `bench-mode` child printed: the contained faults, then the failed count.
fn parse_mode_output(stdout: &str) -> Option<(usize, Vec<String>)> {
    let mut lines: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    let failed = lines.pop()?.trim().parse().ok()?;
    let contained = lines
        .into_iter()
        .map(|l| l.strip_prefix(CONTAINED_PREFIX).map(str::to_owned))
        .collect::<Option<_>>()?;
    Some((failed, contained))
}

/// One measured run of a mode.
#[derive(Debug, Clone)]
pub struct Row {
    pub mode: Mode,
    pub cases: usize,
    pub cost: Cost,
}

/// A target and whether it was met.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub what: String,
    pub met: bool,
}

/// What the benchmark measured, side by side in one run.
#[derive(Debug, Clone)]
pub struct BenchReport {
    pub rows: Vec<Row>,
    pub targets: Vec<Target>,
    /// Checks or executions that failed: then the times are not comparable.
    pub failed: usize,
}

impl BenchReport {
    /// Every target met, and nothing failed.
    pub fn met(&self) -> bool {
        self.failed == 0 && self.targets.iter().all(|t| t.met)
    }
}

/// The first line: the corpus, the backends measured, jobs and cores.
pub fn introduction(cases: &[Case], options: &BackendOptions) -> Result<String, String> {
    let names: Vec<String> = BACKENDS.iter().map(|s| s.to_string()).collect();
    let describe: Vec<String> = discover(options)
        .select(&names)?
        .iter()
        .map(|spec| format!("{} = {}", spec.name, spec.build))
        .collect();
    Ok(format!(
        "benchmark: {} cases in the corpus; {}; {} jobs on {} cores\n",
        cases.len(),
        describe.join(", "),
        rayon::current_num_threads(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    ))
}

/// The header of the table `row` writes lines of.
pub fn header() -> String {
    format!(
        "{:<6} {:>6} {:>7} {:>9} {:>9} {:>10} {:>7}\n",
        "mode", "cases", "checks", "wall", "cpu", "peak RSS", "failed"
    )
}

/// One line of the table (and, for the limit mode, its contained faults).
pub fn row(row: &Row) -> String {
    let cost = &row.cost;
    let mut out = format!(
        "{:<6} {:>6} {:>7} {:>8.2}s {:>8.2}s {:>7.1} MiB {:>7}\n",
        format!("{:?}", row.mode).to_lowercase(),
        row.cases,
        row.cases * BACKENDS.len(),
        cost.wall.as_secs_f64(),
        cost.cpu.as_secs_f64(),
        cost.peak_rss as f64 / (1 << 20) as f64,
        cost.failed
    );
    if row.mode == Mode::Limit {
        let _ = writeln!(
            out,
            "       {} executions took their process down and were contained \
             (a fresh process ran the cases after each){}",
            cost.contained.len(),
            if cost.contained.is_empty() { "" } else { ":" }
        );
        for fault in &cost.contained {
            let _ = writeln!(out, "         {fault}");
        }
    }
    out
}

/// The targets, each met or MISSED, and a warning when something failed.
pub fn conclusion(report: &BenchReport, palette: Palette) -> String {
    let mut out = String::from("\n");
    for target in &report.targets {
        let verdict = if target.met {
            palette.green("met")
        } else {
            palette.red("MISSED")
        };
        let _ = writeln!(out, "{}  {verdict}", target.what);
    }
    if report.failed > 0 {
        let _ = writeln!(
            out,
            "{}",
            palette.red(&format!(
                "{} checks or executions failed: the times are not comparable",
                report.failed
            ))
        );
    }
    out
}

/// Measures every mode side by side; tells each row to `on_row` as soon as it is
/// measured (a run takes minutes) and returns them all with the targets.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    exe: &Path,
    root: &Path,
    python: Option<&Path>,
    scale: usize,
    memory: &[usize],
    jobs: Option<usize>,
    on_row: &mut dyn FnMut(&Row),
) -> Result<BenchReport, String> {
    let mut rows = Vec::new();
    let mut run = |mode: Mode, count: usize| -> Result<Cost, String> {
        let cost = measure(exe, root, python, mode, count, jobs)?;
        let measured = Row {
            mode,
            cases: count,
            cost: cost.clone(),
        };
        on_row(&measured);
        rows.push(measured);
        Ok(cost)
    };
    let naive = run(Mode::Naive, scale)?;
    let ours = run(Mode::Ours, scale)?;
    let limit = run(Mode::Limit, scale)?;
    let peaks: Vec<Cost> = memory
        .iter()
        .map(|&n| run(Mode::Ours, n))
        .collect::<Result<_, _>>()?;

    let ratio = |a: std::time::Duration, b: std::time::Duration| {
        a.as_secs_f64() / b.as_secs_f64().max(1e-9)
    };
    let mut targets = vec![
        Target {
            what: format!(
                "ours vs naive: {:.1}x faster in wall time, {:.1}x in CPU time (target: >= 20x)",
                ratio(naive.wall, ours.wall),
                ratio(naive.cpu, ours.cpu)
            ),
            met: ratio(naive.wall, ours.wall) >= 20.0,
        },
        Target {
            what: format!(
                "ours vs limit: {:.2}x the limit in wall time, {:.2}x in CPU time (target: <= 3x)",
                ratio(ours.wall, limit.wall),
                ratio(ours.cpu, limit.cpu)
            ),
            met: ratio(ours.wall, limit.wall) <= 3.0,
        },
    ];
    if let (Some(first), Some(last)) = (peaks.first(), peaks.last()) {
        let growth = last.peak_rss as f64 / first.peak_rss.max(1) as f64 - 1.0;
        targets.push(Target {
            what: format!(
                "peak memory, {} vs {} cases: {:+.1}% (target: within 10%)",
                memory.last().unwrap_or(&0),
                memory.first().unwrap_or(&0),
                growth * 100.0
            ),
            met: growth.abs() <= 0.10,
        });
    }
    // A run that failed did different work: its time says nothing.
    let failed =
        naive.failed + ours.failed + limit.failed + peaks.iter().map(|c| c.failed).sum::<usize>();
    Ok(BenchReport {
        rows,
        targets,
        failed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_repeats_the_corpus() {
        assert!(scaled(&[], 10).is_empty());
        let case = |id: &str| Case {
            id: id.into(),
            topic: "t".into(),
            display_path: String::new(),
            path: Default::default(),
            source: String::new(),
            header: Default::default(),
        };
        let corpus = [case("a"), case("b")];
        let ids: Vec<&str> = scaled(&corpus, 5).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "a", "b", "a"]);
    }

    #[test]
    fn mode_output_is_the_contained_faults_then_the_failed_count() {
        assert_eq!(parse_mode_output("0\n"), Some((0, vec![])));
        let output = format!("{CONTAINED_PREFIX}rustpython a.py: took it down\n3\n");
        assert_eq!(
            parse_mode_output(&output),
            Some((3, vec!["rustpython a.py: took it down".to_string()]))
        );
        assert_eq!(parse_mode_output("noise\n0\n"), None);
        assert_eq!(parse_mode_output(""), None);
    }
}
