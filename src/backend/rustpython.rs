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
        observes: super::Observes::ALL,
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

/// Set on the re-executed worker, so that it re-executes at most once.
const REEXEC_ENV: &str = "CLOSURE_CONFORMANCE_STACK_RAISED";

/// The worker serves on its main thread (so that forking a case copies the only
/// thread there is); that thread's stack may grow up to RLIMIT_STACK, which is set
/// before the process starts. If it is too small, raise it and start again.
fn ensure_main_stack() -> Result<(), String> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit write and read a plain struct we own.
    if unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut limit) } != 0 {
        return Err(format!(
            "cannot read the stack limit: {}",
            std::io::Error::last_os_error()
        ));
    }
    let wanted = STACK_SIZE as libc::rlim_t;
    if limit.rlim_cur == libc::RLIM_INFINITY
        || limit.rlim_cur >= wanted
        || std::env::var_os(REEXEC_ENV).is_some()
    {
        return Ok(());
    }
    limit.rlim_cur = if limit.rlim_max == libc::RLIM_INFINITY {
        wanted
    } else {
        wanted.min(limit.rlim_max)
    };
    // SAFETY: as above.
    if unsafe { libc::setrlimit(libc::RLIMIT_STACK, &limit) } != 0 {
        return Ok(()); // serve with the stack we have: deep recursion may crash its case
    }
    use std::os::unix::process::CommandExt;
    // Our binary by the kernel's own link: its path may be hidden in the sandbox
    // (a copy under /tmp, say), the file itself never is.
    let exe = match std::path::Path::new("/proc/self/exe") {
        link if link.exists() => link.to_path_buf(),
        _ => std::env::current_exe().map_err(|e| format!("cannot find our own binary: {e}"))?,
    };
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(exe);
    if let Some(name) = args.next() {
        command.arg0(name); // what sys.executable says, as before the restart
    }
    let error = command.args(args).env(REEXEC_ENV, "1").exec();
    Err(format!("cannot restart with a larger stack: {error}"))
}

/// Serves the probe protocol: the probe's own zygote (src/probe.py `serve`) runs in
/// the embedded interpreter, with a native JSON encoder in place of `probe.dumps`.
/// Returns why it could not serve, for `main` to say.
pub fn serve() -> Result<(), String> {
    ensure_main_stack()?;
    let interpreter = interpreter();
    let served = interpreter.enter(|vm| {
        let run = || -> PyResult<()> {
            let probe = load_probe(vm)?;
            let dumps = vm.new_function(
                "dumps",
                |value: PyObjectRef, vm: &VirtualMachine| -> PyResult<String> {
                    to_json(vm, &value).map(|json| json.to_string())
                },
            );
            probe.set_item("dumps", dumps.into(), vm)?;
            // The fork of every case closes the zygote's descriptors: in two
            // close_range calls rather than a listing of /proc/self/fd (~0.3 ms here).
            let close = vm.new_function("close_all_but", |keep: i32, _known: PyObjectRef| {
                close_all_but(keep)
            });
            probe.set_item("close_all_but", close.into(), vm)?;
            probe.get_item("serve", vm)?.call((), vm)?;
            Ok(())
        };
        run().map_err(|e| describe(vm, e.as_object()))
    });
    served.map_err(|why| format!("worker: {why}"))
}

/// Closes every descriptor above 2 but `keep`, as the probe's `close_all_but`
/// does: by close_range (Linux 5.9+), else each one listed in /proc/self/fd.
fn close_all_but(keep: i32) {
    let close_range = |low: i32, high: u32| {
        // SAFETY: close_range only closes descriptors; none of them is in use by
        // Rust code here (the fork runs on this thread alone).
        low as u32 > high
            || unsafe { libc::syscall(libc::SYS_close_range, low as u32, high, 0) } == 0
    };
    let below = close_range(3, keep.saturating_sub(1).max(0) as u32);
    if below && close_range(keep.max(2) + 1, u32::MAX) {
        return;
    }
    let listed: Vec<i32> = std::fs::read_dir("/proc/self/fd")
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    for fd in listed.into_iter().filter(|&fd| fd > 2 && fd != keep) {
        // SAFETY: as above.
        unsafe { libc::close(fd) };
    }
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
/// Returns the exit status: 0, or 1 when the program raised.
pub fn run_script(source: &str) -> u8 {
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
        Ok(Ok(0)) => 0,
        _ => 1,
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
