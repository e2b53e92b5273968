//! The scope model on its own: resolution, certainty, needs and their checks.

use super::scope::{Kind, Scopes, Ty};
use std::collections::BTreeSet;

/// The module with `names` bound in it as ints.
fn module(names: &[&str]) -> Scopes {
    let mut scopes = Scopes::default();
    scopes.push(Kind::Module);
    for n in names {
        scopes.bind(0, n, Ty::Int);
    }
    scopes
}

#[test]
fn a_function_in_a_class_body_skips_the_class_when_it_resolves_a_name() {
    let mut scopes = module(&["x"]);
    scopes.push(Kind::Class);
    scopes.bind(1, "x", Ty::Int);
    scopes.push(Kind::Function);
    assert_eq!(scopes.resolve(2, "x"), 0, "the method sees the module's x");
    // The class body itself sees its own.
    assert_eq!(scopes.resolve(1, "x"), 1);
}

#[test]
fn a_nested_function_reads_the_nearest_enclosing_functions_local() {
    let mut scopes = module(&["a"]);
    scopes.push(Kind::Function);
    scopes.bind(1, "a", Ty::Int);
    scopes.push(Kind::Function);
    assert_eq!(scopes.resolve(2, "a"), 1);
    scopes.stack[2].globals.insert("a".into());
    assert_eq!(scopes.resolve(2, "a"), 0, "`global a` goes to the module");
}

#[test]
fn declarations_send_a_binding_to_the_scope_they_name() {
    let mut scopes = module(&[]);
    scopes.push(Kind::Function);
    scopes.stack[1].globals.insert("n".into());
    scopes.stack[1].vars.insert(
        "n".into(),
        super::scope::Var {
            ty: Ty::Int,
            bound: false,
        },
    );
    assert_eq!(scopes.resolve_binding(1, "n"), 0);
    assert!(!scopes.is_local(1, "n"));
    scopes.bind(1, "n", Ty::Int);
    // Bound in the module, but only when the function runs: not now.
    assert!(!scopes.stack[0].vars["n"].bound);
}

#[test]
fn a_read_from_outside_freezes_the_name_in_the_scopes_it_passes() {
    let mut scopes = module(&["x"]);
    scopes.push(Kind::Function);
    scopes.push(Kind::Function);
    assert!(scopes.can_bind(2, "x"));
    scopes.read(2, "x");
    assert!(
        !scopes.can_bind(2, "x"),
        "binding it now would make the read local"
    );
    assert!(
        !scopes.can_bind(1, "x"),
        "the enclosing function is passed too"
    );
    assert!(scopes.can_bind(0, "x"), "the module holds it");
}

#[test]
fn a_comprehension_binds_nothing_of_its_own_beyond_its_variable() {
    let mut scopes = module(&[]);
    scopes.push(Kind::Comprehension);
    assert!(!scopes.can_bind(1, "y"));
}

#[test]
fn a_function_reading_an_unbound_global_needs_it_when_called() {
    let mut scopes = module(&[]);
    scopes.push(Kind::Function);
    // Read when the function runs: checked where it is called, through its needs.
    scopes.read(1, "b");
    let function = scopes.pop();
    let needs: BTreeSet<_> = [(0, "b".to_string())].into_iter().collect();
    assert_eq!(function.needs, needs);
    assert!(!scopes.callable(0, &needs), "b is not bound yet");
    scopes.bind(0, "b", Ty::Int);
    assert!(scopes.callable(0, &needs));
}

#[test]
fn a_read_of_a_bound_outer_name_is_certain_only_once_bound() {
    let mut scopes = module(&["a"]);
    assert!(scopes.certain(0, 0, "a"));
    assert!(!scopes.certain(0, 0, "b"), "never bound");
    scopes.unbind(0, "a");
    assert!(!scopes.certain(0, 0, "a"), "deleted");
}

#[test]
fn a_function_that_deletes_an_outer_name_poisons_it_for_good() {
    let mut scopes = module(&["x"]);
    scopes.push(Kind::Function);
    scopes.stack[1].globals.insert("x".into());
    scopes.unbind(1, "x");
    scopes.pop();
    scopes.bind(0, "x", Ty::Int);
    assert!(
        !scopes.certain(0, 0, "x"),
        "once the function may have run, x is never certain"
    );
    let needs: BTreeSet<_> = [(0, "x".to_string())].into_iter().collect();
    assert!(!scopes.callable(0, &needs));
}

#[test]
fn a_finished_functions_variables_count_as_they_were_at_its_return() {
    let mut scopes = module(&[]);
    scopes.push(Kind::Function);
    let uid = scopes.stack[1].uid;
    scopes.bind(1, "v", Ty::Int);
    scopes.unbind(1, "w");
    scopes.pop();
    let bound: BTreeSet<_> = [(uid, "v".to_string())].into_iter().collect();
    let deleted: BTreeSet<_> = [(uid, "w".to_string())].into_iter().collect();
    assert!(scopes.callable(0, &bound));
    assert!(!scopes.callable(0, &deleted));
}

#[test]
fn a_comprehensions_needs_become_its_functions_needs() {
    let mut scopes = module(&[]);
    scopes.push(Kind::Function);
    scopes.push(Kind::Comprehension);
    scopes.read(2, "a");
    scopes.pop();
    assert!(scopes.stack[1].needs.contains(&(0, "a".to_string())));
}

#[test]
fn a_restored_snapshot_forgets_the_bindings_but_not_the_scope_ids() {
    let mut scopes = module(&[]);
    let saved = scopes.snapshot();
    scopes.bind(0, "x", Ty::Int);
    scopes.push(Kind::Function);
    let given_up = scopes.stack[1].uid;
    scopes.pop();
    scopes.restore(saved);
    assert!(!scopes.stack[0].vars.contains_key("x"));
    scopes.push(Kind::Function);
    assert!(scopes.stack[1].uid > given_up, "ids are never reused");
}

#[test]
fn readable_names_are_those_certain_to_be_bound_with_the_wanted_kind() {
    let mut scopes = module(&["a"]);
    scopes.bind(0, "s", Ty::Str);
    scopes.unbind(0, "b");
    let ints = scopes.readable(0, &["a", "b", "n"], |t| matches!(t, Ty::Int));
    assert_eq!(ints, vec!["a".to_string()]);
    assert_eq!(
        scopes.free_name(0, &["a", "b", "n"], "a"),
        Some("n".to_string()),
        "a and b already have a binding here"
    );
}
