//! `--format json` of the listing commands — `progress`, `divergences`, `list`,
//! `backends` — for tools that act on them. Each is one JSON document with a
//! `schema` naming the command; fields are only ever added within a version.

use crate::backend::Discovery;
use crate::case::Case;
use crate::changes::Changes;
use serde_json::{json, Value};

/// The version of every listing schema here.
pub const SCHEMA_VERSION: u32 = 1;

fn document(command: &str, body: Value) -> String {
    let mut value = json!({
        "schema": format!("closure-conformance/{command}"),
        "schema_version": SCHEMA_VERSION,
    });
    if let (Some(head), Value::Object(body)) = (value.as_object_mut(), body) {
        head.extend(body);
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// `progress --format json`: the cases of each kind of change, by id.
pub fn progress(changes: &Changes) -> String {
    document(
        "progress",
        serde_json::to_value(changes).unwrap_or_default(),
    )
}

/// `list --format json`: each case with its topic, path and description.
pub fn list(cases: &[&Case]) -> String {
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "topic": c.topic,
                "path": c.display_path,
                "description": c.header.description,
                "rules": c.header.rules,
            })
        })
        .collect();
    document("list", json!({ "cases": cases }))
}

/// `divergences --format json`: every `# diverges:` mark, one entry each.
pub fn divergences(cases: &[&Case]) -> String {
    let marks: Vec<Value> = cases
        .iter()
        .flat_map(|c| {
            c.header.divergences.iter().map(move |d| {
                json!({
                    "case": c.id,
                    "path": c.display_path,
                    "backend": d.backend,
                    "sections": d.sections.iter().map(|s| s.name()).collect::<Vec<_>>(),
                    "reason": d.reason,
                })
            })
        })
        .collect();
    document("divergences", json!({ "divergences": marks }))
}

/// `backends --format json`: what was found (and which is the reference of its
/// language version), what is missing with how to install it, and the protections
/// the sandbox of native workers has here (`sandbox --describe`).
pub fn backends(found: &Discovery, sandbox: &str) -> String {
    let references = found.references();
    let available: Vec<Value> = found
        .available
        .iter()
        .map(|spec| {
            let reference = spec
                .language
                .is_some_and(|v| references.get(&v).is_some_and(|r| r.name == spec.name));
            json!({
                "name": spec.name,
                "kind": spec.kind.name(),
                "language": spec.language.map(|v| v.to_string()),
                "build": spec.build,
                "reference": reference && spec.kind.is_reference(),
            })
        })
        .collect();
    let missing: Vec<Value> = found
        .unavailable
        .iter()
        .map(|u| {
            json!({
                "name": u.name,
                "kind": u.kind.name(),
                "why": u.why,
                "install": u.install,
            })
        })
        .collect();
    document(
        "backends",
        json!({ "available": available, "missing": missing, "sandbox": sandbox }),
    )
}
