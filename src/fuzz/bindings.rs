//! How each name is bound in each scope of a program (parameter, local, `global`,
//! comprehension target, walrus target, free, …), and the kind of each scope
//! (module, function, class body, comprehension, generator expression): what a
//! root-cause identity names. Computed by Python's own `ast` (bindings.py) under
//! the `python3` on PATH (or `CLOSURE_CONFORMANCE_PYTHON`), many programs a call.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::process::{Command, Stdio};

const SCRIPT: &str = include_str!("bindings.py");

/// One program's scopes, keyed by the normalized qualname (see `normalize`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bindings {
    /// qualname → kind of scope.
    pub kinds: BTreeMap<String, String>,
    /// (qualname, name) → how it is bound, e.g. `comprehension target+local`.
    pub names: BTreeMap<(String, String), String>,
}

impl Bindings {
    /// The kind of the scope with this (scopes-section) qualname.
    pub fn kind(&self, qualname: &str) -> String {
        let key = normalize(qualname);
        if let Some(kind) = self.kinds.get(&key) {
            return kind.clone();
        }
        match key.rsplit('.').next().unwrap_or(&key) {
            "<lambda>" => "lambda".into(),
            "<genexpr>" => "generator expression".into(),
            "<module>" => "module".into(),
            last if last.starts_with('<') => "comprehension".into(),
            _ => "function".into(),
        }
    }

    /// How `name` is bound in the scope `qualname`: the first of `PRIORITY`
    /// that applies (`unbound` if none does).
    pub fn how(&self, qualname: &str, name: &str) -> String {
        let all = self.names.get(&(normalize(qualname), name.to_string()));
        first_by_priority(all.into_iter().flat_map(|how| how.split('+')))
    }

    /// How `name` is bound anywhere in the program: the first of `PRIORITY`.
    pub fn anywhere(&self, name: &str) -> String {
        first_by_priority(
            self.names
                .iter()
                .filter(|((_, n), _)| n == name)
                .flat_map(|(_, how)| how.split('+')),
        )
    }

    /// Every way `name` is bound in the scope, joined by `+`.
    pub fn every(&self, qualname: &str, name: &str) -> String {
        self.names
            .get(&(normalize(qualname), name.to_string()))
            .cloned()
            .unwrap_or_else(|| "unbound".into())
    }
}

/// One name is often bound several ways in a program (a letter reused): an
/// identity names the way most likely to be the construct that differs, the
/// rarest first. A reduced program usually binds it one way only.
pub const PRIORITY: [&str; 10] = [
    "comprehension target",
    "walrus target",
    "global",
    "nonlocal",
    "parameter",
    "except target",
    "match capture",
    "local",
    "free",
    "global read",
];

fn first_by_priority<'a>(hows: impl Iterator<Item = &'a str>) -> String {
    let hows: Vec<&str> = hows.collect();
    PRIORITY
        .iter()
        .find(|p| hows.contains(p))
        .map_or_else(|| "unbound".into(), |p| p.to_string())
}

/// A qualname with the parts that depend on the Python version dropped:
/// `<locals>`, and inlined comprehensions (`<listcomp>`, …) that are not the code
/// object itself (3.12+ names `<listcomp>.<lambda>` plain `<lambda>`).
pub fn normalize(qualname: &str) -> String {
    // `f#2`: the second code object named `f` (src/fuzz/identity.rs numbers them).
    let qualname = qualname.split('#').next().unwrap_or(qualname);
    let parts: Vec<&str> = qualname.split('.').filter(|p| *p != "<locals>").collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == last || !matches!(**p, "<listcomp>" | "<setcomp>" | "<dictcomp>"))
        .map(|(_, p)| *p)
        .collect::<Vec<_>>()
        .join(".")
}

/// The bindings of each program, in order. A program that does not parse gets
/// empty bindings; no Python at all is an error.
pub fn of(sources: &[String]) -> Result<Vec<Bindings>, String> {
    let python = std::env::var("CLOSURE_CONFORMANCE_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(&python)
        .args(["-I", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {python} for the bindings of a program: {e}"))?;
    // An empty program is still a program: `pass` keeps the answers in step.
    let input = sources
        .iter()
        .map(|s| {
            if s.trim().is_empty() {
                "pass\n"
            } else {
                s.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join("\0");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{python}: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "{python} failed on the bindings script: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut all = Vec::new();
    let mut current = Bindings::default();
    for line in text.lines() {
        if line == "\0" {
            all.push(std::mem::take(&mut current));
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if let [qualname, kind, name, how] = fields[..] {
            let key = normalize(qualname);
            current.kinds.insert(key.clone(), kind.to_string());
            // Scopes of one qualname (two module-level comprehensions) merge.
            let entry = current.names.entry((key, name.to_string())).or_default();
            let mut hows: Vec<&str> = entry.split('+').chain(how.split('+')).collect();
            hows.retain(|h| !h.is_empty());
            hows.sort();
            hows.dedup();
            *entry = hows.join("+");
        }
    }
    if all.len() != sources.len() {
        return Err(format!(
            "{python}: the bindings script answered for {} of {} programs",
            all.len(),
            sources.len()
        ));
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_how_each_name_is_bound() {
        let source = "def g(p):\n    global q\n    print(sum((a := x) for x in range(1)))\n    \
                      print([a for y in range(3)])\n    return lambda: p\nz = [w for w in range(2)]\n";
        let b = &of(&[source.to_string()]).unwrap()[0];
        assert_eq!(b.how("g", "a"), "walrus target");
        assert_eq!(b.how("g", "q"), "global");
        assert_eq!(b.how("g", "p"), "parameter");
        assert_eq!(b.how("g.<locals>.<genexpr>", "x"), "comprehension target");
        assert_eq!(b.how("g.<locals>.<genexpr>", "a"), "walrus target");
        assert_eq!(b.how("g.<locals>.<listcomp>", "a"), "free");
        assert_eq!(b.how("g.<locals>.<lambda>", "p"), "free");
        // An inlined comprehension's target is a name of the scope around it.
        assert_eq!(b.how("<module>", "w"), "comprehension target");
        assert_eq!(b.kind("<listcomp>"), "comprehension");
        assert_eq!(b.kind("g.<locals>.<genexpr>"), "generator expression");
        assert_eq!(b.kind("<module>"), "module");
        assert_eq!(normalize("f.<locals>.<listcomp>.<lambda>"), "f.<lambda>");
        assert_eq!(normalize("<listcomp>"), "<listcomp>");
        assert_eq!(of(&["def (".to_string()]).unwrap()[0], Bindings::default());
    }
}
