//! Worker processes that run cases, and the pool that keeps them warm.
//!
//! A worker is any process that speaks the probe protocol (`protocol.rs`,
//! docs/protocol.md) on a socket that is its stdin and stdout. Native interpreters run src/probe.py as a zygote
//! that forks every case from a never-used state; Pyodide restores its memory.
//!
//! Nothing a case can write is trusted: a response with another id or token, an
//! unreadable line, or a line nobody asked for fails the case it arrived for and
//! replaces the worker. Workers run in a PID namespace of their own where the
//! system allows it (`unshare`), so no signal from a case reaches the runner, and
//! with `/` as their working directory, so no observation depends on where the
//! tool was started. A worker that crashes or hangs is killed and replaced; only
//! its case fails.

use crate::observation::Observation;
use crate::protocol::{self, Hello, RESPONSE_LIMIT, TOKEN_ENV};
use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How long a new worker may take to say hello (a debug-built RustPython is slow).
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
/// A forking worker enforces each case's timeout itself; the runner waits this
/// much longer before it gives up on the worker.
const GRACE: Duration = Duration::from_secs(5);

/// How much of a worker's stderr is kept to explain a crash.
const STDERR_TAIL: usize = 2048;

/// How to start a worker process.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// The complete environment: workers never inherit ours.
    pub env: Vec<(OsString, OsString)>,
}

struct Worker {
    child: Child,
    requests: UnixStream,
    /// Each line, and whether more had already arrived behind it.
    lines: Receiver<Result<(String, bool), String>>,
    stderr_tail: Arc<Mutex<VecDeque<u8>>>,
    token: String,
    next_id: u64,
    cases_run: usize,
    /// The worker enforces timeouts itself (it forks each case).
    forks: bool,
}

/// How workers are wrapped so that cases live in a PID namespace of their own, or
/// `None` where the system does not allow it (checked once).
fn namespace_wrapper() -> Option<&'static [&'static str]> {
    static WRAPPER: OnceLock<Option<&'static [&'static str]>> = OnceLock::new();
    *WRAPPER.get_or_init(|| {
        const AS_ROOT: &[&str] = &["--pid", "--fork", "--mount-proc", "--kill-child"];
        const AS_USER: &[&str] = &[
            "--user",
            "--map-root-user",
            "--pid",
            "--fork",
            "--mount-proc",
            "--kill-child",
        ];
        [AS_ROOT, AS_USER].into_iter().find(|flags| {
            Command::new("unshare")
                .args(*flags)
                .arg("true")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        })
    })
}

impl Worker {
    /// Starts a worker: in the sandbox of our binary `sandbox` when given (native
    /// interpreters, src/sandbox/), else in a PID namespace where `unshare` can make one.
    fn spawn(command: &WorkerCommand, sandbox: Option<&Path>) -> Result<(Worker, Hello), String> {
        let (ours, theirs) =
            UnixStream::pair().map_err(|e| format!("cannot create a socket pair: {e}"))?;
        let theirs_too = theirs
            .try_clone()
            .map_err(|e| format!("cannot create a socket pair: {e}"))?;
        // Stderr is a socket too: unlike a pipe, a case cannot reopen it through
        // /proc/<pid>/fd to write into what explains a later crash.
        let (stderr, their_stderr) =
            UnixStream::pair().map_err(|e| format!("cannot create a socket pair: {e}"))?;
        let token = protocol::new_token();
        let mut process = match (sandbox, namespace_wrapper()) {
            (Some(exe), _) => crate::sandbox::command(exe, &command.program),
            (None, Some(flags)) => {
                let mut process = Command::new("unshare");
                process.args(flags).arg("--").arg(&command.program);
                process
            }
            (None, None) => Command::new(&command.program),
        };
        let child = process
            .args(&command.args)
            .env_clear()
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .env(TOKEN_ENV, &token)
            .current_dir("/")
            .stdin(Stdio::from(OwnedFd::from(theirs)))
            .stdout(Stdio::from(OwnedFd::from(theirs_too)))
            .stderr(Stdio::from(OwnedFd::from(their_stderr)))
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", command.program.display()))?;
        // The command holds the child's ends of the socket: while they are open
        // here, a worker that dies at start-up is noticed only at the timeout.
        drop(process);
        let stdout = ours
            .try_clone()
            .map_err(|e| format!("cannot read from the worker: {e}"))?;

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
                    Ok(_) => String::from_utf8(line)
                        .map(|line| (line, !reader.buffer().is_empty()))
                        .map_err(|_| "response is not UTF-8".to_string()),
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
            requests: ours,
            lines,
            stderr_tail,
            token,
            next_id: 0,
            cases_run: 0,
            forks: false,
        };
        let hello = worker
            .receive(crate::process::start_timeout(STARTUP_TIMEOUT))
            .and_then(|line| protocol::parse_hello(&line));
        match hello {
            Ok(hello) => {
                worker.forks = hello.isolation == "fork";
                Ok((worker, hello))
            }
            Err(why) => Err(format!(
                "worker {} did not start: {why}",
                command.program.display()
            )),
        }
    }

    /// Waits for one line; on timeout or death the worker is killed and the reason returned.
    fn receive(&mut self, timeout: Duration) -> Result<String, String> {
        self.receive_within(timeout, timeout).map(|(line, _)| line)
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

/// How long a worker told to stop (its socket closed) may take to exit before it
/// is killed. Exiting on its own lets it reap its processes, so their CPU time
/// reaches our rusage (the benchmark's figures).
const STOP_TIMEOUT: Duration = Duration::from_secs(1);

impl Drop for Worker {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.requests.shutdown(std::net::Shutdown::Both);
            let deadline = std::time::Instant::now() + STOP_TIMEOUT;
            while std::time::Instant::now() < deadline {
                match self.child.try_wait() {
                    Ok(None) => std::thread::sleep(Duration::from_millis(1)),
                    _ => return,
                }
            }
        }
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
    /// Our binary, whose sandbox stage starts each worker (`None`: no sandbox).
    sandbox: Option<PathBuf>,
}

impl Pool {
    pub fn new(command: WorkerCommand, max_cases: usize) -> Pool {
        Pool {
            command,
            idle: Mutex::new(Vec::new()),
            hello: OnceLock::new(),
            max_cases: max_cases.max(1),
            sandbox: None,
        }
    }

    /// Starts every worker in the sandbox of our binary `exe` (src/sandbox/).
    pub fn sandboxed(mut self, exe: PathBuf) -> Pool {
        self.sandbox = Some(exe);
        self
    }

    /// Who the workers are; starts one worker (kept warm) the first time.
    pub fn hello(&self) -> Result<Hello, String> {
        self.hello
            .get_or_init(|| {
                let (worker, hello) = Worker::spawn(&self.command, self.sandbox.as_deref())?;
                self.put_back(worker);
                Ok(hello)
            })
            .clone()
    }

    /// An idle worker that is still alive and has written nothing since its last
    /// answer (one that has is dropped, which kills it), or a new one.
    fn take(&self) -> Result<Worker, String> {
        loop {
            let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let Some(mut worker) = idle else { break };
            if worker.quiet() {
                return Ok(worker);
            }
        }
        let (worker, hello) = Worker::spawn(&self.command, self.sandbox.as_deref())?;
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
    pub fn run(&self, path: &str, source: &str, timeout: Duration, memory: u64) -> Observation {
        let mut worker = match self.take() {
            Ok(worker) => worker,
            Err(why) => return Observation::fault(why),
        };
        match worker.exchange(path, source, timeout, memory) {
            Ok((observation, keep)) => {
                worker.cases_run += 1;
                if keep && worker.cases_run < self.max_cases {
                    self.put_back(worker);
                }
                observation
            }
            // The worker is dropped, which kills it.
            Err(why) => Observation::fault(why),
        }
    }
}

impl Pool {
    /// Runs a batch of the fuzzer's programs in one request. `Err` is why the batch
    /// as a whole was not observed (a crash, a hang, a dead worker): the caller
    /// reruns its programs one by one to find which.
    pub fn run_batch(
        &self,
        programs: &[String],
        mode: protocol::BatchMode,
        timeout: Duration,
        memory: u64,
    ) -> Result<Vec<Observation>, String> {
        let mut worker = self.take()?;
        worker.next_id += 1;
        let id = worker.next_id;
        let line = protocol::batch_request(id, "fuzz.py", programs, mode, timeout, memory);
        let line = worker.send_and_receive(&line, timeout)?;
        let answer = match protocol::batch_response(&line, id, &worker.token, programs.len()) {
            Ok(answer) => answer,
            Err(violation) => return Err(worker.kill(&violation)),
        };
        if matches!(worker.lines.try_recv(), Ok(Ok(_))) {
            return Err(worker.kill("protocol violation: a line after the response"));
        }
        worker.cases_run += 1;
        if answer.keep && worker.cases_run < self.max_cases {
            self.put_back(worker);
        }
        answer.observations
    }
}

impl Worker {
    /// Sends one request line and waits for the response line (the case's own
    /// timeout, plus grace where the worker enforces it itself).
    fn send_and_receive(&mut self, line: &str, timeout: Duration) -> Result<String, String> {
        if let Err(e) = writeln!(self.requests, "{line}").and_then(|_| self.requests.flush()) {
            let why = self.died();
            return Err(format!("{why} (request not delivered: {e})"));
        }
        let wait = if self.forks { timeout + GRACE } else { timeout };
        let (line, more) = self.receive_within(wait, timeout)?;
        if more {
            return Err(self.kill("protocol violation: a line after the response"));
        }
        Ok(line)
    }

    /// Sends one request and takes its one response. `Err` means the worker can no
    /// longer be trusted (it died, hung, or broke the protocol); `Ok` carries the
    /// observation and whether the worker may serve another case.
    fn exchange(
        &mut self,
        path: &str,
        source: &str,
        timeout: Duration,
        memory: u64,
    ) -> Result<(Observation, bool), String> {
        self.next_id += 1;
        let id = self.next_id;
        let line = protocol::request(id, path, source, timeout, memory);
        let line = self.send_and_receive(&line, timeout)?;
        let answer = match protocol::response(&line, id, &self.token) {
            Ok(answer) => answer,
            Err(violation) => return Err(self.kill(&violation)),
        };
        // A line already behind the answer is a line nobody asked for.
        if matches!(self.lines.try_recv(), Ok(Ok(_))) {
            return Err(self.kill("protocol violation: a line after the response"));
        }
        Ok((answer.observation, answer.keep))
    }

    /// Alive, and nothing written since its last answer. A worker that wrote a
    /// line nobody asked for, or died while idle, is not given another case.
    fn quiet(&mut self) -> bool {
        matches!(self.lines.try_recv(), Err(TryRecvError::Empty))
            && matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits up to `wait` for one line, and says whether more had already arrived
    /// behind it; a worker that enforces timeouts itself and overran its grace is
    /// reported with the case's own `timeout`.
    fn receive_within(
        &mut self,
        wait: Duration,
        timeout: Duration,
    ) -> Result<(String, bool), String> {
        match self.lines.recv_timeout(wait) {
            Ok(Ok(line)) => Ok(line),
            Ok(Err(why)) => Err(self.kill(&why)),
            Err(RecvTimeoutError::Timeout) => {
                Err(self.kill(&format!("timed out after {}", seconds(timeout))))
            }
            Err(RecvTimeoutError::Disconnected) => Err(self.died()),
        }
    }
}
