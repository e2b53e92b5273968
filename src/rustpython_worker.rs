//! The RustPython worker: `closure-conformance worker rustpython`.
//!
//! RustPython is linked into our binary, so it runs in a child process of our own
//! (a panic, abort or stack overflow must not take the runner down). The worker
//! builds one interpreter, loads the shared probe into it once, and answers probe
//! requests from stdin: one interpreter reused with a fresh `__main__` per case
//! costs well under a millisecond, building one costs 20–30 ms and leaks ~2 MB.

use crate::backend::PROBE_SOURCE;
use rustpython_vm::{compiler::Mode, AsObject, Interpreter, PyObjectRef, PyResult, VirtualMachine};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::FromRawFd;
use std::process::ExitCode;

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
        writeln!(responses, "{hello}").map_err(|e| e.to_string())?;
        for line in BufReader::new(requests).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let response = call_str(
                vm,
                &probe,
                "handle_request",
                vec![vm.ctx.new_str(line).into()],
            )
            .map_err(|e| describe(vm, e.as_object()))?;
            writeln!(responses, "{response}").map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

/// Runs a Python program as `__main__` in the embedded interpreter, with the real
/// stdin/stdout (`closure-conformance script rustpython -- SOURCE`, used by the
/// benchmark's bare-execution limit).
pub fn run_script(source: &str) -> ExitCode {
    let source = source.to_owned();
    let run = move || {
        interpreter().enter(|vm| {
            let scope = vm.new_scope_with_builtins();
            let result = scope
                .globals
                .set_item("__name__", vm.ctx.new_str("__main__").into(), vm)
                .and_then(|_| {
                    vm.compile(&source, Mode::Exec, "<script>".to_owned())
                        .map_err(|e| vm.new_syntax_error(&e, Some(&source)))
                })
                .and_then(|code| vm.run_code_obj(code, scope));
            match result {
                Ok(_) => ExitCode::SUCCESS,
                Err(error) => {
                    vm.print_exception(error);
                    ExitCode::FAILURE
                }
            }
        })
    };
    match std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(run)
        .map(|t| t.join())
    {
        Ok(Ok(code)) => code,
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
