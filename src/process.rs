//! Child processes: run one to completion within a deadline, the start-up deadline
//! the user may lengthen, and programs on PATH.

use std::io::Read as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a command to completion with a deadline; returns its stdout when it succeeds.
pub fn run_with_timeout(command: &mut Command, timeout: Duration) -> Result<Vec<u8>, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let err = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stderr.read_to_end(&mut buffer);
        buffer
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no answer within {} s", timeout.as_secs()));
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !status.success() {
        let last = String::from_utf8_lossy(&stderr)
            .lines()
            .last()
            .unwrap_or("no message")
            .to_string();
        return Err(format!("{status}: {last}"));
    }
    Ok(stdout)
}

/// `$CLOSURE_CONFORMANCE_START_TIMEOUT` (seconds): how long an interpreter may take
/// to say who it is or to start serving, instead of the built-in `default`.
pub fn start_timeout(default: Duration) -> Duration {
    std::env::var("CLOSURE_CONFORMANCE_START_TIMEOUT")
        .ok()
        .and_then(|value| value.trim().parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(default)
}

/// Looks a program up on PATH.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_gives_its_stdout_or_says_why_not() {
        let mut ok = Command::new("sh");
        ok.args(["-c", "echo hi"]);
        assert_eq!(
            run_with_timeout(&mut ok, Duration::from_secs(10)).unwrap(),
            b"hi\n"
        );
        let mut failing = Command::new("sh");
        failing.args(["-c", "echo first >&2; echo last >&2; exit 3"]);
        let error = run_with_timeout(&mut failing, Duration::from_secs(10)).unwrap_err();
        assert!(error.ends_with(": last"), "{error}");
        assert!(error.contains('3'), "{error}");
    }

    #[test]
    fn a_command_past_its_deadline_is_killed() {
        let started = Instant::now();
        let mut slow = Command::new("sleep");
        slow.arg("30");
        let error = run_with_timeout(&mut slow, Duration::from_millis(200)).unwrap_err();
        assert_eq!(error, "no answer within 0 s");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn which_finds_a_program_on_path_and_nothing_else() {
        assert!(which("sh").is_some_and(|p| p.ends_with("sh")));
        assert_eq!(which("no-such-program-closure-conformance"), None);
    }
}
