//! How each name is bound in each scope of a program (parameter, local, `global`,
//! comprehension target, walrus target, free, …), and the kind of each scope
//! (module, function, class body, comprehension, generator expression): what a
//! root-cause identity names. Computed by Python's own `ast` (bindings.py) under
//! the `python3` on PATH (or `CLOSURE_CONFORMANCE_PYTHON`), many programs a call.

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

const SCRIPT: &str = include_str!("bindings.py");

/// One program's scopes, each keyed by its normalized qualname (see `normalize`),
/// numbered `#2`, `#3` when several code objects have it (in source order, as
/// src/fuzz/identity.rs numbers the scopes section): each code object has its own
/// bindings, so a name bound one way in one `<genexpr>` and another way in the
/// next is not one name bound two ways.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bindings {
    /// scope → kind of scope.
    pub kinds: BTreeMap<String, String>,
    /// (scope, name) → how it is bound, e.g. `comprehension target+local`.
    pub names: BTreeMap<(String, String), String>,
    /// (scope, name) read there → the scope that read resolves to (itself, a
    /// function around it, or `<module>`).
    pub binders: BTreeMap<(String, String), String>,
}

/// The keys of scopes given by their qualnames in source order: normalized, and
/// numbered `#2`, `#3` from the second scope with the same normalized qualname.
pub fn keys<'a>(qualnames: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for qualname in qualnames {
        let base = normalize(qualname);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        out.push(if *n == 1 { base } else { format!("{base}#{n}") });
    }
    out
}

/// The key of a scope named as src/fuzz/identity.rs names it (a qualname of the
/// scopes section, perhaps numbered `#2`).
fn key(qualname: &str) -> String {
    match qualname.split_once('#') {
        Some((base, n)) => format!("{}#{n}", normalize(base)),
        None => normalize(qualname),
    }
}

impl Bindings {
    /// The kind of the scope with this (scopes-section) qualname.
    pub fn kind(&self, qualname: &str) -> String {
        let key = key(qualname);
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
        let all = self.names.get(&(key(qualname), name.to_string()));
        first_by_priority(all.into_iter().flat_map(|how| how.split('+')))
    }

    /// How `name` is bound where it is read: for every scope that reads it (and
    /// that `reads` accepts, given the reading scope and the scope its read
    /// resolves to), how it is bound in the scope the read resolves to; the first
    /// of `PRIORITY`. `None` when no such scope reads it.
    pub fn where_read(&self, name: &str, reads: impl Fn(&str, &str) -> bool) -> Option<String> {
        let hows: Vec<String> = self
            .binders
            .iter()
            .filter(|((scope, n), binder)| n == name && reads(scope, binder))
            .map(|(_, binder)| self.how(binder, name))
            .collect();
        if hows.is_empty() {
            return None;
        }
        Some(first_by_priority(hows.iter().map(String::as_str)))
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
            .get(&(key(qualname), name.to_string()))
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

/// A bindings.py process that answers one program at a time, kept for the life of
/// the thread that started it: a campaign asks for the bindings of nearly every
/// program, and a process per batch (through a pyenv shim, a shell script) cost
/// as much as running the batch.
struct Server {
    python: String,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Result<Server, String> {
        let python =
            std::env::var("CLOSURE_CONFORMANCE_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = Command::new(&python)
            .args(["-I", "-c", SCRIPT])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {python} for the bindings of a program: {e}"))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        Ok(Server {
            python,
            child,
            stdin,
            stdout,
        })
    }

    /// The bindings of one program (empty when it does not parse).
    fn ask(&mut self, source: &str) -> Result<Bindings, String> {
        // An empty program is still a program: `pass` keeps the answers in step;
        // a NUL would end the program early, and Python rejects it anyway.
        if source.contains('\0') {
            return Ok(Bindings::default());
        }
        let source = if source.trim().is_empty() {
            "pass\n"
        } else {
            source
        };
        let sent = self
            .stdin
            .write_all(source.as_bytes())
            .and_then(|()| self.stdin.write_all(b"\0"))
            .and_then(|()| self.stdin.flush());
        if sent.is_err() {
            return Err(self.failure());
        }
        // (scope index, name, how, binder index) until the NUL line.
        let mut scopes: Vec<(String, String)> = Vec::new();
        let mut rows: Vec<(usize, String, String, Option<usize>)> = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if matches!(self.stdout.read_line(&mut line), Ok(0) | Err(_)) {
                return Err(self.failure());
            }
            let line = line.trim_end_matches('\n');
            if line == "\0" {
                break;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if let [index, qualname, kind, name, how, binder] = fields[..] {
                let index: usize = index.parse().unwrap_or(usize::MAX);
                if name.is_empty() {
                    scopes.push((qualname.to_string(), kind.to_string()));
                } else {
                    rows.push((index, name.into(), how.into(), binder.parse().ok()));
                }
            }
        }
        let keys = keys(scopes.iter().map(|(q, _)| q.as_str()));
        let mut current = Bindings::default();
        for (key, (_, kind)) in keys.iter().zip(&scopes) {
            current.kinds.insert(key.clone(), kind.clone());
        }
        for (index, name, how, binder) in rows {
            let Some(key) = keys.get(index) else { continue };
            current.names.insert((key.clone(), name.clone()), how);
            if let Some(binder) = binder.and_then(|b| keys.get(b)) {
                current.binders.insert((key.clone(), name), binder.clone());
            }
        }
        Ok(current)
    }

    /// Why the process stopped answering: what it said on stderr.
    fn failure(&mut self) -> String {
        let _ = self.child.kill();
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            let _ = pipe.read_to_string(&mut stderr);
        }
        let _ = self.child.wait();
        format!(
            "{} failed on the bindings script: {}",
            self.python,
            stderr.trim()
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

thread_local! {
    static SERVER: std::cell::RefCell<Option<Server>> = const { std::cell::RefCell::new(None) };
}

/// The bindings of each program, in order. A program that does not parse gets
/// empty bindings; no Python at all is an error. Each thread keeps one bindings.py
/// process for all its calls (restarted after a failure).
pub fn of(sources: &[String]) -> Result<Vec<Bindings>, String> {
    SERVER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Server::start()?);
        }
        let server = slot.as_mut().expect("started above");
        let answers: Result<Vec<Bindings>, String> =
            sources.iter().map(|source| server.ask(source)).collect();
        if answers.is_err() {
            *slot = None;
        }
        answers
    })
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
