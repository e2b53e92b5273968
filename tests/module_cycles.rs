//! scripts/module-cycles: it finds a cycle between top-level modules, leaves out
//! unit tests (inline or in files of their own) unless asked, and finds none in
//! src/.

use std::path::Path;
use std::process::Command;

/// Runs the script on `src` (with `extra` arguments first): exit status and stdout.
fn cycles(src: &Path, extra: &[&str]) -> (i32, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/module-cycles");
    let out = Command::new(script)
        .args(extra)
        .arg(src)
        .output()
        .expect("scripts/module-cycles runs");
    let stdout = String::from_utf8(out.stdout).unwrap();
    (out.status.code().expect("an exit status"), stdout)
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn a_cycle_is_found_and_unit_tests_count_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    write(
        src,
        &[
            ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
            ("a.rs", "use crate::b::B;\npub fn g() {}\n"),
            ("b/mod.rs", "pub struct B;\nmod inner;\n"),
            (
                "b/inner.rs",
                "use crate::{c, a::g}; // crate::a is named already\n",
            ),
            (
                "c.rs",
                "// crate::a only in a comment\n#[cfg(test)]\nmod tests;\n\
                 #[cfg(test)]\nmod inline {\n    use crate::a::g;\n}\n",
            ),
            ("c/tests.rs", "use crate::a::g;\n"),
        ],
    );
    // a → b → {a, c}: a ↔ b is a cycle; c's tests (a file and an inline module)
    // naming a do not count.
    let (status, out) = cycles(src, &[]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("cycle: a ↔ b\n"), "{out}");
    assert!(out.contains("1 cycles"), "{out}");
    // Without b's edge back to a, the modules form a DAG...
    write(src, &[("b/inner.rs", "use crate::c;\n")]);
    let (status, out) = cycles(src, &[]);
    assert_eq!((status, out.contains("0 cycles")), (0, true), "{out}");
    // ...but with the unit tests counted, c's test file closes a → b → c → a.
    let (status, out) = cycles(src, &["--tests"]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("cycle: a ↔ b ↔ c\n"), "{out}");
    // Code of c itself naming a closes the same cycle.
    write(src, &[("c.rs", "pub fn f() {\n    crate::a::g()\n}\n")]);
    let (status, out) = cycles(src, &[]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("  c → a  ("), "{out}");
}

#[test]
fn the_modules_of_src_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (status, out) = cycles(&src, &[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.ends_with(" 0 cycles\n"), "{out}");
}
