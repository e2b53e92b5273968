//! The field differences of the scopes section as root-cause identities, one per
//! name in the code object whose entry differs (src/fuzz/identity.rs):
//!
//! - a name's changes in one code object are one difference, named together
//!   (`function varnames missing, cellvars extra: walrus target`: a local that
//!   became a cell is one fact, not two), with how the name is bound in that code
//!   object;
//! - a change a code object inside it explains is no difference of its own: when
//!   a nested code object's freevars differ on a name, the cells and free
//!   variables of the code objects around it follow, whatever binds the name
//!   there (a `match` capture that becomes a cell because a nested function now
//!   reads it is the nested function's difference);
//! - a field whose names are the same in another order is `… order`.
//!
//! The rarest binding first (bindings::PRIORITY): with a walrus target and a plain
//! local differing, the walrus is the construct.

use super::bindings::{self, Bindings};
use super::identity::parent_of;

/// A scopes section as src/fuzz/identity.rs tables it: (key, [varnames,
/// cellvars, freevars]) in its order.
pub type Table = [(String, [Vec<String>; 3])];

const FIELDS: [&str; 3] = ["varnames", "cellvars", "freevars"];

/// The identities (without `backend: `) of the code objects both `a` and `b`
/// have, in order; `skip` holds (scope, name) pairs already explained.
pub fn field_identities(
    bindings: &Bindings,
    a: &Table,
    b: &Table,
    skip: &[(String, String)],
    kind: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let parents = parents(a);
    // For each code object of `a` that `b` has too: its entry in `b`.
    let pairs: Vec<Option<&[Vec<String>; 3]>> = a
        .iter()
        .map(|(q, _)| b.iter().find(|(o, _)| o == q).map(|(_, f)| f))
        .collect();
    let free_differs = |index: usize, name: &String| {
        pairs[index].is_some_and(|other| a[index].1[2].contains(name) != other[2].contains(name))
    };
    let mut found: Vec<(usize, String)> = Vec::new();
    for (index, (qualname, fields)) in a.iter().enumerate() {
        let Some(others) = pairs[index] else {
            continue;
        };
        let mut names: Vec<&String> = Vec::new();
        for (field, (x, y)) in FIELDS.iter().zip(fields.iter().zip(others.iter())) {
            if x == y {
                continue;
            }
            let differing: Vec<&String> = x
                .iter()
                .filter(|n| !y.contains(n))
                .chain(y.iter().filter(|n| !x.contains(n)))
                .collect();
            if differing.is_empty() {
                found.push((
                    usize::MAX,
                    format!("scopes: {} {field} order", kind(qualname)),
                ));
            }
            for name in differing {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        for name in names {
            if skip.contains(&(qualname.clone(), name.clone())) {
                continue;
            }
            let explained = (0..a.len()).any(|child| {
                child != index && parents[child] == Some(index) && free_differs(child, name)
            });
            if explained {
                continue;
            }
            let changes: Vec<String> = FIELDS
                .iter()
                .zip(fields.iter().zip(others.iter()))
                .filter_map(
                    |(field, (x, y))| match (x.contains(name), y.contains(name)) {
                        (true, false) => Some(format!("{field} missing")),
                        (false, true) => Some(format!("{field} extra")),
                        _ => None,
                    },
                )
                .collect();
            let how = bindings.how(qualname, name);
            found.push((
                rank(&how),
                format!("scopes: {} {}: {how}", kind(qualname), changes.join(", ")),
            ));
        }
    }
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, what)| what).collect()
}

fn rank(how: &str) -> usize {
    bindings::PRIORITY
        .iter()
        .position(|p| *p == how)
        .unwrap_or(bindings::PRIORITY.len())
}

/// The code object each one is nested in: the last one before it whose key is
/// its qualname's parent (a child comes after its parent in the section).
fn parents(table: &Table) -> Vec<Option<usize>> {
    let base = |key: &str| key.split('#').next().unwrap_or(key).to_string();
    table
        .iter()
        .enumerate()
        .map(|(index, (key, _))| {
            if base(key) == "<module>" {
                return None;
            }
            let parent = parent_of(key);
            (0..index).rev().find(|&j| base(&table[j].0) == parent)
        })
        .collect()
}
