//! A finding's root-cause identities: the constructs that differ, not the symptoms.
//!
//! - scopes: each differing entry, by the kind of code object (module, function,
//!   lambda, class body, generator expression, comprehension — `inlined
//!   comprehension` when the reference is 3.12+), the field (`extra`/`missing`
//!   code object, `varnames`, `cellvars`, `freevars`, `order`) and how the
//!   differing name is bound in that scope (src/fuzz/bindings.rs);
//! - a fault (crash, panic, hang) by kind and normalized message;
//! - the exception: the type pair, the normalized messages, and how the name the
//!   message names is bound;
//! - stdout or cells only when nothing above differs.
//!
//! Qualnames are compared without `<locals>` and inlined comprehensions, so a
//! comprehension a backend does not inline is one identity, not one per lambda in
//! it. A program may carry several; they come in that order, and a campaign
//! buckets a program by the first one not already known (masked).

use super::bindings::{self, Bindings};
use super::scope_fields::field_identities;
use super::signature::fault_class;
use crate::observation::{Rendered, Section};
use crate::version::PyVersion;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity {
    pub backend: String,
    /// e.g. `scopes: function cellvars missing a walrus target`.
    pub what: String,
}

impl fmt::Display for Identity {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{}: {}", self.backend, self.what)
    }
}

/// Every identity of `actual` (from `backend`) against `expected` (from a
/// reference of `version`), in order; empty when they agree.
pub fn identities(
    backend: &str,
    version: PyVersion,
    bindings: &Bindings,
    expected: &Rendered,
    actual: &Rendered,
) -> Vec<Identity> {
    let mut found: Vec<String> = Vec::new();
    let inlines = version >= PyVersion::new(3, 12);
    let kind = |qualname: &str| {
        let kind = bindings.kind(qualname);
        if kind == "comprehension" && inlines {
            "inlined comprehension".to_string()
        } else {
            kind
        }
    };
    if expected.get(Section::Fault) != actual.get(Section::Fault) {
        let side = if actual.get(Section::Fault).is_empty() {
            expected
        } else {
            actual
        };
        let first = side.get(Section::Fault).lines().next().unwrap_or("");
        found.push(format!(
            "fault {}: {}",
            fault_class(side),
            normalize_message(first)
        ));
    }
    let (a, b) = (
        table(expected.get(Section::Scopes)),
        table(actual.get(Section::Scopes)),
    );
    let mut skip: Vec<(String, String)> = Vec::new();
    // A side that compiled nothing (a SyntaxError) has no scopes to compare: its
    // exception is the identity.
    let compared = if a.is_empty() || b.is_empty() {
        [].as_slice()
    } else {
        a.as_slice()
    };
    for (side, this, other) in [("missing", &a, &b), ("extra", &b, &a)] {
        if compared.is_empty() {
            break;
        }
        for (qualname, _) in this
            .iter()
            .filter(|(q, _)| !other.iter().any(|(o, _)| o == q))
        {
            let parent = parent_of(qualname);
            found.push(format!(
                "scopes: {side} code object: {} in {}",
                kind(qualname),
                kind(&parent)
            ));
            // The names a comprehension binds move with it: not a second cause.
            for ((scope, name), how) in &bindings.names {
                if scope == qualname
                    && (how.contains("comprehension target") || how.contains("walrus target"))
                {
                    skip.push((parent.clone(), name.clone()));
                }
            }
        }
    }
    found.extend(field_identities(bindings, compared, &b, &skip, &kind));
    let (x, y) = (
        expected.get(Section::Exception),
        actual.get(Section::Exception),
    );
    if x != y {
        found.push(exception_identity(bindings, x, y));
    }
    if found.is_empty() {
        for section in [Section::Stdout, Section::Cells, Section::Stderr] {
            if expected.get(section) != actual.get(section) {
                let (e, a) =
                    super::signature::first_difference(expected.get(section), actual.get(section));
                found.push(format!(
                    "{}: {} vs {}",
                    section.name(),
                    normalize_message(&e),
                    normalize_message(&a)
                ));
                break;
            }
        }
    }
    let mut out: Vec<Identity> = Vec::new();
    for what in found {
        let identity = Identity {
            backend: backend.to_string(),
            what,
        };
        if !out.contains(&identity) {
            out.push(identity);
        }
    }
    out
}

/// `exception: NameError vs none (cannot access free variable '…' …; none); 'v' is comprehension target+local`
fn exception_identity(bindings: &Bindings, expected: &str, actual: &str) -> String {
    let parts = |text: &str| {
        let mut lines = text.lines();
        let kind = lines.next().unwrap_or("none").trim().to_string();
        let message = lines.next().unwrap_or("").trim_start_matches("| ").trim();
        (kind, message.to_string())
    };
    let ((mut ek, mut em), (ak, am)) = (parts(expected), parts(actual));
    // A program one side cannot compile: what the other side does is no part of it.
    if ak == "SyntaxError" && ek != ak {
        (ek, em) = ("compiles".into(), String::new());
    }
    let mut what = format!("exception: {} vs {}", or_none(&ek), or_none(&ak));
    let messages = [&am, &em];
    if ek == ak || messages.iter().any(|m| !m.is_empty()) {
        what.push_str(&format!(
            " ({}; {})",
            or_none(&normalize_message(&em)),
            or_none(&normalize_message(&am))
        ));
    }
    if let Some((message, name)) = messages
        .iter()
        .find_map(|m| quoted(m).map(|name| (m.as_str(), name)))
    {
        what.push_str(&format!(
            "; the name is bound as {}",
            bound_where_read(bindings, message, &name)
        ));
    }
    what
}

/// How the name a message names is bound in the scope its failing read resolves
/// to: the reads that can raise that message (a free variable's, a local's, a
/// global's), else any read, else anywhere in the program.
pub fn bound_where_read(bindings: &Bindings, message: &str, name: &str) -> String {
    let module = bindings::normalize("<module>");
    let free = |scope: &str, binder: &str| binder != scope && binder != module;
    let local = |scope: &str, binder: &str| {
        binder == scope || (binder != module && bindings.kind(scope) == "comprehension")
    };
    let global = |_: &str, binder: &str| binder == module;
    let fitting = if message.contains("free variable") {
        bindings.where_read(name, free)
    } else if message.contains("local variable") {
        bindings.where_read(name, local)
    } else if message.contains("is not defined") {
        bindings.where_read(name, global)
    } else {
        None
    };
    fitting
        .or_else(|| bindings.where_read(name, |_, _| true))
        .unwrap_or_else(|| bindings.anywhere(name))
}

fn or_none(text: &str) -> &str {
    if text.is_empty() {
        "none"
    } else {
        text
    }
}

pub fn quoted(message: &str) -> Option<String> {
    let start = message.find('\'')? + 1;
    let len = message[start..].find('\'')?;
    Some(message[start..start + len].to_string())
}

/// A message with what varies from program to program masked: quoted names,
/// numbers and addresses.
pub fn normalize_message(text: &str) -> String {
    let mut out = String::new();
    let mut quote = false;
    let mut last_digit = false;
    for c in text.trim().trim_start_matches("| ").chars() {
        if c == '\'' {
            if !quote {
                out.push_str("'…'");
            }
            quote = !quote;
            continue;
        }
        if quote {
            continue;
        }
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        out.push(c);
    }
    out.replace("Nx…", "N").replace("NxN", "N")
}

/// The scopes section as `(normalized qualname, [varnames, cellvars, freevars])`
/// in its order; repeated qualnames are numbered `#2`, `#3`.
pub fn table(text: &str) -> Vec<(String, [Vec<String>; 3])> {
    let mut out: Vec<(String, [Vec<String>; 3])> = Vec::new();
    for line in text.lines() {
        let Some((qualname, rest)) = line.split_once(": varnames=") else {
            continue;
        };
        let (varnames, rest) = rest.split_once(" cellvars=").unwrap_or((rest, ""));
        let (cellvars, freevars) = rest.split_once(" freevars=").unwrap_or((rest, ""));
        let base = bindings::normalize(qualname);
        let mut key = base.clone();
        let mut n = 1;
        while out.iter().any(|(k, _)| *k == key) {
            n += 1;
            key = format!("{base}#{n}");
        }
        out.push((key, [names(varnames), names(cellvars), names(freevars)]));
    }
    out
}

fn names(tuple: &str) -> Vec<String> {
    tuple
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(',')
        .map(|n| n.trim().trim_matches('\'').to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

pub(super) fn parent_of(qualname: &str) -> String {
    let base = qualname.split('#').next().unwrap_or(qualname);
    match base.rsplit_once('.') {
        Some((parent, _)) => parent.to_string(),
        None => "<module>".into(),
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
