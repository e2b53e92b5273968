//! What a saved finding is called and how it is described, both made from its
//! root-cause identity (src/fuzz/identity.rs): `cases/found/<what_it_shows>.py`.

use super::identity::Identity;
use crate::version::PyVersion;

/// The parts of a scopes identity: (kind, field, change, how).
fn scope_parts(what: &str) -> Option<(&str, &str, &str, &str)> {
    let rest = what.strip_prefix("scopes: ")?;
    let (head, how) = rest.split_once(": ").unwrap_or((rest, ""));
    for field in ["varnames", "cellvars", "freevars"] {
        if let Some((kind, change)) = head.split_once(&format!(" {field} ")) {
            return Some((kind, field, change, how));
        }
    }
    None
}

/// A file name (without `.py`) that says what the case shows.
pub fn case_name(identity: &Identity) -> String {
    let what = identity.what.as_str();
    let text = if let Some(rest) = what.strip_prefix("scopes: extra code object: ") {
        let (kind, parent) = rest.split_once(" in ").unwrap_or((rest, "scope"));
        format!("{kind} in {parent} is a code object of its own")
    } else if let Some(rest) = what.strip_prefix("scopes: missing code object: ") {
        let (kind, parent) = rest.split_once(" in ").unwrap_or((rest, "scope"));
        format!("{kind} in {parent} has no code object")
    } else if let Some((kind, field, change, how)) = scope_parts(what) {
        let state = match (field, change) {
            ("cellvars", "missing") => "is not a cell",
            ("cellvars", "extra") => "is an extra cell",
            ("freevars", "missing") => "is not free",
            ("freevars", "extra") => "is free too",
            ("varnames", "missing") => "is not a local",
            ("varnames", "extra") => "is an extra local",
            _ => "in another order",
        };
        if change == "order" {
            format!("{kind} {field} {state}")
        } else {
            format!("{how} in {kind} {state}")
        }
    } else if let Some(rest) = what.strip_prefix("exception: ") {
        let (types, tail) = rest.split_once(" (").unwrap_or((rest, ""));
        let (expected, actual) = types.split_once(" vs ").unwrap_or((types, ""));
        let how = tail.rsplit_once("bound as ").map_or("", |(_, how)| how);
        let message = tail.split(';').nth(1).unwrap_or("").trim();
        let message = message.trim_end_matches(')').trim_start_matches("none");
        let outcome = if actual == "none" {
            format!("no {expected}")
        } else if !message.is_empty() {
            format!("{actual} {message}")
        } else {
            format!("{actual} not {expected}")
        };
        if how.is_empty() {
            outcome
        } else {
            format!("{how} gives {outcome}")
        }
    } else {
        what.to_string()
    };
    slug(&text)
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
    if let Some((kind, field, change, how)) = scope_parts(what) {
        return match change {
            "order" => format!("{backend} lists the {field} of a {kind} in another order than {cpython}"),
            "missing" => format!(
                "In a {kind}, a name bound there as {how} is one of the {field} on {cpython}, not on {backend}"
            ),
            _ => format!(
                "In a {kind}, a name bound there as {how} is one of the {field} on {backend}, not on {cpython}"
            ),
        };
    }
    if let Some(rest) = what.strip_prefix("exception: ") {
        return format!("{backend} and {cpython} end differently (reference vs {backend}): {rest}");
    }
    format!("{backend} differs from {cpython}: {what}")
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
        let cases = [
            (
                "scopes: function cellvars missing: walrus target",
                "walrus_target_in_function_is_not_a_cell",
            ),
            (
                "scopes: extra code object: inlined comprehension in module",
                "inlined_comprehension_in_module_is_a_code_object_of_its_own",
            ),
            (
                "exception: NameError vs none (cannot access free variable '…'; none); the name is bound as comprehension target+free+local",
                "comprehension_target_free_local_gives_no_nameerror",
            ),
            (
                "exception: none vs SyntaxError (none; get_ref_type: invalid scope)",
                "syntaxerror_get_ref_type_invalid_scope",
            ),
        ];
        for (what, name) in cases {
            assert_eq!(case_name(&identity(what)), name);
            assert!(description(&identity(what), v).contains("CPython 3.14"));
        }
    }
}
