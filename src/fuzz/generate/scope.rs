//! The scope model: what a compiler would see of every scope while the program is
//! built, and when each name is certain to be bound.

use super::ir::{name, Expr};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

impl Kind {
    /// Runs when it is called, not where it is written.
    pub(super) fn deferred(self) -> bool {
        matches!(self, Kind::Function | Kind::Lambda)
    }
}

pub(super) type Need = (usize, String);

#[derive(Debug)]
pub(super) struct FuncInfo {
    pub(super) arity: usize,
    pub(super) needs: BTreeSet<Need>,
    pub(super) returns: Returns,
}

#[derive(Debug)]
pub(super) enum Returns {
    Int,
    /// A factory: calling it gives this function.
    Func(Rc<FuncInfo>),
    /// A generator of ints.
    Ints,
}

#[derive(Debug)]
pub(super) struct ClassInfo {
    pub(super) attrs: Vec<String>,
    pub(super) methods: Vec<(String, Rc<FuncInfo>)>,
}

#[derive(Debug, Clone)]
pub(super) enum Ty {
    Int,
    Str,
    Tuple,
    List,
    Func(Rc<FuncInfo>),
    /// A list of zero-argument closures returning ints.
    Funcs(BTreeSet<Need>),
    Class(Rc<ClassInfo>),
    /// A decorator; what its wrapper reads when the decorated function runs.
    Deco(BTreeSet<Need>),
    /// Never read as a bare value by generated code (`self`, `fn`, methods).
    Opaque,
}

#[derive(Debug, Clone)]
pub(super) struct Var {
    pub(super) ty: Ty,
    pub(super) bound: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Scope {
    pub(super) uid: usize,
    pub(super) kind: Kind,
    pub(super) vars: BTreeMap<String, Var>,
    pub(super) params: BTreeSet<String>,
    pub(super) globals: BTreeSet<String>,
    pub(super) nonlocals: BTreeSet<String>,
    /// Read here from outside: binding it here now would change those reads.
    pub(super) frozen: BTreeSet<String>,
    /// What a deferred scope reads from outside its own timeline.
    pub(super) needs: BTreeSet<Need>,
    /// Not allowed to unbind here (a loop body runs again).
    pub(super) in_loop: bool,
    /// Method of a class with a base that has `val`: may call super().val().
    pub(super) super_val: bool,
}

/// The scopes open where the generator is, and what it remembers of closed ones.
#[derive(Debug, Clone, Default)]
pub(super) struct Scopes {
    pub(super) stack: Vec<Scope>,
    pub(super) next_uid: usize,
    /// Bound or not when a finished function returned.
    pub(super) finals: BTreeMap<Need, bool>,
    /// Unbound by a function when it is called: never certain again.
    pub(super) poisoned: BTreeSet<Need>,
}

/// The scopes at one moment, for `Scopes::restore`.
pub(super) struct Snapshot(Vec<Scope>, BTreeMap<Need, bool>, BTreeSet<Need>);

impl Scopes {
    /// What `restore` brings back: a statement given up half-way leaves no trace.
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot(
            self.stack.clone(),
            self.finals.clone(),
            self.poisoned.clone(),
        )
    }

    /// The scopes as they were at `snapshot` (scope ids are never reused).
    pub(super) fn restore(&mut self, snapshot: Snapshot) {
        let Snapshot(stack, finals, poisoned) = snapshot;
        (self.stack, self.finals, self.poisoned) = (stack, finals, poisoned);
    }

    pub(super) fn push(&mut self, kind: Kind) {
        let in_loop = false;
        self.stack.push(Scope {
            uid: self.next_uid,
            kind,
            vars: BTreeMap::new(),
            params: BTreeSet::new(),
            globals: BTreeSet::new(),
            nonlocals: BTreeSet::new(),
            frozen: BTreeSet::new(),
            needs: BTreeSet::new(),
            in_loop,
            super_val: false,
        });
        self.next_uid += 1;
    }

    /// Pops a scope; a function's variables are remembered as they are at return.
    pub(super) fn pop(&mut self) -> Scope {
        let scope = self.stack.pop().expect("a scope to pop");
        for (var_name, var) in &scope.vars {
            self.finals.insert((scope.uid, var_name.clone()), var.bound);
        }
        // What a comprehension or class body reads outside its parent's timeline
        // is read when the parent runs: the parent's deferred scope needs it.
        if !scope.kind.deferred() && !scope.needs.is_empty() {
            let at = self.timeline(self.stack.len() - 1);
            let needs = scope.needs.clone();
            self.stack[at].needs.extend(needs);
        }
        scope
    }

    pub(super) fn cur(&self) -> usize {
        self.stack.len() - 1
    }

    pub(super) fn depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|s| matches!(s.kind, Kind::Function | Kind::Class))
            .count()
    }

    /// The scope whose run a statement at `at` belongs to: the nearest function or
    /// lambda at or above it, else the module.
    pub(super) fn timeline(&self, at: usize) -> usize {
        (0..=at)
            .rev()
            .find(|&i| self.stack[i].kind.deferred())
            .unwrap_or(0)
    }

    pub(super) fn is_local(&self, at: usize, var_name: &str) -> bool {
        let scope = &self.stack[at];
        scope.vars.contains_key(var_name)
            && !scope.globals.contains(var_name)
            && !scope.nonlocals.contains(var_name)
    }

    /// Where `var_name`, read (or bound) at `at`, lives.
    pub(super) fn resolve(&self, at: usize, var_name: &str) -> usize {
        let scope = &self.stack[at];
        if scope.globals.contains(var_name) {
            return 0;
        }
        if !scope.nonlocals.contains(var_name) && scope.vars.contains_key(var_name) {
            return at;
        }
        if scope.kind == Kind::Module {
            return 0;
        }
        for outer in (1..at).rev() {
            let s = &self.stack[outer];
            if s.kind == Kind::Class {
                continue; // functions, lambdas and comprehensions skip class bodies
            }
            if s.globals.contains(var_name) {
                return 0;
            }
            if self.is_local(outer, var_name) {
                return outer;
            }
        }
        0
    }

    pub(super) fn var(&self, target: usize, var_name: &str) -> Option<&Var> {
        self.stack[target].vars.get(var_name)
    }

    /// Whether a read at `at` of what `target` holds is certain to find it bound,
    /// given when it runs. Registers nothing.
    pub(super) fn certain(&self, at: usize, target: usize, var_name: &str) -> bool {
        let t = target;
        let Some(var) = self.stack[t].vars.get(var_name) else {
            return false;
        };
        if self
            .poisoned
            .contains(&(self.stack[t].uid, var_name.to_string()))
        {
            return false;
        }
        if t >= self.timeline(at) {
            var.bound
        } else {
            true // read when the function runs: checked where it is called
        }
    }

    /// Records a read at `at`: scopes it passes through may not bind the name, and
    /// a read outside the reader's timeline becomes a need of that timeline.
    pub(super) fn note_read(&mut self, at: usize, var_name: &str) {
        let t = self.resolve(at, var_name);
        for between in (t + 1)..=at {
            let passes = self.stack[between].kind != Kind::Class || between == at;
            if passes && !self.is_local(between, var_name) {
                self.stack[between].frozen.insert(var_name.to_string());
            }
        }
        let line = self.timeline(at);
        if t < line {
            let uid = self.stack[t].uid;
            self.stack[line].needs.insert((uid, var_name.to_string()));
        }
    }

    /// Whether calling something that needs `needs` at `at` is certain not to meet
    /// an unbound variable; on success the needs that lie outside this timeline
    /// pass on to it.
    pub(super) fn callable(&mut self, at: usize, needs: &BTreeSet<Need>) -> bool {
        let line = self.timeline(at);
        let mut passed = Vec::new();
        for need in needs {
            if self.poisoned.contains(need) {
                return false;
            }
            match self.stack.iter().position(|s| s.uid == need.0) {
                Some(t) if t >= line => {
                    if !self.stack[t].vars.get(&need.1).is_some_and(|v| v.bound) {
                        return false;
                    }
                }
                Some(_) => passed.push(need.clone()),
                None => {
                    if self.finals.get(need) != Some(&true) {
                        return false;
                    }
                }
            }
        }
        self.stack[line].needs.extend(passed);
        true
    }

    /// Whether `var_name` may be bound at `at` now.
    pub(super) fn can_bind(&self, at: usize, var_name: &str) -> bool {
        let scope = &self.stack[at];
        !scope.frozen.contains(var_name) && scope.kind != Kind::Comprehension
    }

    /// Binds `var_name` at `at` (an assignment, def, import of a loop variable…).
    pub(super) fn bind(&mut self, at: usize, var_name: &str, ty: Ty) {
        let t = self.resolve_binding(at, var_name);
        let now = t >= self.timeline(at);
        let vars = &mut self.stack[t].vars;
        match vars.get_mut(var_name) {
            Some(var) => {
                var.bound |= now;
                var.ty = ty; // same kind; a list of closures gets its new needs
            }
            None => {
                vars.insert(var_name.to_string(), Var { ty, bound: now });
            }
        }
    }

    /// Unbinds (`del`, the end of `except … as`).
    pub(super) fn unbind(&mut self, at: usize, var_name: &str) {
        let t = self.resolve_binding(at, var_name);
        if t < self.timeline(at) {
            let uid = self.stack[t].uid;
            self.poisoned.insert((uid, var_name.to_string()));
        }
        let vars = &mut self.stack[t].vars;
        match vars.get_mut(var_name) {
            Some(var) => var.bound = false,
            None => {
                vars.insert(
                    var_name.to_string(),
                    Var {
                        ty: Ty::Int,
                        bound: false,
                    },
                );
            }
        }
    }

    /// Where a binding at `at` goes: declarations first, else here.
    pub(super) fn resolve_binding(&self, at: usize, var_name: &str) -> usize {
        let scope = &self.stack[at];
        if scope.globals.contains(var_name) || scope.nonlocals.contains(var_name) {
            self.resolve(at, var_name)
        } else {
            at
        }
    }

    /// `preferred` if it may still be bound at `at` for the first time, else
    /// another such name from `pool`.
    pub(super) fn free_name(&self, at: usize, pool: &[&str], preferred: &str) -> Option<String> {
        std::iter::once(preferred)
            .chain(pool.iter().copied())
            .find(|n| self.can_bind(at, n) && !self.stack[at].vars.contains_key(*n))
            .map(str::to_string)
    }

    /// Names of `kind`-typed values readable at `at` with certainty.
    pub(super) fn readable(&self, at: usize, pool: &[&str], want: fn(&Ty) -> bool) -> Vec<String> {
        let mut names: BTreeSet<&str> = pool.iter().copied().collect();
        for scope in &self.stack {
            names.extend(scope.vars.keys().map(String::as_str));
        }
        names
            .into_iter()
            .filter(|n| {
                let target = self.resolve(at, n);
                self.var(target, n).is_some_and(|v| want(&v.ty)) && self.certain(at, target, n)
            })
            .map(str::to_string)
            .collect()
    }

    pub(super) fn read(&mut self, at: usize, var_name: &str) -> Expr {
        self.note_read(at, var_name);
        name(var_name)
    }

    /// Marks a just-bound name as uncertain without poisoning it.
    pub(super) fn unbind_quietly(&mut self, at: usize, var_name: &str) {
        let t = self.resolve_binding(at, var_name);
        if t >= self.timeline(at) {
            if let Some(var) = self.stack[t].vars.get_mut(var_name) {
                var.bound = false;
            }
        }
    }
}
