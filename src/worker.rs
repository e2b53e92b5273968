//! Worker processes that run cases, and the pool that keeps them warm.
//!
//! A worker is any process that speaks the probe protocol on its stdin/stdout: it
//! first writes a hello line, then answers every request line (a case) with one
//! observation line. CPython runs src/probe.py; RustPython runs inside our own
//! binary (`closure-conformance worker rustpython`), so that a panic, abort or
//! segfault in the interpreter kills only the worker. A worker that crashes, hangs
//! or floods is killed and replaced; only its case fails.

use crate::observation::Observation;
use serde::Deserialize;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How long a new worker may take to say hello (a debug-built RustPython is slow).
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
/// Largest response line accepted; the probe caps case output well below this.
const RESPONSE_LIMIT: u64 = 32 << 20;
/// How much of a worker's stderr is kept to explain a crash.
const STDERR_TAIL: usize = 2048;

/// What a worker says about itself when it starts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Hello {
    pub protocol: u32,
    pub implementation: String,
    pub language_version: String,
    pub implementation_version: String,
    #[serde(default)]
    pub executable: String,
}

/// How to start a worker process.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// The complete environment: workers never inherit ours.
    pub env: Vec<(OsString, OsString)>,
}

/// What the probe sends besides the observation itself.
#[derive(Debug, Deserialize)]
struct ResponseStatus {
    /// The probe itself failed (not the case).
    #[serde(default)]
    probe_error: Option<String>,
    /// The case left state the probe could not put back: replace the worker.
    #[serde(default)]
    tainted: Option<String>,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<Result<String, String>>,
    stderr_tail: Arc<Mutex<VecDeque<u8>>>,
    cases_run: usize,
}

impl Worker {
    fn spawn(command: &WorkerCommand) -> Result<(Worker, Hello), String> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .env_clear()
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", command.program.display()))?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let stderr = child.stderr.take().expect("stderr is piped");

        // Reader threads let the pool wait for a line with a timeout.
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut line = Vec::new();
                let read = (&mut reader)
                    .take(RESPONSE_LIMIT)
                    .read_until(b'\n', &mut line);
                let message = match read {
                    Ok(0) => break,
                    Ok(_) if !line.ends_with(b"\n") => {
                        Err(format!("response longer than {RESPONSE_LIMIT} bytes"))
                    }
                    Ok(_) => {
                        String::from_utf8(line).map_err(|_| "response is not UTF-8".to_string())
                    }
                    Err(e) => Err(e.to_string()),
                };
                let stop = message.is_err();
                if sender.send(message).is_err() || stop {
                    break;
                }
            }
        });
        let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
        let tail = Arc::clone(&stderr_tail);
        std::thread::spawn(move || {
            let mut stderr = stderr;
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let mut tail = tail.lock().unwrap_or_else(|e| e.into_inner());
                tail.extend(&buffer[..n]);
                let excess = tail.len().saturating_sub(STDERR_TAIL);
                tail.drain(..excess);
            }
        });

        let mut worker = Worker {
            child,
            stdin,
            lines,
            stderr_tail,
            cases_run: 0,
        };
        let hello = worker.receive(STARTUP_TIMEOUT).and_then(|line| {
            serde_json::from_str::<Hello>(&line)
                .map_err(|e| format!("bad hello line {line:?}: {e}"))
        });
        match hello {
            Ok(hello) => Ok((worker, hello)),
            Err(why) => Err(format!(
                "worker {} did not start: {why}",
                command.program.display()
            )),
        }
    }

    /// Waits for one line; on timeout or death the worker is killed and the reason returned.
    fn receive(&mut self, timeout: Duration) -> Result<String, String> {
        match self.lines.recv_timeout(timeout) {
            Ok(Ok(line)) => Ok(line),
            Ok(Err(why)) => Err(self.kill(&why)),
            Err(RecvTimeoutError::Timeout) => {
                Err(self.kill(&format!("timed out after {}", seconds(timeout))))
            }
            Err(RecvTimeoutError::Disconnected) => Err(self.died()),
        }
    }

    fn kill(&mut self, why: &str) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        why.to_string()
    }

    /// Explains why the worker's stdout closed: exit status, signal, last stderr.
    fn died(&mut self) -> String {
        let status = match self.child.wait() {
            Ok(status) => describe_exit(status),
            Err(e) => format!("worker vanished ({e})"),
        };
        // The stderr reader may lag a moment behind the exit.
        std::thread::sleep(Duration::from_millis(20));
        let tail = self.stderr_tail.lock().unwrap_or_else(|e| e.into_inner());
        let tail: Vec<u8> = tail.iter().copied().collect();
        let tail = String::from_utf8_lossy(&tail).trim().to_string();
        if tail.is_empty() {
            format!("worker crashed: {status}")
        } else {
            let last: Vec<&str> = tail
                .lines()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!(
                "worker crashed: {status}; its stderr ended with:\n{}",
                last.join("\n")
            )
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn seconds(duration: Duration) -> String {
    format!("{}s", duration.as_secs_f64())
}

#[cfg(unix)]
fn describe_exit(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(signal) => format!("killed by signal {signal} ({})", signal_name(signal)),
        None => format!("exited with {status}"),
    }
}

#[cfg(not(unix))]
fn describe_exit(status: std::process::ExitStatus) -> String {
    format!("exited with {status}")
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "signal",
    }
}

/// Warm workers of one kind, shared by every thread that runs cases. A caller takes
/// an idle worker or starts one, so the pool grows to the number of concurrent callers.
pub struct Pool {
    command: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
    hello: OnceLock<Result<Hello, String>>,
    /// Recycle a worker after this many cases (bounds leaks such as RustPython's).
    max_cases: usize,
}

impl Pool {
    pub fn new(command: WorkerCommand, max_cases: usize) -> Pool {
        Pool {
            command,
            idle: Mutex::new(Vec::new()),
            hello: OnceLock::new(),
            max_cases: max_cases.max(1),
        }
    }

    /// Who the workers are; starts one worker (kept warm) the first time.
    pub fn hello(&self) -> Result<Hello, String> {
        self.hello
            .get_or_init(|| {
                let (worker, hello) = Worker::spawn(&self.command)?;
                self.put_back(worker);
                Ok(hello)
            })
            .clone()
    }

    fn take(&self) -> Result<Worker, String> {
        if let Some(worker) = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            return Ok(worker);
        }
        let (worker, hello) = Worker::spawn(&self.command)?;
        let _ = self.hello.set(Ok(hello));
        Ok(worker)
    }

    fn put_back(&self, worker: Worker) {
        self.idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(worker);
    }

    /// Runs one case. Every failure to observe becomes an observation with a fault,
    /// so that it is judged (and can be a known divergence) like any other result.
    pub fn run(&self, path: &str, source: &str, timeout: Duration) -> Observation {
        let mut worker = match self.take() {
            Ok(worker) => worker,
            Err(why) => return Observation::fault(why),
        };
        let request = serde_json::json!({ "path": path, "source": source }).to_string();
        if let Err(e) = writeln!(worker.stdin, "{request}").and_then(|_| worker.stdin.flush()) {
            let why = worker.died();
            return Observation::fault(format!("{why} (request not delivered: {e})"));
        }
        let line = match worker.receive(timeout) {
            Ok(line) => line,
            Err(why) => return Observation::fault(why),
        };
        worker.cases_run += 1;
        let status: ResponseStatus = match serde_json::from_str(&line) {
            Ok(status) => status,
            Err(e) => return Observation::fault(format!("unreadable response from worker: {e}")),
        };
        if status.tainted.is_none()
            && status.probe_error.is_none()
            && worker.cases_run < self.max_cases
        {
            self.put_back(worker);
        }
        if let Some(error) = status.probe_error {
            return Observation::fault(format!("probe error: {error}"));
        }
        serde_json::from_str(&line).unwrap_or_else(|e| {
            Observation::fault(format!("unreadable observation from worker: {e}"))
        })
    }
}
