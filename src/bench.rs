//! The speed benchmark (`scripts/bench`): the corpus scaled up and run three ways,
//! measured side by side in one run.
//!
//! - naive: a fresh CPython process and a fresh RustPython process for every case;
//! - ours:  the runner with warm worker pools (what `cargo run`/`cargo test` do);
//! - limit: bare execution of the same cases in one process per interpreter and
//!   core, no probe, no comparison.
//!
//! Each measurement runs in a child process of its own (`bench-mode`), so wall time,
//! CPU time (its rusage, workers included) and peak memory (the RSS of its whole
//! process tree, sampled from /proc) belong to that mode alone.

use crate::backend::{discover, identify, Backend, BackendOptions, IDENTIFY_TIMEOUT};
use crate::case::Case;
use crate::report::Palette;
use crate::say;
use crate::suite::check_golden;
use rayon::prelude::*;
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

/// Runs one mode in this process (the `bench-mode` child). Returns how many
/// checks failed, so a broken run cannot pass for a fast one.
pub fn run_mode(
    mode: Mode,
    cases: &[&Case],
    options: &BackendOptions,
    expected_root: &Path,
) -> Result<usize, String> {
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
            let pairs: Vec<(&Case, &Backend)> = cases
                .iter()
                .flat_map(|c| backends.iter().map(move |b| (*c, b)))
                .collect();
            // Only the count is kept: a long run must not grow with its results.
            Ok(pairs
                .par_iter()
                .filter(|(case, backend)| {
                    !check_golden(case, backend, expected_root).verdict.is_ok()
                })
                .count())
        }
        Mode::Limit => {
            let options = bench_options(options);
            let python = identify(&options.pythons[0], IDENTIFY_TIMEOUT)?.executable;
            let jobs = rayon::current_num_threads().max(1);
            let chunk = cases.len().div_ceil(jobs).max(1);
            let mut children = Vec::new();
            for part in cases.chunks(chunk) {
                let input: Vec<(&str, &str)> = part
                    .iter()
                    .map(|c| (c.display_path.as_str(), c.source.as_str()))
                    .collect();
                let input = serde_json::to_string(&input).map_err(|e| e.to_string())?;
                let mut cpython = Command::new(&python);
                cpython
                    .args(["-S", "-s", "-c", LIMIT_SCRIPT])
                    .env_clear()
                    .env("PYTHONHASHSEED", "0")
                    .env("PYTHONUTF8", "1"); // as the workers: cases are UTF-8
                let mut rustpython = Command::new(&options.worker_exe);
                rustpython.args(["script", "rustpython", "--", LIMIT_SCRIPT]);
                for mut command in [cpython, rustpython] {
                    let mut child = command
                        .stdin(Stdio::piped())
                        .stdout(Stdio::piped())
                        .stderr(Stdio::inherit())
                        .spawn()
                        .map_err(|e| format!("cannot start the limit run: {e}"))?;
                    let mut stdin = child.stdin.take().expect("piped");
                    let input = input.clone();
                    std::thread::spawn(move || stdin.write_all(input.as_bytes()));
                    children.push((child, part.len()));
                }
            }
            let mut failed = 0;
            for (child, expected) in children {
                let output = child.wait_with_output().map_err(|e| e.to_string())?;
                if String::from_utf8_lossy(&output.stdout).trim() != expected.to_string() {
                    failed += expected;
                }
            }
            Ok(failed)
        }
    }
}

/// What one measured child process cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss: u64,
    pub failed: usize,
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
    let failed = stdout
        .trim()
        .parse()
        .map_err(|_| format!("bench-mode {mode:?} printed {stdout:?}"))?;
    Ok(Cost {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_rss: peak.load(Ordering::Relaxed),
        failed,
    })
}

/// Measures every mode side by side and prints the table and the ratios against
/// the targets; returns whether every target was met.
pub fn compare(
    exe: &Path,
    root: &Path,
    python: Option<&Path>,
    scale: usize,
    memory: &[usize],
    palette: Palette,
) -> Result<bool, String> {
    say!(
        "{:<6} {:>6} {:>7} {:>9} {:>9} {:>10} {:>7}",
        "mode",
        "cases",
        "checks",
        "wall",
        "cpu",
        "peak RSS",
        "failed"
    );
    let run = |mode: Mode, count: usize| -> Result<Cost, String> {
        let cost = measure(exe, root, python, mode, count)?;
        say!(
            "{:<6} {:>6} {:>7} {:>8.2}s {:>8.2}s {:>7.1} MiB {:>7}",
            format!("{mode:?}").to_lowercase(),
            count,
            count * BACKENDS.len(),
            cost.wall.as_secs_f64(),
            cost.cpu.as_secs_f64(),
            cost.peak_rss as f64 / (1 << 20) as f64,
            cost.failed
        );
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
    let mut met = true;
    let mut target = |what: String, ok: bool| {
        met &= ok;
        say!(
            "{what}  {}",
            if ok {
                palette.green("met")
            } else {
                palette.red("MISSED")
            }
        );
    };
    say!();
    target(
        format!(
            "ours vs naive: {:.1}x faster in wall time, {:.1}x in CPU time (target: >= 20x)",
            ratio(naive.wall, ours.wall),
            ratio(naive.cpu, ours.cpu)
        ),
        ratio(naive.wall, ours.wall) >= 20.0,
    );
    target(
        format!(
            "ours vs limit: {:.2}x the limit in wall time, {:.2}x in CPU time (target: <= 3x)",
            ratio(ours.wall, limit.wall),
            ratio(ours.cpu, limit.cpu)
        ),
        ratio(ours.wall, limit.wall) <= 3.0,
    );
    if let (Some(first), Some(last)) = (peaks.first(), peaks.last()) {
        let growth = last.peak_rss as f64 / first.peak_rss.max(1) as f64 - 1.0;
        target(
            format!(
                "peak memory, {} vs {} cases: {:+.1}% (target: within 10%)",
                memory.last().unwrap_or(&0),
                memory.first().unwrap_or(&0),
                growth * 100.0
            ),
            growth.abs() <= 0.10,
        );
    }
    // A run that failed did different work: its time says nothing.
    let failed =
        naive.failed + ours.failed + limit.failed + peaks.iter().map(|c| c.failed).sum::<usize>();
    if failed > 0 {
        say!(
            "{}",
            palette.red(&format!(
                "{failed} checks or executions failed: the times are not comparable"
            ))
        );
        met = false;
    }
    Ok(met)
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
    fn tree_rss_counts_this_process() {
        assert!(tree_rss(std::process::id(), page_size()) > 1 << 20);
        assert_eq!(tree_rss(u32::MAX, page_size()), 0);
    }
}
