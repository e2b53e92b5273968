//! The benchmark's limit: the same cases executed bare, by src/bench_limit.py, in
//! one process per interpreter and core, contained as the runner contains its
//! workers (each process in the sandbox; a case that takes its process down is
//! counted as contained and a fresh process runs the cases after it).

use super::{bench_options, ModeRun};
use crate::backend::{identify, BackendOptions, IDENTIFY_TIMEOUT};
use crate::case::Case;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

pub const LIMIT_SCRIPT: &str = include_str!("../bench_limit.py");

/// The limit mode of a `bench-mode` child: every case bare, on each interpreter.
pub fn run(cases: &[&Case], options: &BackendOptions) -> Result<ModeRun, String> {
    let options = bench_options(options);
    let python = identify(&options.pythons[0], &options.worker_exe, IDENTIFY_TIMEOUT)?.executable;
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
