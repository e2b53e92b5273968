//! The probe protocol (docs/protocol.md), runner side: the messages, how they are
//! written and read, and what makes a line a protocol violation. The worker side is
//! src/probe.py (`serve`), the same code in every backend; `worker.rs` moves the
//! lines between processes.
//!
//! A worker first writes a hello line, then answers every request (a case, with an
//! id) with one response carrying that id and the token it was given in
//! `CLOSURE_CONFORMANCE_TOKEN`. Nothing a case can write is trusted: a response with
//! another id or token, an unreadable line, or a response with neither (or both) an
//! observation and a fault is a violation, which fails the case and replaces the worker.

use crate::observation::Observation;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The protocol version this runner speaks (src/probe.py `PROTOCOL`).
pub const PROTOCOL: u32 = 3;
/// The environment variable that gives a worker its token.
pub const TOKEN_ENV: &str = "CLOSURE_CONFORMANCE_TOKEN";
/// Largest response line accepted; the probe caps case output well below this.
pub const RESPONSE_LIMIT: u64 = 32 << 20;

/// What a worker says about itself when it starts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Hello {
    pub protocol: u32,
    pub implementation: String,
    pub language_version: String,
    pub implementation_version: String,
    #[serde(default)]
    pub executable: String,
    /// How cases are isolated: "fork" (a fresh fork of a zygote per case),
    /// "snapshot" (Pyodide: its memory is restored) or "restore" (best effort).
    #[serde(default)]
    pub isolation: String,
    /// Whether the worker is init of a PID namespace of its own.
    #[serde(default)]
    pub pid_namespace: bool,
    /// The protections of its sandbox in force (src/sandbox/, docs/protocol.md):
    /// `no-capabilities`, `seccomp`, `private-scratch`, ….
    #[serde(default)]
    pub sandbox: Vec<String>,
}

/// One case for a worker, or a batch of the fuzzer's programs.
#[derive(Debug, Serialize)]
struct Request<'a> {
    id: u64,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    programs: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<&'a str>,
    /// Seconds.
    timeout: f64,
    /// Bytes.
    memory: u64,
}

/// A worker's answer to one request: an observation or a fault, never both.
#[derive(Debug, Deserialize)]
struct Response {
    id: Option<u64>,
    responder: String,
    #[serde(default)]
    observation: Option<Observation>,
    #[serde(default)]
    observations: Option<Vec<Observation>>,
    #[serde(default)]
    fault: Option<String>,
    /// The case left state the worker could not put back: replace it.
    #[serde(default)]
    replace: Option<String>,
}

/// A response that keeps to the protocol.
#[derive(Debug, PartialEq)]
pub struct Answer {
    /// What the case did, or why it could not be observed (a fault).
    pub observation: Observation,
    /// Whether the worker may serve another case.
    pub keep: bool,
}

/// A token no other worker has: the responder identity its responses must carry.
pub fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// The hello line, read; a worker of another protocol version is refused.
pub fn parse_hello(line: &str) -> Result<Hello, String> {
    let hello =
        serde_json::from_str::<Hello>(line).map_err(|e| format!("bad hello line {line:?}: {e}"))?;
    if hello.protocol != PROTOCOL {
        return Err(format!(
            "it speaks protocol {}, this runner speaks {PROTOCOL}",
            hello.protocol
        ));
    }
    Ok(hello)
}

/// The request line for one case (without its newline).
pub fn request(id: u64, path: &str, source: &str, timeout: Duration, memory: u64) -> String {
    let request = Request {
        id,
        path,
        source: Some(source),
        programs: None,
        mode: None,
        timeout: timeout.as_secs_f64(),
        memory,
    };
    serde_json::to_string(&request).expect("a request serializes")
}

/// How a batch's programs are observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchMode {
    /// Run each program: the full observation.
    Execute,
    /// Only compile each program: scopes, and the SyntaxError if any.
    Compile,
}

impl BatchMode {
    fn name(self) -> &'static str {
        match self {
            BatchMode::Execute => "execute",
            BatchMode::Compile => "compile",
        }
    }
}

/// The request line for a batch of programs, all observed in one fork, each as a
/// fresh `__main__` (the fuzzer's programs, which touch nothing else).
pub fn batch_request(
    id: u64,
    path: &str,
    programs: &[String],
    mode: BatchMode,
    timeout: Duration,
    memory: u64,
) -> String {
    let request = Request {
        id,
        path,
        source: None,
        programs: Some(programs),
        mode: Some(mode.name()),
        timeout: timeout.as_secs_f64(),
        memory,
    };
    serde_json::to_string(&request).expect("a request serializes")
}

/// A worker's answer to a batch.
#[derive(Debug, PartialEq)]
pub struct BatchAnswer {
    /// One observation per program, in order; `Err` is the batch's fault.
    pub observations: Result<Vec<Observation>, String>,
    pub keep: bool,
}

/// The response line to batch request `id` of `count` programs, read; `Err` is the
/// protocol violation, in words.
pub fn batch_response(
    line: &str,
    id: u64,
    token: &str,
    count: usize,
) -> Result<BatchAnswer, String> {
    let response = parse_response(line, id, token)?;
    let keep = response.replace.is_none();
    match (response.observation, response.observations, response.fault) {
        (None, Some(observations), None) if observations.len() == count => Ok(BatchAnswer {
            observations: Ok(observations),
            keep,
        }),
        (None, Some(observations), None) => Err(format!(
            "protocol violation: {} observations for a batch of {count}",
            observations.len()
        )),
        (None, None, Some(fault)) => Ok(BatchAnswer {
            observations: Err(fault),
            keep,
        }),
        _ => Err("protocol violation: a batch response needs observations or a fault".into()),
    }
}

fn parse_response(line: &str, id: u64, token: &str) -> Result<Response, String> {
    let response: Response = serde_json::from_str(line).map_err(|e| {
        format!(
            "protocol violation: unreadable response ({e}): {}",
            excerpt(line)
        )
    })?;
    if response.id != Some(id) || response.responder != token {
        return Err(format!(
            "protocol violation: a response for request {:?} from {:?} arrived for request {id} of {token:?}",
            response.id, response.responder
        ));
    }
    Ok(response)
}

/// The response line to request `id` of the worker holding `token`, read; `Err` is
/// the protocol violation, in words.
pub fn response(line: &str, id: u64, token: &str) -> Result<Answer, String> {
    let response = parse_response(line, id, token)?;
    let keep = response.replace.is_none();
    match (response.observation, response.observations, response.fault) {
        (Some(observation), None, None) => Ok(Answer { observation, keep }),
        (None, None, Some(fault)) => Ok(Answer {
            observation: Observation::fault(fault),
            keep,
        }),
        _ => Err("protocol violation: a response needs an observation or a fault".into()),
    }
}

/// The start of a line, for messages.
fn excerpt(line: &str) -> String {
    let short: String = line.chars().take(120).collect();
    if short.len() < line.len() {
        format!("{short:?}…")
    } else {
        format!("{short:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OBSERVATION: &str =
        r#"{"stdout":"1\n","stderr":"","exception":null,"scopes":[],"cells":[]}"#;

    #[test]
    fn a_request_carries_the_case_and_its_limits() {
        let line = request(
            7,
            "cases/a.py",
            "print(1)\n",
            Duration::from_millis(1500),
            1 << 20,
        );
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["id"], 7);
        assert_eq!(value["source"], "print(1)\n");
        assert_eq!(value["timeout"], 1.5);
        assert_eq!(value["memory"], 1 << 20);
        assert!(!line.contains('\n'));
    }

    #[test]
    fn only_the_awaited_response_of_this_worker_is_an_answer() {
        let line = format!(r#"{{"id":3,"responder":"t0k","observation":{OBSERVATION}}}"#);
        let answer = response(&line, 3, "t0k").unwrap();
        assert!(answer.keep);
        assert_eq!(answer.observation.stdout, "1\n");
        let other_id = response(&line, 4, "t0k").unwrap_err();
        assert!(
            other_id.starts_with("protocol violation: a response for request Some(3)"),
            "{other_id}"
        );
        let forged = response(&line, 3, "other").unwrap_err();
        assert!(forged.contains("from \"t0k\""), "{forged}");
        assert!(response("not json", 3, "t0k")
            .unwrap_err()
            .contains("unreadable response"));
        let neither = response(r#"{"id":3,"responder":"t0k"}"#, 3, "t0k").unwrap_err();
        assert!(neither.contains("an observation or a fault"), "{neither}");
    }

    #[test]
    fn a_fault_is_an_answer_and_replace_retires_the_worker() {
        let line =
            r#"{"id":1,"responder":"t","fault":"timed out after 10s","replace":"files written"}"#;
        let answer = response(line, 1, "t").unwrap();
        assert!(!answer.keep);
        assert_eq!(
            answer.observation,
            Observation::fault("timed out after 10s")
        );
    }

    #[test]
    fn a_hello_of_another_protocol_is_refused() {
        let hello = r#"{"protocol":3,"implementation":"cpython","language_version":"3.11.7","implementation_version":"3.11.7","isolation":"fork"}"#;
        assert_eq!(parse_hello(hello).unwrap().isolation, "fork");
        let old = hello.replace("\"protocol\":3", "\"protocol\":2");
        assert_eq!(
            parse_hello(&old).unwrap_err(),
            "it speaks protocol 2, this runner speaks 3"
        );
    }

    #[test]
    fn a_batch_request_carries_programs_and_mode_but_no_source() {
        let programs = vec!["print(1)\n".to_string(), "x = 1\n".to_string()];
        let line = batch_request(
            2,
            "fuzz.py",
            &programs,
            BatchMode::Compile,
            Duration::from_secs(3),
            1 << 20,
        );
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["programs"][1], "x = 1\n");
        assert_eq!(value["mode"], "compile");
        assert!(value.get("source").is_none());
    }

    #[test]
    fn a_batch_answer_has_one_observation_per_program() {
        let two =
            format!(r#"{{"id":5,"responder":"t","observations":[{OBSERVATION},{OBSERVATION}]}}"#);
        let answer = batch_response(&two, 5, "t", 2).unwrap();
        assert_eq!(answer.observations.unwrap().len(), 2);
        let short = batch_response(&two, 5, "t", 3).unwrap_err();
        assert!(short.contains("2 observations for a batch of 3"), "{short}");
        let fault = batch_response(
            r#"{"id":5,"responder":"t","fault":"case crashed"}"#,
            5,
            "t",
            2,
        );
        assert_eq!(fault.unwrap().observations, Err("case crashed".to_string()));
        // A single case's answer is not a batch's, nor the other way round.
        let single = format!(r#"{{"id":5,"responder":"t","observation":{OBSERVATION}}}"#);
        assert!(batch_response(&single, 5, "t", 1).is_err());
        assert!(response(&two, 5, "t").is_err());
    }
}
