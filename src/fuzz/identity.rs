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
            let base = qualname.split('#').next().unwrap_or(qualname);
            for ((scope, name), how) in &bindings.names {
                if scope == base
                    && (how.contains("comprehension target") || how.contains("walrus target"))
                {
                    skip.push((parent.clone(), name.clone()));
                }
            }
        }
    }
    // Field differences, the rarest binding first (bindings::PRIORITY): with a
    // walrus target and a plain local differing, the walrus is the construct.
    let mut fields_found: Vec<(usize, String)> = Vec::new();
    let rank = |how: &str| {
        bindings::PRIORITY
            .iter()
            .position(|p| *p == how)
            .unwrap_or(bindings::PRIORITY.len())
    };
    for (qualname, fields) in compared {
        let Some((_, others)) = b.iter().find(|(q, _)| q == qualname) else {
            continue;
        };
        for (index, field) in ["varnames", "cellvars", "freevars"].iter().enumerate() {
            let (x, y) = (&fields[index], &others[index]);
            if x == y {
                continue;
            }
            let mut any = false;
            for (change, from, to) in [("missing", x, y), ("extra", y, x)] {
                for name in from.iter().filter(|n| !to.contains(n)) {
                    any = true;
                    if skip.contains(&(qualname.clone(), name.clone())) {
                        continue;
                    }
                    let how = bindings.how(qualname, name);
                    fields_found.push((
                        rank(&how),
                        format!("scopes: {} {field} {change}: {how}", kind(qualname)),
                    ));
                }
            }
            if !any {
                fields_found.push((
                    usize::MAX,
                    format!("scopes: {} {field} order", kind(qualname)),
                ));
            }
        }
    }
    fields_found.sort_by_key(|(rank, _)| *rank);
    found.extend(fields_found.into_iter().map(|(_, what)| what));
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
    if let Some(name) = messages.iter().find_map(|m| quoted(m)) {
        what.push_str(&format!(
            "; the name is bound as {}",
            bindings.anywhere(&name)
        ));
    }
    what
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

fn parent_of(qualname: &str) -> String {
    let base = qualname.split('#').next().unwrap_or(qualname);
    match base.rsplit_once('.') {
        Some((parent, _)) => parent.to_string(),
        None => "<module>".into(),
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
