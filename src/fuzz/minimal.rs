//! 1-minimality against a root-cause identity, on the program's Python source:
//! every single statement deleted and every non-constant expression replaced by
//! `0` (variants.py, with Python's own `ast`). `minimize` takes any variant that
//! keeps the identity until none does; `keeping` lists the variants that still
//! keep it (none, for a 1-minimal program). The campaign runs `minimize` after
//! the tree reducer (src/fuzz/reduce.rs), whose steps cannot delete every
//! statement Python has (the `print` of a `try`'s handler, a `raise`).

use std::io::Write as _;
use std::process::{Command, Stdio};

const SCRIPT: &str = include_str!("variants.py");

/// The program as Python writes it back, then its one-step variants.
pub fn variants(source: &str) -> Result<(String, Vec<String>), String> {
    let python = std::env::var("CLOSURE_CONFORMANCE_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(&python)
        .args(["-I", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {python} for the variants of a program: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{python}: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "{python} cannot make variants of the program: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut all = text.split('\0').map(str::to_string);
    let itself = all.next().unwrap_or_default();
    Ok((itself, all.collect()))
}

/// Takes variants that keep the identity until none does (or `budget` tests are
/// spent); returns the program and the number of tests run.
pub fn minimize(
    source: &str,
    budget: usize,
    keeps: &mut dyn FnMut(&str) -> bool,
) -> (String, usize) {
    let mut best = source.to_string();
    let mut tests = 0;
    'outer: loop {
        let Ok((_, candidates)) = variants(&best) else {
            return (best, tests);
        };
        for candidate in candidates {
            if tests >= budget {
                return (best, tests);
            }
            tests += 1;
            if keeps(&candidate) {
                best = candidate;
                continue 'outer;
            }
        }
        return (best, tests);
    }
}

/// The one-step variants of `source` that still keep the identity.
pub fn keeping(source: &str, keeps: &mut dyn FnMut(&str) -> bool) -> Result<Vec<String>, String> {
    let (_, candidates) = variants(source)?;
    Ok(candidates.into_iter().filter(|c| keeps(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A synthetic identity: "a def holds a `nonlocal`". The smallest program
    /// with it is two nested defs and the declaration.
    #[test]
    fn minimizes_to_a_program_no_single_step_reduces() {
        let source = "x = 1\ndef f(a):\n    y = a + 2\n    def g():\n        nonlocal y\n        \
                      y = y + 1\n        print(y)\n    g()\n    return y\nprint(f(x))\n";
        let mut keeps = |s: &str| s.contains("nonlocal y") && s.contains("def g");
        let (small, tests) = minimize(source, 500, &mut keeps);
        assert!(tests > 0 && keeps(&small), "{small}");
        assert_eq!(small, "def f(a):\n\n    def g():\n        nonlocal y\n");
        assert!(keeping(&small, &mut keeps).unwrap().is_empty());
        // The original is not minimal: many one-step variants keep it.
        assert!(keeping(source, &mut keeps).unwrap().len() > 5);
    }

    /// No variant calls or subscripts a constant: CPython 3.8+ warns about it on
    /// stderr (`SyntaxWarning: 'int' object is not callable`).
    #[test]
    fn no_variant_makes_the_compiler_warn() {
        let (_, all) = variants("f(x)\ny = g()[1]\nprint(f'{y}')\n").unwrap();
        assert!(all.iter().any(|v| v.contains("f(0)")), "{all:?}");
        for variant in &all {
            assert!(
                !variant.contains("0(") && !variant.contains("0[1]"),
                "{variant}"
            );
        }
    }
}
