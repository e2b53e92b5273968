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

use crate::backend::{discover, identify, Backend, BackendOptions, IDENTIFY_TIMEOUT};
use crate::case::Case;
use crate::report::Palette;
use crate::suite::{check_golden, pairs};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const LIMIT_SCRIPT: &str = include_str!("bench_limit.py");

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
        Mode::Limit => {
            let options = bench_options(options);
            let python =
                identify(&options.pythons[0], &options.worker_exe, IDENTIFY_TIMEOUT)?.executable;
            let jobs = rayon::current_num_threads().max(1);
            let chunk = cases.len().div_ceil(jobs).max(1);
            // In the sandbox, as workers are: a case cannot kill its driver.
            let cpython = || {
                let mut command = crate::sandbox::command(&options.worker_exe, &python);
                command
                    .args(["-S", "-s", "-c", LIMIT_SCRIPT])
                    .env_clear()
                    .env("PYTHONHASHSEED", "0")
                    .env("PYTHONUTF8", "1"); // as the workers: cases are UTF-8
                command
            };
            let rustpython = || {
                let exe = &options.worker_exe;
                let mut command = crate::sandbox::command(exe, exe);
                command
                    .args(["script", "rustpython", "--", LIMIT_SCRIPT])
                    .env("RUST_BACKTRACE", "0"); // a panic's message, not its stack
                command
            };
            let interpreters: [(&str, &(dyn Fn() -> Command + Sync)); 2] =
                [("cpython", &cpython), ("rustpython", &rustpython)];
            // One driver thread per interpreter and core; each runs its share in one
            // process, and in a fresh one after each case that took its process down.
            let runs: Vec<(&str, &[&Case], LimitRun)> = std::thread::scope(|scope| {
                let drivers: Vec<_> = cases
                    .chunks(chunk)
                    .flat_map(|part| interpreters.iter().map(move |i| (part, *i)))
                    .map(|(part, (name, command))| {
                        scope.spawn(move || {
                            let input: Vec<LimitCase> = part
                                .iter()
                                .map(|c| LimitCase {
                                    path: &c.display_path,
                                    source: &c.source,
                                    timeout: c.timeout(),
                                })
                                .collect();
                            (name, part, run_limit(command, &input))
                        })
                    })
                    .collect();
                drivers
                    .into_iter()
                    .map(|d| d.join().expect("a limit driver panicked"))
                    .collect()
            });
            let mut result = ModeRun::default();
            for (name, part, run) in runs {
                result.failed += run.failed;
                for fault in run.contained {
                    let case = match fault.index {
                        Some(i) => part[i].display_path.as_str(),
                        None => "(after its last case)",
                    };
                    result
                        .contained
                        .push(format!("{name} {case}: {}", fault.what));
                }
            }
            Ok(result)
        }
    }
}

/// How a `bench-mode limit` child names one contained fault on its stdout, before
/// the failed count.
const CONTAINED_PREFIX: &str = "contained: ";

/// How long a limit process may take to start and read its cases.
const LIMIT_STARTUP: Duration = Duration::from_secs(60);

/// How long a limit process may take to exit after its last case.
const LIMIT_EXIT: Duration = crate::case::DEFAULT_TIMEOUT;

/// One case of a limit run.
#[derive(Debug, Clone, Copy)]
pub struct LimitCase<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub timeout: Duration,
}

/// A fault the limit run contained: the process died, hung or wrote something
/// else than its report while running case `index` (`None`: after its last case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub index: Option<usize>,
    pub what: String,
}

/// What a limit run over a list of cases did.
#[derive(Debug, Default)]
pub struct LimitRun {
    /// Cases that ran to their end (whatever exception they ended with).
    pub finished: usize,
    /// Cases that took their process down; the cases after each ran in a fresh one.
    pub contained: Vec<Fault>,
    /// Cases that never ran because a process could not start or serve.
    pub failed: usize,
}

/// Runs `cases` bare, by src/bench_limit.py, in processes made by `command` (which
/// must run that script): one process for all of them, and after a case that
/// takes it down (crash, exit, a hang killed at the case's timeout, a report out of
/// order), a fresh one on the cases after it. Only a process that cannot start or
/// serve fails its cases: a case can never fail another.
pub fn run_limit(command: &(dyn Fn() -> Command + Sync), cases: &[LimitCase]) -> LimitRun {
    let mut run = LimitRun::default();
    let mut start = 0;
    while start < cases.len() {
        match limit_process(command(), &cases[start..]) {
            Process::Finished(trouble) => {
                run.finished += cases.len() - start;
                run.contained
                    .extend(trouble.map(|what| Fault { index: None, what }));
                break;
            }
            Process::Stopped { finished, what } => {
                run.finished += finished;
                run.contained.push(Fault {
                    index: Some(start + finished),
                    what,
                });
                start += finished + 1;
            }
            Process::Failed(why) => {
                eprintln!(
                    "limit: {} cases not run: {}",
                    cases.len() - start,
                    one_line(&why)
                );
                run.failed += cases.len() - start;
                break;
            }
        }
    }
    run
}

/// How one limit process ended.
enum Process {
    /// Every case finished; with what went wrong afterwards, if anything did.
    Finished(Option<String>),
    /// `finished` cases finished, then the next one took the process down.
    Stopped { finished: usize, what: String },
    /// It never got to its cases.
    Failed(String),
}

fn limit_process(mut command: Command, cases: &[LimitCase]) -> Process {
    use std::io::BufRead as _;
    use std::os::unix::process::CommandExt as _;
    use std::sync::mpsc::{self, RecvTimeoutError};
    let input: Vec<(&str, &str)> = cases.iter().map(|c| (c.path, c.source)).collect();
    let input = match serde_json::to_string(&input) {
        Ok(input) => input,
        Err(e) => return Process::Failed(e.to_string()),
    };
    let mut child = match command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0) // so that a kill also reaches what a case started
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return Process::Failed(format!("cannot start the limit run: {e}")),
    };
    let mut stdin = child.stdin.take().expect("piped");
    std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let (lines, reports) = mpsc::channel();
    let stdout = std::io::BufReader::new(child.stdout.take().expect("piped"));
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Only the end of stderr is kept: enough to say why a process died.
    let (tail, stderr_tail) = mpsc::channel();
    let mut stderr = child.stderr.take().expect("piped");
    std::thread::spawn(move || {
        use std::io::Read as _;
        let mut kept = Vec::new();
        let mut buffer = [0; 8192];
        while let Ok(n @ 1..) = stderr.read(&mut buffer) {
            kept.extend_from_slice(&buffer[..n]);
            if kept.len() > 16384 {
                kept.drain(..kept.len() - 8192);
            }
        }
        let _ = tail.send(kept);
    });
    let pid = child.id() as libc::pid_t;
    let mut stop = |killed: bool| -> String {
        if killed {
            // SAFETY: kill has no memory preconditions; -pid is the group of our own
            // child, made by process_group(0) above.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
        let status = match child.wait() {
            Ok(status) => {
                use std::os::unix::process::ExitStatusExt as _;
                match (status.code(), status.signal()) {
                    (Some(code), _) => format!("exit status {code}"),
                    (_, Some(signal)) => format!("killed by signal {signal}"),
                    _ => status.to_string(),
                }
            }
            Err(e) => format!("cannot wait for it: {e}"),
        };
        let stderr = stderr_tail
            .recv_timeout(Duration::from_secs(1))
            .unwrap_or_default();
        let said = last_words(&String::from_utf8_lossy(&stderr));
        if said.is_empty() {
            status
        } else {
            format!("{status}: {said}")
        }
    };
    match reports.recv_timeout(LIMIT_STARTUP) {
        Ok(line) if line == "ready" => {}
        Ok(line) => return Process::Failed(format!("it wrote {line:?} first ({})", stop(true))),
        Err(RecvTimeoutError::Timeout) => {
            return Process::Failed(format!(
                "it did not start within {}s ({})",
                LIMIT_STARTUP.as_secs(),
                stop(true)
            ))
        }
        Err(RecvTimeoutError::Disconnected) => {
            return Process::Failed(format!("it ended before its first case ({})", stop(false)))
        }
    }
    for (index, case) in cases.iter().enumerate() {
        let what = match reports.recv_timeout(case.timeout) {
            Ok(line) if line == index.to_string() => continue,
            Ok(line) => format!(
                "wrote {line:?} instead of its report; killed ({})",
                stop(true)
            ),
            Err(RecvTimeoutError::Timeout) => format!(
                "did not finish within {}s; killed ({})",
                case.timeout.as_secs_f64(),
                stop(true)
            ),
            Err(RecvTimeoutError::Disconnected) => {
                format!("took its process down ({})", stop(false))
            }
        };
        return Process::Stopped {
            finished: index,
            what,
        };
    }
    Process::Finished(match reports.recv_timeout(LIMIT_EXIT) {
        Err(RecvTimeoutError::Disconnected) => {
            let ended = stop(false);
            (ended != "exit status 0").then(|| format!("the process ended with {ended}"))
        }
        Ok(line) => Some(format!(
            "wrote {line:?} after its last case ({})",
            stop(true)
        )),
        Err(RecvTimeoutError::Timeout) => Some(format!(
            "the process did not exit within {}s; killed ({})",
            LIMIT_EXIT.as_secs(),
            stop(true)
        )),
    })
}

/// The last two lines a dying process wrote to stderr that say something, on one line.
fn last_words(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("note: "))
        .collect();
    one_line(&lines[lines.len().saturating_sub(2)..].join(" "))
}

/// `text` on one line, with control characters escaped and at most 300 characters.
fn one_line(text: &str) -> String {
    let mut line: String = text
        .chars()
        .flat_map(|c| match c {
            '\n' | '\r' | '\t' => vec![' '],
            c if c.is_control() => c.escape_default().collect(),
            c => vec![c],
        })
        .collect();
    if let Some((cut, _)) = line.char_indices().nth(300) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

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

fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size > 0 {
        size as u64
    } else {
        4096
    }
}

/// Resident memory of `root` and all its descendants, in bytes, from /proc.
fn tree_rss(root: u32, page: u64) -> u64 {
    let mut parents = std::collections::HashMap::new();
    let mut rss = std::collections::HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let (Ok(stat), Ok(statm)) = (
            std::fs::read_to_string(entry.path().join("stat")),
            std::fs::read_to_string(entry.path().join("statm")),
        ) else {
            continue;
        };
        // The parent pid is the second field after the parenthesized command name.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        let resident = statm
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u64>().ok());
        if let (Some(ppid), Some(resident)) = (ppid, resident) {
            parents.insert(pid, ppid);
            rss.insert(pid, resident * page);
        }
    }
    rss.iter()
        .filter(|(pid, _)| {
            let mut current = **pid;
            for _ in 0..64 {
                if current == root {
                    return true;
                }
                match parents.get(&current) {
                    Some(&parent) if parent != current => current = parent,
                    _ => return false,
                }
            }
            false
        })
        .map(|(_, bytes)| bytes)
        .sum()
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
            let page = page_size();
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(tree_rss(pid, page), Ordering::Relaxed);
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

    fn cpython() -> Command {
        let mut command = Command::new("python3");
        command.args(["-S", "-s", "-c", LIMIT_SCRIPT]);
        command
    }

    fn limit_cases<'a>(sources: &'a [&'a str], timeout: Duration) -> Vec<LimitCase<'a>> {
        sources
            .iter()
            .map(|source| LimitCase {
                path: "case.py",
                source,
                timeout,
            })
            .collect()
    }

    #[test]
    fn limit_goes_on_after_a_case_that_takes_its_process_down() {
        let dir = tempfile::tempdir().unwrap();
        let last = dir.path().join("last-case-ran");
        let last_case = format!("open({:?}, 'w').close()", last.to_str().unwrap());
        let sources = [
            "print('fine')",
            "import os; os._exit(3)",
            "raise ValueError('an ordinary end')",
            "import sys; sys.exit(2)",
            "import os; os.abort()",
            "import os; os.write(1, b'5\\n')", // the real stdout is not the report
            "import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
            &last_case,
        ];
        // Timeouts far beyond what any case takes: nothing here depends on timing.
        let run = run_limit(&cpython, &limit_cases(&sources, Duration::from_secs(120)));
        assert_eq!(run.failed, 0);
        assert_eq!(run.finished, 5);
        let stopped: Vec<Option<usize>> = run.contained.iter().map(|f| f.index).collect();
        assert_eq!(stopped, [Some(1), Some(4), Some(6)]);
        assert!(
            run.contained[0].what.contains("exit status 3"),
            "{:?}",
            run.contained
        );
        assert!(
            run.contained[1].what.contains("signal 6"),
            "{:?}",
            run.contained
        );
        assert!(
            run.contained[2].what.contains("signal 9"),
            "{:?}",
            run.contained
        );
        assert!(last.exists(), "the case after the last crash did not run");
    }

    #[test]
    fn limit_kills_a_hanging_case_and_goes_on() {
        let sources = ["while True: pass", "pass"];
        let mut cases = limit_cases(&sources, Duration::from_secs(120));
        cases[0].timeout = Duration::from_millis(200); // a loop never ends: no race
        let run = run_limit(&cpython, &cases);
        assert_eq!((run.finished, run.failed), (1, 0));
        assert_eq!(run.contained.len(), 1);
        assert_eq!(run.contained[0].index, Some(0));
        assert!(
            run.contained[0].what.contains("did not finish"),
            "{:?}",
            run.contained
        );
    }

    #[test]
    fn limit_contains_a_crash_of_the_last_case_and_a_clean_run_has_no_fault() {
        let sources = ["pass", "import os; os._exit(0)"];
        let run = run_limit(&cpython, &limit_cases(&sources, Duration::from_secs(120)));
        assert_eq!((run.finished, run.failed), (1, 0));
        assert_eq!(run.contained.len(), 1);
        let run = run_limit(
            &cpython,
            &limit_cases(&["pass"; 3], Duration::from_secs(120)),
        );
        assert_eq!((run.finished, run.failed), (3, 0));
        assert!(run.contained.is_empty(), "{:?}", run.contained);
    }

    #[test]
    fn limit_fails_the_cases_of_a_process_that_never_serves() {
        let broken = || {
            let mut command = Command::new("python3");
            command.args(["-c", "import sys; sys.exit(1)"]);
            command
        };
        let run = run_limit(
            &broken,
            &limit_cases(&["pass"; 4], Duration::from_secs(120)),
        );
        assert_eq!((run.finished, run.failed), (0, 4));
        assert!(run.contained.is_empty());
        let missing = || Command::new("/nonexistent/python");
        let run = run_limit(
            &missing,
            &limit_cases(&["pass"; 2], Duration::from_secs(120)),
        );
        assert_eq!((run.finished, run.failed), (0, 2));
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

    #[test]
    fn last_words_are_one_short_line() {
        let panic = "\nthread '<unnamed>' panicked at frame.rs:1:2:\ncell slot empty\n\
                     note: run with `RUST_BACKTRACE=1` to display a backtrace\n";
        assert_eq!(
            last_words(panic),
            "thread '<unnamed>' panicked at frame.rs:1:2: cell slot empty"
        );
        assert_eq!(last_words(""), "");
        assert_eq!(one_line("a\u{1b}[31m\tb"), "a\\u{1b}[31m b");
        assert_eq!(one_line(&"x".repeat(400)).chars().count(), 301);
    }

    #[test]
    fn tree_rss_counts_this_process() {
        assert!(tree_rss(std::process::id(), page_size()) > 1 << 20);
        assert_eq!(tree_rss(u32::MAX, page_size()), 0);
    }
}
