//! `myimpl`: an interpreter of "another implementation" for the tests of
//! expectations files: python3 with a `sitecustomize` that changes what cases print.

use std::path::Path;

/// `myimpl`: python3, printing each int of `changes` as another (`{5: 6}`).
pub fn fake_interpreter(dir: &Path, changes: &str) -> String {
    let site = dir.join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(
        site.join("sitecustomize.py"),
        format!(
            "import builtins\n_print = builtins.print\nCHANGES = {changes}\n\
             def print(*args, **kw):\n    _print(*[CHANGES.get(a, a) if type(a) is int else a for a in args], **kw)\n\
             builtins.print = print\n"
        ),
    )
    .unwrap();
    let script = dir.join("myimpl");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nPYTHONPATH={} exec python3 \"$@\"\n",
            site.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!("myimpl={}", script.display())
}
