//! RustPython, embedded: `rustpython-vm` 0.5.0 is linked into our binary and serves
//! the probe in `closure-conformance worker rustpython`.
//!
//! RustPython is linked into our binary, so it runs in a child process of our own
//! (a panic, abort or stack overflow must not take the runner down). The worker
//! builds one interpreter, loads the shared probe into it once, and answers probe
//! requests from stdin: one interpreter reused with a fresh `__main__` per case
//! costs well under a millisecond, building one costs 20–30 ms and leaks ~2 MB.

use super::{env, BackendOptions, Discovery, Kind, Spec, PROBE_SOURCE};
use crate::version::PyVersion;
use crate::worker::WorkerCommand;
use rustpython_vm::{
    compiler::Mode, AsObject, Interpreter, PyObject, PyObjectRef, PyResult, VirtualMachine,
};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::FromRawFd;
use std::process::ExitCode;

/// RustPython leaks ~2 MB per interpreter and some memory per case, so its workers
/// are recycled sooner than CPython's.
const CASES_PER_WORKER: usize = 500;

/// The embedded version, from the crate we link.
pub const VERSION: &str = "0.5.0";

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let language = PyVersion::new(
        rustpython_vm::version::MAJOR as u32,
        rustpython_vm::version::MINOR as u32,
    );
    found.available.push(Spec {
        name: "rustpython".into(),
        kind: Kind::RustPython,
        language: Some(language),
        build: format!(
            "RustPython {VERSION} (Python {language}.{})",
            rustpython_vm::version::MICRO
        ),
        command: WorkerCommand {
            program: options.worker_exe.clone(),
            args: vec!["worker".into(), "rustpython".into()],
            env: env(&[("RUST_BACKTRACE", "0")]),
        },
        max_cases: CASES_PER_WORKER,
    });
}

/// RustPython recurses on the native stack; give deep (and runaway) recursion room
/// so that it ends in RecursionError rather than a stack overflow.
const STACK_SIZE: usize = 256 << 20;

pub fn interpreter() -> Interpreter {
    let mut settings = rustpython_vm::Settings::default();
    settings.hash_seed = Some(0);
    settings.import_site = false;
    settings.user_site_directory = false;
    settings.ignore_environment = true;
    settings.install_signal_handlers = false;
    let builder = Interpreter::builder(settings);
    let modules = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    builder
        .add_native_modules(&modules)
        .add_frozen_modules(rustpython_pylib::FROZEN_STDLIB)
        .build()
}

/// Loads src/probe.py as a module and returns its namespace's `name` attribute.
fn load_probe(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let scope = vm.new_scope_with_builtins();
    scope
        .globals
        .set_item("__name__", vm.ctx.new_str("probe").into(), vm)?;
    let code = vm
        .compile(PROBE_SOURCE, Mode::Exec, "<probe.py>".to_owned())
        .map_err(|e| vm.new_syntax_error(&e, Some(PROBE_SOURCE)))?;
    vm.run_code_obj(code, scope.clone())?;
    Ok(scope.globals.into())
}

fn call_str(
    vm: &VirtualMachine,
    probe: &PyObjectRef,
    function: &str,
    args: Vec<PyObjectRef>,
) -> PyResult<String> {
    let function = probe.get_item(function, vm)?;
    let result = function.call(args, vm)?;
    Ok(result.str(vm)?.to_string_lossy().into_owned())
}

/// Moves the protocol onto private descriptors: requests come from a copy of fd 0,
/// responses go to a copy of fd 1; fd 0 then reads /dev/null and fd 1 writes to
/// stderr, so a case touching the real stdin/stdout cannot corrupt the protocol.
fn protocol_streams() -> std::io::Result<(File, File)> {
    // SAFETY: plain descriptor calls on descriptors this process owns; each new
    // descriptor is checked and then owned by exactly one File.
    unsafe {
        let requests = libc::dup(0);
        let responses = libc::dup(1);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
        if requests < 0
            || responses < 0
            || null < 0
            || libc::dup2(null, 0) < 0
            || libc::dup2(2, 1) < 0
        {
            return Err(std::io::Error::last_os_error());
        }
        libc::close(null);
        Ok((File::from_raw_fd(requests), File::from_raw_fd(responses)))
    }
}

pub fn serve() -> ExitCode {
    let (requests, responses) = match protocol_streams() {
        Ok(streams) => streams,
        Err(e) => {
            eprintln!("closure-conformance worker: cannot set up the protocol: {e}");
            return ExitCode::FAILURE;
        }
    };
    let worker = std::thread::Builder::new()
        .name("rustpython".into())
        .stack_size(STACK_SIZE)
        .spawn(move || serve_on(requests, responses));
    match worker.map(|thread| thread.join()) {
        Ok(Ok(Ok(()))) => ExitCode::SUCCESS,
        Ok(Ok(Err(why))) => {
            eprintln!("closure-conformance worker: {why}");
            ExitCode::FAILURE
        }
        _ => ExitCode::FAILURE,
    }
}

fn serve_on(requests: File, mut responses: File) -> Result<(), String> {
    let interpreter = interpreter();
    interpreter.enter(|vm| {
        let probe = load_probe(vm).map_err(|e| describe(vm, e.as_object()))?;
        let hello =
            call_str(vm, &probe, "hello_line", vec![]).map_err(|e| describe(vm, e.as_object()))?;
        let run_case = probe
            .get_item("run_case", vm)
            .map_err(|e| describe(vm, e.as_object()))?;
        writeln!(responses, "{hello}").map_err(|e| e.to_string())?;
        for line in BufReader::new(requests).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let response = respond(vm, &run_case, &line);
            writeln!(responses, "{response}").map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

/// One request line in, one response line out, as the probe's handle_request does
/// in CPython. JSON is handled here rather than in Python: RustPython's json
/// module is pure Python and would cost more than running the case.
fn respond(vm: &VirtualMachine, run_case: &PyObjectRef, line: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Request {
        path: String,
        source: String,
    }
    let response = match serde_json::from_str::<Request>(line) {
        Err(e) => serde_json::json!({ "probe_error": format!("bad request: {e}") }),
        Ok(request) => run_case
            .call(
                (vm.ctx.new_str(request.path), vm.ctx.new_str(request.source)),
                vm,
            )
            .and_then(|result| to_json(vm, &result))
            .unwrap_or_else(|e| serde_json::json!({ "probe_error": describe(vm, e.as_object()) })),
    };
    response.to_string()
}

/// Converts the probe's result (dicts, lists, strings, ints, booleans, None) to JSON.
fn to_json(vm: &VirtualMachine, object: &PyObject) -> PyResult<serde_json::Value> {
    use rustpython_vm::builtins::{PyDict, PyInt, PyList, PyStr, PyTuple};
    use serde_json::Value;
    if vm.is_none(object) {
        return Ok(Value::Null);
    }
    if object.class().is(vm.ctx.types.bool_type) {
        return Ok(Value::Bool(object.is(&vm.ctx.true_value)));
    }
    if let Some(text) = object.downcast_ref::<PyStr>() {
        return Ok(Value::String(text.to_string_lossy().into_owned()));
    }
    if let Some(int) = object.downcast_ref::<PyInt>() {
        return Ok(Value::from(int.try_to_primitive::<i64>(vm)?));
    }
    let items: Vec<PyObjectRef> = if let Some(list) = object.downcast_ref::<PyList>() {
        list.borrow_vec().to_vec()
    } else if let Some(tuple) = object.downcast_ref::<PyTuple>() {
        tuple.as_slice().to_vec()
    } else if let Some(dict) = object.downcast_ref::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (key, value) in dict.items_vec() {
            map.insert(
                key.str(vm)?.to_string_lossy().into_owned(),
                to_json(vm, &value)?,
            );
        }
        return Ok(Value::Object(map));
    } else {
        return Err(vm.new_type_error(format!("the probe returned a {}", object.class().name())));
    };
    items
        .iter()
        .map(|item| to_json(vm, item))
        .collect::<PyResult<_>>()
        .map(Value::Array)
}

/// Runs a Python program as `__main__` in the embedded interpreter, with the real
/// stdin/stdout (`closure-conformance script rustpython -- SOURCE`, used by the
/// benchmark's bare-execution limit).
pub fn run_script(source: &str) -> ExitCode {
    let source = source.to_owned();
    // Interpreter::run finalizes: it flushes stdout and reports an uncaught exception.
    let run = move || {
        interpreter().run(|vm| {
            let scope = vm.new_scope_with_builtins();
            scope
                .globals
                .set_item("__name__", vm.ctx.new_str("__main__").into(), vm)?;
            let code = vm
                .compile(&source, Mode::Exec, "<script>".to_owned())
                .map_err(|e| vm.new_syntax_error(&e, Some(&source)))?;
            vm.run_code_obj(code, scope).map(drop)
        })
    };
    match std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(run)
        .map(|t| t.join())
    {
        Ok(Ok(0)) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn describe(vm: &VirtualMachine, error: &rustpython_vm::PyObject) -> String {
    match error.str(vm) {
        Ok(text) => format!(
            "probe failed in RustPython: {}: {}",
            error.class().name(),
            text.to_string_lossy()
        ),
        Err(_) => "probe failed in RustPython".to_string(),
    }
}
