//! What a saved finding is called and how it is described, both made from its
//! root-cause identity (src/fuzz/identity.rs): `cases/found/<what_it_shows>.py`.

use super::bindings::{self, Bindings};
use super::identity::Identity;
use crate::version::PyVersion;

/// A scopes identity in parts: (kind, [(field, change)], how).
type ScopeParts<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

/// The parts of a scopes identity; one name's changes in several fields come
/// together (`cellvars missing, freevars extra`).
fn scope_parts(what: &str) -> Option<ScopeParts<'_>> {
    let rest = what.strip_prefix("scopes: ")?;
    let (head, how) = rest.split_once(": ").unwrap_or((rest, ""));
    let start = ["varnames", "cellvars", "freevars"]
        .iter()
        .filter_map(|field| head.find(&format!(" {field} ")))
        .min()?;
    let (kind, changes) = (&head[..start], &head[start + 1..]);
    let changes = changes
        .split(", ")
        .filter_map(|change| change.split_once(' '))
        .collect();
    Some((kind, changes, how))
}

/// A file name (without `.py`) that says what the case shows, from its identity
/// and, where the identity names no binding (stdout, a fault, an order), from the
/// program's bindings: the name bound in the most ways.
pub fn case_name(identity: &Identity, bindings: &Bindings) -> String {
    let what = identity.what.as_str();
    let text = if let Some(rest) = what.strip_prefix("scopes: extra code object: ") {
        let (kind, parent) = rest.split_once(" in ").unwrap_or((rest, "scope"));
        format!("{kind} in {parent} is a code object of its own")
    } else if let Some(rest) = what.strip_prefix("scopes: missing code object: ") {
        let (kind, parent) = rest.split_once(" in ").unwrap_or((rest, "scope"));
        format!("{kind} in {parent} has no code object")
    } else if let Some((kind, changes, how)) = scope_parts(what) {
        let state = |(field, change): &(&str, &str)| match (*field, *change) {
            ("cellvars", "missing") => "is not a cell",
            ("cellvars", "extra") => "is an extra cell",
            ("freevars", "missing") => "is not free",
            ("freevars", "extra") => "is free too",
            ("varnames", "missing") => "is not a local",
            ("varnames", "extra") => "is an extra local",
            _ => "in another order",
        };
        // A local that became a cell is named by what it became.
        let state = match changes.as_slice() {
            [("varnames", _), rest] => state(rest).to_string(),
            [first, rest @ ..] => std::iter::once(state(first))
                .chain(rest.iter().map(state))
                .collect::<Vec<_>>()
                .join(" and "),
            [] => String::new(),
        };
        let (field, change) = changes.first().copied().unwrap_or_default();
        match (change, how) {
            ("order", _) => format!("{kind} {field} {state} with {}", most_bound(bindings)),
            // Not bound in that scope at all: bound in a scope inside it.
            (_, "unbound") => format!("inner scopes name in {kind} {state}"),
            _ => format!("{how} in {kind} {state}"),
        }
    } else if let Some(rest) = what.strip_prefix("exception: ") {
        exception_name(rest, bindings)
    } else {
        let section = what.split(':').next().unwrap_or(what);
        format!("{} changes {section}", most_bound(bindings))
    };
    slug(&text)
}

/// What a message says, in a few words.
fn message_tag(message: &str) -> String {
    let tags = [
        ("cannot access free variable", "an empty free variable"),
        ("is not defined", "an undefined name"),
        ("referenced before assignment", "an unbound local"),
        ("cannot access local variable", "an unbound local"),
        ("invalid scope", "an invalid scope"),
    ];
    match tags.iter().find(|(text, _)| message.contains(text)) {
        Some((_, tag)) => tag.to_string(),
        None => message
            .split_whitespace()
            .filter(|w| !w.contains('…'))
            .take(4)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `exception: A vs B (message A; message B); the name is bound as how`.
fn exception_name(rest: &str, bindings: &Bindings) -> String {
    let (types, tail) = rest.split_once(" (").unwrap_or((rest, ""));
    let (expected, actual) = types.split_once(" vs ").unwrap_or((types, ""));
    let how = match tail.rsplit_once("bound as ") {
        Some((_, how)) => how.split('+').next().unwrap_or(how).to_string(),
        None => most_bound(bindings),
    };
    let messages = tail.split("; the name").next().unwrap_or("");
    let messages = messages.trim_end_matches(')');
    let (em, am) = messages.split_once("; ").unwrap_or((messages, ""));
    let (em, am) = (message_tag(em), message_tag(am));
    match (expected, actual) {
        ("compiles", _) => format!("{how} is rejected as {am}"),
        ("none", _) => format!("{how} is read as {am}"),
        (_, "none") => format!("{how} is read where cpython raises {expected}"),
        _ if expected == actual && em != am => format!("{how} is read as {am} not {em}"),
        _ if expected == actual => format!("{expected} for a {how} is worded otherwise"),
        _ => format!("{how} raises {actual} not {expected}"),
    }
}

/// The name the program binds in the most ways, as those ways (the rarest two):
/// `comprehension target also global`.
fn most_bound(bindings: &Bindings) -> String {
    let mut best: Vec<&str> = Vec::new();
    let mut names: Vec<&String> = bindings.names.keys().map(|(_, n)| n).collect();
    names.sort();
    names.dedup();
    for name in names {
        let mut hows: Vec<&str> = bindings
            .names
            .iter()
            .filter(|((_, n), _)| n == name)
            .flat_map(|(_, how)| how.split('+'))
            .filter(|h| bindings::PRIORITY[..8].contains(h))
            .collect();
        hows.sort_by_key(|h| bindings::PRIORITY.iter().position(|p| p == h));
        hows.dedup();
        if hows.len() > best.len() {
            best = hows;
        }
    }
    match best.as_slice() {
        [] => "a program".into(),
        [one] => format!("a {one}"),
        [first, second, ..] => format!("a {first} also {second}"),
    }
}

/// Lowercase words joined by `_`, at most 80 characters, cut at a word.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 80 {
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        "finding".into()
    } else {
        out
    }
}

/// One sentence: what the backend does, against which CPython, and where.
pub fn description(identity: &Identity, version: PyVersion) -> String {
    let (backend, what) = (&identity.backend, identity.what.as_str());
    let cpython = format!("CPython {version}");
    if let Some(rest) = what.strip_prefix("scopes: extra code object: ") {
        return format!(
            "{backend} compiles a {rest} to a code object of its own; {cpython} does not"
        );
    }
    if let Some(rest) = what.strip_prefix("scopes: missing code object: ") {
        return format!("{backend} has no code object for a {rest}; {cpython} has one");
    }
    if let Some((kind, changes, how)) = scope_parts(what) {
        let each: Vec<String> = changes
            .iter()
            .map(|(field, change)| match *change {
                "order" => format!(
                    "{backend} lists the {field} of a {kind} in another order than {cpython}"
                ),
                "missing" => format!("one of the {field} on {cpython}, not on {backend}"),
                _ => format!("one of the {field} on {backend}, not on {cpython}"),
            })
            .collect();
        return match changes.first() {
            Some((_, "order")) => each.join("; "),
            _ => format!(
                "In a {kind}, a name bound there as {how} is {}",
                each.join(", and ")
            ),
        };
    }
    if let Some(rest) = what.strip_prefix("exception: ") {
        let (types, tail) = rest.split_once(" (").unwrap_or((rest, ""));
        let (expected, actual) = types.split_once(" vs ").unwrap_or((types, ""));
        let (messages, how) = tail
            .split_once("; the name is bound as ")
            .unwrap_or((tail, ""));
        let messages = messages.trim_end_matches(')');
        let (em, am) = messages.split_once("; ").unwrap_or((messages, ""));
        let outcome = |kind: &str, message: &str| match kind {
            "none" => "runs to the end".to_string(),
            "compiles" => "compiles it".to_string(),
            _ if message.is_empty() || message == "none" => format!("raises {kind}"),
            _ => format!("raises {kind} ({message})"),
        };
        let mut text = format!(
            "{cpython} {}; {backend} {}",
            outcome(expected, em),
            outcome(actual, am)
        );
        if !how.is_empty() {
            text.push_str(&format!("; the name is bound as {how}"));
        }
        return text;
    }
    let (section, rest) = what.split_once(": ").unwrap_or((what, ""));
    format!("{backend}'s {section} differs from {cpython}'s ({rest})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(what: &str) -> Identity {
        Identity {
            backend: "rustpython".into(),
            what: what.into(),
        }
    }

    #[test]
    fn names_say_what_the_case_shows() {
        let v = PyVersion::of("3.14").unwrap();
        let leak = "def f():\n    global x\nx = 1\nprint([0 for x in [0]])\nprint(x)\n";
        let leak = &bindings::of(&[leak.to_string()]).unwrap()[0];
        let none = Bindings::default();
        let cases = [
            (
                "scopes: function cellvars missing: walrus target",
                &none,
                "walrus_target_in_function_is_not_a_cell",
            ),
            (
                "scopes: function varnames missing, cellvars extra: walrus target",
                &none,
                "walrus_target_in_function_is_an_extra_cell",
            ),
            (
                "scopes: function cellvars missing, freevars extra: comprehension target",
                &none,
                "comprehension_target_in_function_is_not_a_cell_and_is_free_too",
            ),
            (
                "scopes: extra code object: inlined comprehension in module",
                &none,
                "inlined_comprehension_in_module_is_a_code_object_of_its_own",
            ),
            (
                "exception: none vs NameError (none; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target",
                &none,
                "walrus_target_is_read_as_an_empty_free_variable",
            ),
            (
                "exception: NameError vs NameError (name '…' is not defined; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target",
                &none,
                "walrus_target_is_read_as_an_empty_free_variable_not_an_undefined_name",
            ),
            (
                "exception: compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as walrus target",
                &none,
                "walrus_target_is_rejected_as_an_invalid_scope",
            ),
            (
                "exception: UnboundLocalError vs UnboundLocalError (cannot access local variable '…' where it is not associated with a value; local variable '…' referenced before assignment); the name is bound as comprehension target",
                &none,
                "unboundlocalerror_for_a_comprehension_target_is_worded_otherwise",
            ),
            (
                "stdout: N vs N",
                leak,
                "a_comprehension_target_also_global_changes_stdout",
            ),
        ];
        for (what, bindings, name) in cases {
            assert_eq!(case_name(&identity(what), bindings), name);
            assert!(description(&identity(what), v).contains("CPython 3.14"));
        }
        assert_eq!(
            description(&identity(cases[2].0), v),
            "In a function, a name bound there as comprehension target is one of the cellvars on \
             CPython 3.14, not on rustpython, and one of the freevars on rustpython, not on CPython 3.14"
        );
        assert_eq!(
            description(&identity(cases[4].0), v),
            "CPython 3.14 runs to the end; rustpython raises NameError (cannot access free variable '…' \
             where it is not associated with a value in enclosing scope); the name is bound as walrus target"
        );
    }
}
