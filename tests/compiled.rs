//! The compiled backends (Cython, Nuitka, mypyc; src/backend/compiled/): the
//! probe's compiled mode, which needs only python3, and, where the pinned
//! compilers are installed (`closure-conformance install --compilers`), cases
//! compiled, imported and observed by each. Where they are not, those trials are
//! ignored and say so (tests/common/needs.rs).

use closure_conformance::backend::compiled::{install, Compiler};
use closure_conformance::backend::{default_home, discover, Backend, BackendOptions, PROBE_SOURCE};
use closure_conformance::case::Case;
use closure_conformance::observation::Observation;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "common/needs.rs"]
mod needs;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials = vec![libtest_mimic::Trial::test(
        "the_probe_observes_a_rejection_and_refuses_an_entry_of_another_source",
        || {
            the_probe_observes_a_rejection_and_refuses_an_entry_of_another_source();
            Ok(())
        },
    )];
    for compiler in Compiler::ALL {
        trials.push(needs::trial(
            &format!(
                "{}::runs_the_compiled_module_and_observes_rejections",
                compiler.name()
            ),
            compilers(),
            move |home| runs_the_compiled_module_and_observes_rejections(compiler, &home),
        ));
    }
    libtest_mimic::run(&args, trials).exit();
}

/// The home the compilers are installed in; else what is missing.
fn compilers() -> Result<PathBuf, String> {
    let home = default_home();
    match install::installed(&home) {
        true => Ok(home),
        false => Err(format!(
            "compilers: not installed in {} ({})",
            install::dir(&home).display(),
            install::INSTALL_COMMAND
        )),
    }
}

fn sha256(text: &str) -> String {
    let output = Command::new("python3")
        .args([
            "-c",
            "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// One request to `probe.py --serve --compiled DIR`, its response as JSON.
fn ask_probe(cache: &Path, request: serde_json::Value) -> serde_json::Value {
    let mut child = Command::new("python3")
        .args(["-S", "-s", "-c", PROBE_SOURCE, "--serve", "--compiled"])
        .arg(cache)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let line = format!("{request}\n");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(line.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let response = text
        .lines()
        .nth(1)
        .unwrap_or_else(|| panic!("no response: {text}"));
    serde_json::from_str(response).unwrap()
}

fn the_probe_observes_a_rejection_and_refuses_an_entry_of_another_source() {
    let cache = tempfile::tempdir().unwrap();
    let source = "def f(:\n    pass\n";
    let entry = cache.path().join("entries").join(sha256(source));
    std::fs::create_dir_all(&entry).unwrap();
    std::fs::write(entry.join("source.py"), source).unwrap();
    let rejected = r#"{"rejected": "line 1: invalid syntax"}"#;
    std::fs::write(entry.join("entry.json"), rejected).unwrap();
    let request = |id: u32, source: &str| serde_json::json!({"id": id, "path": "cases/t/bad.py", "source": source});

    let response = ask_probe(cache.path(), request(1, source));
    let observation = &response["observation"];
    assert_eq!(
        observation["exception"],
        serde_json::json!({"type": "CompileError", "message": "line 1: invalid syntax"}),
        "{response}"
    );
    // There is no module code object to walk: no scopes, never the host's.
    assert_eq!(observation["scopes"], serde_json::json!([]), "{response}");

    // An entry that holds another source is never run for this one.
    std::fs::write(entry.join("source.py"), "print(1)\n").unwrap();
    let response = ask_probe(cache.path(), request(2, source));
    let fault = response["fault"].as_str().unwrap_or_default();
    assert!(fault.contains("holds another source"), "{response}");

    // Nor is a source with no entry compiled or run by the host.
    let response = ask_probe(cache.path(), request(3, "print('host')\n"));
    let fault = response["fault"].as_str().unwrap_or_default();
    assert!(fault.contains("was not compiled"), "{response}");

    // Batches (the fuzzer's) would run on the host: refused.
    let batch =
        serde_json::json!({"id": 4, "path": "f.py", "programs": ["print(1)"], "mode": "execute"});
    let response = ask_probe(cache.path(), batch);
    let fault = response["fault"].as_str().unwrap_or_default();
    assert!(fault.contains("runs no batches"), "{response}");
}

const KIND: &str = "# description: kind\n# source: rule: test\n# rules: t/r\n\n\
def make(x):\n    def inner():\n        return x\n    return inner\n\n\
f = make(5)\nprint(f(), type(make).__name__)\n\nclass C:\n    pass\n\nprint(C)\n";
const BROKEN: &str =
    "# description: broken\n# source: rule: test\n# rules: t/r\n\ndef f(:\n    pass\n";
const RAISES: &str = "# description: raises\n# source: rule: test\n# rules: t/r\n\nprint('before')\nraise KeyError('k')\n";

fn runs_the_compiled_module_and_observes_rejections(compiler: Compiler, home: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let topic = dir.path().join("cases/t");
    std::fs::create_dir_all(&topic).unwrap();
    // A fresh source each time, so that this run compiles it (the cache is the user's).
    let nonce = format!("# nonce: {:?}\n", std::time::SystemTime::now());
    let mut cases = Vec::new();
    for (name, text) in [("kind", KIND), ("broken", BROKEN), ("raises", RAISES)] {
        let path = topic.join(format!("{name}.py"));
        std::fs::write(&path, format!("{text}{nonce}")).unwrap();
        cases.push(Case::load(&dir.path().join("cases"), &path).unwrap());
    }
    let options = BackendOptions {
        worker_exe: PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance")),
        home: home.to_path_buf(),
        ..BackendOptions::from_env(PathBuf::new()).unwrap()
    };
    let spec = discover(&options)
        .available
        .into_iter()
        .find(|s| s.name == compiler.name())
        .unwrap_or_else(|| panic!("{} is installed but not found", compiler.name()));
    let backend = Backend::start(spec, &options);
    let run = |case: &Case| -> Observation { backend.run(case) };

    // The case ran as the compiler built it: its functions are the compiler's own.
    let kind = run(&cases[0]);
    let function_type = match compiler {
        Compiler::Cython => "cython_function_or_method",
        Compiler::Nuitka => "compiled_function",
        Compiler::Mypyc => "builtin_function_or_method",
    };
    assert_eq!(kind.fault, None, "{kind:?}");
    assert_eq!(
        kind.stdout,
        format!("5 {function_type}\n<class '__main__.C'>\n"),
        "{kind:?}"
    );
    assert!(kind.scopes.is_empty(), "{kind:?}");

    // A source the compiler rejects is an observation, and the others still run.
    // Nuitka builds a module that raises the SyntaxError when imported, as
    // CPython's own compile does; Cython and mypyc reject it (CompileError).
    let broken = run(&cases[1]);
    let exception = broken.exception.clone().expect("a rejection");
    match compiler {
        Compiler::Nuitka => assert_eq!(
            (exception.kind.as_str(), exception.message.as_str()),
            ("SyntaxError", "invalid syntax (line 5)"),
            "{broken:?}"
        ),
        _ => {
            assert_eq!(exception.kind, "CompileError", "{broken:?}");
            assert!(exception.message.contains("line 5"), "{broken:?}");
        }
    }
    let raises = run(&cases[2]);
    assert_eq!(raises.stdout, "before\n", "{raises:?}");
    assert_eq!(
        raises.exception.map(|e| (e.kind, e.message)),
        Some(("KeyError".into(), "'k'".into()))
    );

    // A rerun in another process finds every entry and compiles nothing.
    let entries = home
        .join("compiled")
        .read_dir()
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(compiler.name()))
        .unwrap()
        .path()
        .join("entries");
    let stamp = |case: &Case| {
        let path = entries.join(sha256(&case.source)).join("entry.json");
        std::fs::metadata(&path).and_then(|m| m.modified()).unwrap()
    };
    let before: Vec<_> = cases.iter().map(stamp).collect();
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .args(["-b", compiler.name(), "--color", "never", "--root"])
        .arg(dir.path())
        .env("CLOSURE_CONFORMANCE_HOME", home)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("3 checks"), "{shown}");
    let after: Vec<_> = cases.iter().map(stamp).collect();
    assert_eq!(before, after, "a rerun rebuilt an entry");
}
