//! Identification: who an interpreter says it is.

use crate::process::{run_with_timeout, start_timeout};
use crate::protocol::Hello;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long an interpreter may take to say who it is.
pub const IDENTIFY_TIMEOUT: Duration = Duration::from_secs(20);

pub fn describe_hello(hello: &Hello) -> String {
    match hello.implementation.as_str() {
        "cpython" => format!("CPython {}", hello.language_version),
        "rustpython" => format!(
            "RustPython {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
        "pypy" => format!(
            "PyPy {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
        other => format!(
            "{other} {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
    }
}

/// What an interpreter says about itself when asked with `-c`.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub executable: PathBuf,
    pub implementation: String,
    /// e.g. `3.11.7`.
    pub version: String,
    /// PyPy's own version; the language version elsewhere.
    pub implementation_version: String,
}

/// Asks an interpreter who it is (works on Python 2 too, to say why it is skipped).
/// An interpreter that does not answer within `timeout` is an error, not a hang.
/// It runs in the sandbox of our binary `sandbox`, so that whatever it starts ends with it.
pub fn identify(program: &Path, sandbox: &Path, timeout: Duration) -> Result<Identity, String> {
    const SCRIPT: &str = "import sys\n\
        impl = getattr(sys, 'implementation', None)\n\
        name = impl.name if impl else 'cpython'\n\
        own = getattr(sys, 'pypy_version_info', sys.version_info)\n\
        print(sys.executable)\n\
        print(name)\n\
        print('%d.%d.%d' % tuple(sys.version_info[:3]))\n\
        print('%d.%d.%d' % tuple(own[:3]))\n";
    let timeout = start_timeout(timeout);
    let mut command = crate::sandbox::command(sandbox, program);
    let output = run_with_timeout(command.args(["-S", "-c", SCRIPT]), timeout)
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let text = String::from_utf8_lossy(&output);
    let lines: Vec<&str> = text.lines().collect();
    let [executable, implementation, version, own] = lines[..] else {
        return Err(format!(
            "{} did not say which Python it is",
            program.display()
        ));
    };
    let executable = PathBuf::from(executable);
    Ok(Identity {
        executable: if executable.is_file() {
            executable
        } else {
            program.to_path_buf()
        },
        implementation: implementation.to_string(),
        version: version.to_string(),
        implementation_version: own.to_string(),
    })
}
