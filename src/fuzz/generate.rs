//! The generator: a program is a pure function of its seed, its mode and
//! `GENERATOR_VERSION`.
//!
//! Programs are valid by construction. While it builds the tree the generator keeps
//! the scopes a compiler would see: for every name in every scope whether it is
//! local (and bound now or not), declared `global` or `nonlocal`, or read from
//! outside; for every function the outer variables it reads when called. So:
//! - a name is read only where its binding is certain, or inside a `try` that
//!   catches the NameError (a read that is unbound on purpose; CPython's exception
//!   is the oracle);
//! - a name read from an outer scope is never bound later in the reading scope
//!   (that would turn the earlier read into an UnboundLocalError);
//! - `nonlocal` names a variable of an enclosing function, `global` and
//!   `nonlocal` come first in their function, no walrus in a class-body
//!   comprehension or onto an iteration variable;
//! - a function is called unguarded only when every variable it reads from outside
//!   is bound at that moment (checked on the caller's timeline, or passed on to
//!   the caller's own callers when the caller is itself a function);
//! - every name has one kind of value (ints, strings, tuples, lists, functions,
//!   classes), so no operation meets a value it cannot take.
//!
//! Invalid mode then breaks one scope rule on purpose and predicts the SyntaxError
//! (message and line) that CPython 3.11+ reports.

use super::ir::{self, add, call, name, Class, Def, Expr, Param, Pattern, Stmt};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Bumped whenever the same seed could give another program.
pub const GENERATOR_VERSION: u32 = 1;

/// Which programs to make and how they are observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Run the program: the full observation.
    Execute,
    /// Only compile it: scopes.
    Compile,
    /// Break one scope rule: compare SyntaxErrors.
    Invalid,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Execute => "execute",
            Mode::Compile => "compile",
            Mode::Invalid => "invalid",
        }
    }
}

/// What compiling the program must give, as the generator predicts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    Valid,
    SyntaxError { message: String, line: usize },
}

#[derive(Debug, Clone)]
pub struct Program {
    pub seed: u64,
    pub mode: Mode,
    pub body: Vec<Stmt>,
    pub expect: Expectation,
    /// It ends on a read that is unbound on purpose and not caught: its
    /// NameError is the program's expected ending.
    pub ends_unbound: bool,
}

impl Program {
    pub fn source(&self) -> String {
        ir::render(&self.body)
    }

    /// The oldest Python (3, minor) that can compile it: `match` needs 3.10,
    /// the walrus 3.8.
    pub fn requires(&self) -> (u32, u32) {
        requires(&self.body)
    }
}

/// The minimum (3, minor) a program's syntax needs.
pub fn requires(body: &[Stmt]) -> (u32, u32) {
    requires_source(&ir::render(body))
}

/// The minimum (3, minor) a program's source needs.
pub fn requires_source(source: &str) -> (u32, u32) {
    if source.lines().any(|l| l.trim_start().starts_with("match ")) {
        (3, 10)
    } else if source.contains(":=") {
        (3, 8)
    } else {
        (3, 6)
    }
}

/// The program for `seed` in `mode`.
pub fn generate(seed: u64, mode: Mode) -> Program {
    let mut generator = Generator::new(seed);
    let (mut body, ends_unbound) = generator.module();
    let expect = match mode {
        Mode::Invalid => generator.break_a_rule(&mut body),
        _ => Expectation::Valid,
    };
    Program {
        seed,
        mode,
        body,
        expect,
        ends_unbound,
    }
}

/// SplitMix64: small, and fixed forever, so a seed means the same program on every
/// machine and with every version of every dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_c105_u64.wrapping_mul(GENERATOR_VERSION as u64))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// Every name has one kind of value, wherever it is bound.
const INTS: &[&str] = &["a", "b", "n", "x", "y"];
const LOOP_VARS: &[&str] = &["i", "v", "x"];
const FUNCS: &[&str] = &["f", "g", "h"];
const CLASSES: &[&str] = &["C", "D"];
const MAX_DEPTH: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

impl Kind {
    /// Runs when it is called, not where it is written.
    fn deferred(self) -> bool {
        matches!(self, Kind::Function | Kind::Lambda)
    }
}

type Need = (usize, String);

#[derive(Debug)]
struct FuncInfo {
    arity: usize,
    needs: BTreeSet<Need>,
    returns: Returns,
}

#[derive(Debug)]
enum Returns {
    Int,
    /// A factory: calling it gives this function.
    Func(Rc<FuncInfo>),
    /// A generator of ints.
    Ints,
}

#[derive(Debug)]
struct ClassInfo {
    attrs: Vec<String>,
    methods: Vec<(String, Rc<FuncInfo>)>,
}

#[derive(Debug, Clone)]
enum Ty {
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
struct Var {
    ty: Ty,
    bound: bool,
}

#[derive(Debug, Clone)]
struct Scope {
    uid: usize,
    kind: Kind,
    vars: BTreeMap<String, Var>,
    params: BTreeSet<String>,
    globals: BTreeSet<String>,
    nonlocals: BTreeSet<String>,
    /// Read here from outside: binding it here now would change those reads.
    frozen: BTreeSet<String>,
    /// What a deferred scope reads from outside its own timeline.
    needs: BTreeSet<Need>,
    /// Not allowed to unbind here (a loop body runs again).
    in_loop: bool,
    /// Method of a class with a base that has `val`: may call super().val().
    super_val: bool,
}

struct Generator {
    rng: Rng,
    stack: Vec<Scope>,
    next_uid: usize,
    /// Bound or not when a finished function returned.
    finals: BTreeMap<Need, bool>,
    /// Unbound by a function when it is called: never certain again.
    poisoned: BTreeSet<Need>,
    /// Statements left to generate (bounds the program's size).
    budget: usize,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let budget = 14 + rng.below(22);
        Generator {
            rng,
            stack: Vec::new(),
            next_uid: 0,
            finals: BTreeMap::new(),
            poisoned: BTreeSet::new(),
            budget,
        }
    }

    // ----- scopes -----

    fn push(&mut self, kind: Kind) {
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
    fn pop(&mut self) -> Scope {
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

    fn cur(&self) -> usize {
        self.stack.len() - 1
    }

    fn depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|s| matches!(s.kind, Kind::Function | Kind::Class))
            .count()
    }

    /// The scope whose run a statement at `at` belongs to: the nearest function or
    /// lambda at or above it, else the module.
    fn timeline(&self, at: usize) -> usize {
        (0..=at)
            .rev()
            .find(|&i| self.stack[i].kind.deferred())
            .unwrap_or(0)
    }

    fn is_local(&self, at: usize, var_name: &str) -> bool {
        let scope = &self.stack[at];
        scope.vars.contains_key(var_name)
            && !scope.globals.contains(var_name)
            && !scope.nonlocals.contains(var_name)
    }

    /// Where `var_name`, read (or bound) at `at`, lives.
    fn resolve(&self, at: usize, var_name: &str) -> usize {
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

    fn var(&self, target: usize, var_name: &str) -> Option<&Var> {
        self.stack[target].vars.get(var_name)
    }

    /// Whether a read at `at` of what `target` holds is certain to find it bound,
    /// given when it runs. Registers nothing.
    fn certain(&self, at: usize, target: usize, var_name: &str) -> bool {
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
    fn note_read(&mut self, at: usize, var_name: &str) {
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
    fn callable(&mut self, at: usize, needs: &BTreeSet<Need>) -> bool {
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
    fn can_bind(&self, at: usize, var_name: &str) -> bool {
        let scope = &self.stack[at];
        !scope.frozen.contains(var_name) && scope.kind != Kind::Comprehension
    }

    /// Binds `var_name` at `at` (an assignment, def, import of a loop variable…).
    fn bind(&mut self, at: usize, var_name: &str, ty: Ty) {
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
    fn unbind(&mut self, at: usize, var_name: &str) {
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
    fn resolve_binding(&self, at: usize, var_name: &str) -> usize {
        let scope = &self.stack[at];
        if scope.globals.contains(var_name) || scope.nonlocals.contains(var_name) {
            self.resolve(at, var_name)
        } else {
            at
        }
    }

    /// `preferred` if it may still be bound at `at` for the first time, else
    /// another such name from `pool`.
    fn free_name(&self, at: usize, pool: &[&str], preferred: &str) -> Option<String> {
        std::iter::once(preferred)
            .chain(pool.iter().copied())
            .find(|n| self.can_bind(at, n) && !self.stack[at].vars.contains_key(*n))
            .map(str::to_string)
    }

    /// Names of `kind`-typed values readable at `at` with certainty.
    fn readable(&self, at: usize, pool: &[&str], want: fn(&Ty) -> bool) -> Vec<String> {
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

    fn read(&mut self, at: usize, var_name: &str) -> Expr {
        self.note_read(at, var_name);
        name(var_name)
    }

    // ----- expressions -----

    fn int_literal(&mut self) -> Expr {
        Expr::Int(self.rng.below(10) as i64)
    }

    /// An int-valued expression, certain to evaluate without error at `cur`.
    fn int_expr(&mut self, depth: usize) -> Expr {
        let at = self.cur();
        for _ in 0..4 {
            let choice = if depth == 0 { 0 } else { self.rng.below(12) };
            match choice {
                0..=4 => {
                    let names = self.readable(at, INTS, |t| matches!(t, Ty::Int));
                    if !names.is_empty() && self.rng.chance(80) {
                        let chosen = self.rng.pick(&names).clone();
                        return self.read(at, &chosen);
                    }
                    return self.int_literal();
                }
                5 | 6 => {
                    let a = self.int_expr(depth - 1);
                    let b = self.int_expr(depth - 1);
                    return add(a, b);
                }
                7 | 8 => {
                    if let Some(expr) = self.call_int(depth) {
                        return expr;
                    }
                }
                9 => {
                    let names = self.readable(at, &["l"], |t| matches!(t, Ty::List));
                    let names_t = self.readable(at, &["t"], |t| matches!(t, Ty::Tuple));
                    if let Some(l) = names.first() {
                        let l = self.read(at, &l.clone());
                        let f = if self.rng.chance(50) { "len" } else { "sum" };
                        return call(name(f), vec![l]);
                    }
                    if let Some(t) = names_t.first() {
                        let t = self.read(at, &t.clone());
                        return Expr::Index(Box::new(t), self.rng.below(2) as i64);
                    }
                }
                10 => {
                    // sum(elt for v in range(k)): a generator expression, run now.
                    return self.comprehension(depth, true);
                }
                _ => {
                    if let Some(expr) = self.method_int(at) {
                        return expr;
                    }
                }
            }
        }
        self.int_literal()
    }

    /// `sum(…)` of a generator expression, or a list comprehension of ints.
    fn comprehension(&mut self, depth: usize, generator: bool) -> Expr {
        let iter = if self.rng.chance(70) {
            call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)])
        } else {
            Expr::List(vec![self.int_expr(0), self.int_expr(0)])
        };
        let var = self.rng.pick(LOOP_VARS).to_string();
        let parent = self.cur();
        self.push(Kind::Comprehension);
        let at = self.cur();
        self.stack[at].vars.insert(
            var.clone(),
            Var {
                ty: Ty::Int,
                bound: true,
            },
        );
        // A walrus binds in the nearest enclosing function or the module, never in
        // a class body, and never onto an iteration variable.
        let walrus_home = (0..=parent)
            .rev()
            .find(|&i| self.stack[i].kind != Kind::Comprehension)
            .unwrap_or(0);
        let wants_walrus = self.stack[walrus_home].kind != Kind::Class
            && self.stack[..at]
                .iter()
                .all(|s| s.kind != Kind::Comprehension)
            && self.rng.chance(30);
        let target = self.rng.pick(INTS).to_string();
        let mut elt = self.int_expr(depth.saturating_sub(1));
        // Decided after the element: reading the name from outside forbids it.
        let walrus_target = (wants_walrus && target != var && self.can_bind(walrus_home, &target))
            .then_some(target);
        if let Some(target) = &walrus_target {
            elt = Expr::Walrus(target.clone(), Box::new(elt));
        }
        let cond = if self.rng.chance(20) {
            let v = self.read(at, &var);
            Some(Box::new(call(
                Expr::Attr(Box::new(v), "__ne__".into()),
                vec![Expr::Int(1)],
            )))
        } else {
            None
        };
        self.pop();
        if let Some(target) = &walrus_target {
            // Bound after the comprehension only if an element ran (a range of
            // at least 1 runs; a filter may skip them all).
            self.bind(walrus_home, target, Ty::Int);
            if cond.is_some() {
                self.unbind_quietly(walrus_home, target);
            }
        }
        let comp = Expr::Comp {
            generator,
            elt: Box::new(elt),
            var,
            iter: Box::new(iter),
            cond,
        };
        if generator {
            call(name("sum"), vec![comp])
        } else {
            comp
        }
    }

    /// Marks a just-bound name as uncertain without poisoning it.
    fn unbind_quietly(&mut self, at: usize, var_name: &str) {
        let t = self.resolve_binding(at, var_name);
        if t >= self.timeline(at) {
            if let Some(var) = self.stack[t].vars.get_mut(var_name) {
                var.bound = false;
            }
        }
    }

    /// A call of a function value that gives an int, if one is certain to work.
    fn call_int(&mut self, depth: usize) -> Option<Expr> {
        let at = self.cur();
        let names = self.readable(at, FUNCS, |t| matches!(t, Ty::Func(_)));
        if names.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&names).clone();
        let t = self.resolve(at, &chosen);
        let Some(Var {
            ty: Ty::Func(info), ..
        }) = self.stack[t].vars.get(&chosen).cloned()
        else {
            return None;
        };
        if !self.callable(at, &info.needs) {
            return None;
        }
        if let Returns::Func(inner) = &info.returns {
            if inner.arity != 0 || !self.callable(at, &inner.needs) {
                return None;
            }
        }
        let function = self.read(at, &chosen);
        let args: Vec<Expr> = (0..info.arity)
            .map(|_| self.int_expr(depth.saturating_sub(2)))
            .collect();
        match &info.returns {
            Returns::Int => Some(call(function, args)),
            Returns::Func(_) => Some(call(call(function, args), vec![])),
            Returns::Ints => Some(call(name("sum"), vec![call(function, args)])),
        }
    }

    /// `C().m()` / `self.m()` / `self.attr` / `super().val()`, inside or outside classes.
    fn method_int(&mut self, at: usize) -> Option<Expr> {
        if self.stack[at].params.contains("self") && self.rng.chance(50) {
            if self.stack[at].super_val && self.rng.chance(60) {
                let method = Expr::Attr(Box::new(Expr::Super), "val".into());
                return Some(call(method, vec![]));
            }
            // The class body (the scope below this method) is finished when the
            // method runs: any attribute bound there so far is there.
            let class = &self.stack[at - 1];
            let attrs: Vec<String> = class
                .vars
                .iter()
                .filter(|(_, v)| matches!(v.ty, Ty::Int) && v.bound)
                .map(|(k, _)| k.clone())
                .collect();
            if !attrs.is_empty() {
                let attr = self.rng.pick(&attrs).clone();
                self.note_read(at, "self");
                return Some(Expr::Attr(Box::new(name("self")), attr));
            }
        }
        let classes = self.readable(at, CLASSES, |t| matches!(t, Ty::Class(_)));
        if classes.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&classes).clone();
        let t = self.resolve(at, &chosen);
        let Some(Var {
            ty: Ty::Class(info),
            ..
        }) = self.stack[t].vars.get(&chosen).cloned()
        else {
            return None;
        };
        let instance = call(self.read(at, &chosen), vec![]);
        if !info.methods.is_empty() && self.rng.chance(70) {
            let (method, finfo) = &info.methods[self.rng.below(info.methods.len())];
            if self.callable(at, &finfo.needs) {
                return Some(call(Expr::Attr(Box::new(instance), method.clone()), vec![]));
            }
        }
        if !info.attrs.is_empty() {
            let attr = self.rng.pick(&info.attrs).clone();
            return Some(Expr::Attr(Box::new(instance), attr));
        }
        None
    }

    /// A value of a new or existing non-function variable, and its name.
    fn value_assignment(&mut self) -> Option<Stmt> {
        let at = self.cur();
        let roll = self.rng.below(10);
        let (target, value, ty) = match roll {
            0 => (
                "s",
                Expr::Str(self.rng.pick(&["p", "q", "ab"]).to_string()),
                Ty::Str,
            ),
            1 => {
                let items = vec![self.int_expr(1), self.int_expr(1)];
                ("t", Expr::Tuple(items), Ty::Tuple)
            }
            2 => {
                let items = (0..1 + self.rng.below(3))
                    .map(|_| self.int_expr(1))
                    .collect();
                ("l", Expr::List(items), Ty::List)
            }
            _ => {
                let target = *self.rng.pick(INTS);
                (target, self.int_expr(2), Ty::Int)
            }
        };
        if !self.can_bind(at, target) {
            return None;
        }
        if let Some(existing) = self.var(self.resolve_binding(at, target), target) {
            if std::mem::discriminant(&existing.ty) != std::mem::discriminant(&ty) {
                return None;
            }
        }
        self.bind(at, target, ty);
        Some(Stmt::Assign(target.to_string(), value))
    }

    // ----- statements -----

    fn module(&mut self) -> (Vec<Stmt>, bool) {
        self.push(Kind::Module);
        let mut body = Vec::new();
        while self.budget > 0 {
            let before = body.len();
            self.statement(&mut body);
            if body.len() == before {
                self.budget = self.budget.saturating_sub(1);
            }
        }
        // Now and then the program ends on an unbound read that nobody catches:
        // the exception section (type and message) is the oracle.
        let mut ends_unbound = false;
        if self.rng.chance(15) {
            // `z` is bound nowhere: certain to be unbound, whatever ran.
            let read = self.read(0, "z");
            body.push(Stmt::Print(vec![read]));
            ends_unbound = true;
        }
        (body, ends_unbound)
    }

    /// Appends one statement (or a few that belong together) to `body`. A
    /// statement given up half-way leaves the scopes as they were: what its
    /// expressions bound (a walrus) is not in the program.
    fn statement(&mut self, body: &mut Vec<Stmt>) {
        let saved = (
            self.stack.clone(),
            self.finals.clone(),
            self.poisoned.clone(),
        );
        let before = body.len();
        self.one_statement(body);
        if body.len() == before {
            (self.stack, self.finals, self.poisoned) = saved;
        }
    }

    fn one_statement(&mut self, body: &mut Vec<Stmt>) {
        self.budget = self.budget.saturating_sub(1);
        let at = self.cur();
        let kind = self.stack[at].kind;
        let deep = self.depth() >= MAX_DEPTH;
        match self.rng.below(20) {
            0..=3 => {
                if let Some(stmt) = self.value_assignment() {
                    body.push(stmt);
                }
            }
            4 | 5 => {
                let value = self.printable();
                body.push(Stmt::Print(vec![
                    Expr::Str(format!("{}", body.len())),
                    value,
                ]));
            }
            6..=8 if !deep => self.function(body),
            9 if !deep && self.depth() < 3 => self.class(body),
            10 => self.closures_in_loop(body),
            11 => self.closures_in_comprehension(body),
            12 => {
                if let Some(read) = self.unbound_read() {
                    body.push(read);
                }
            }
            13 if !self.stack[at].in_loop => self.del_captured(body),
            14 if !self.stack[at].in_loop => self.except_as(body),
            15 => self.match_capture(body),
            16 if kind != Kind::Class => {
                let list = self.comprehension(2, false);
                body.push(Stmt::Print(vec![list]));
            }
            17 => {
                // x += …: an int variable certain to be bound, here or declared.
                // (Bound where it is read and bound: local here, or declared.)
                let names: Vec<String> = self
                    .readable(at, INTS, |t| matches!(t, Ty::Int))
                    .into_iter()
                    .filter(|n| self.resolve_binding(at, n) == self.resolve(at, n))
                    .filter(|n| self.can_bind(at, n))
                    .collect();
                if let Some(target) = names.first().cloned() {
                    let value = self.int_expr(1);
                    self.note_read(at, &target);
                    body.push(Stmt::AugAdd(target, value));
                }
            }
            _ => {
                let value = self.int_expr(3);
                body.push(Stmt::Print(vec![value]));
            }
        }
    }

    fn printable(&mut self) -> Expr {
        let at = self.cur();
        let others = self.readable(at, &["s", "t", "l"], |t| {
            matches!(t, Ty::Str | Ty::Tuple | Ty::List)
        });
        if !others.is_empty() && self.rng.chance(40) {
            let chosen = self.rng.pick(&others).clone();
            return self.read(at, &chosen);
        }
        let funcs = self.readable(at, &["fs"], |t| matches!(t, Ty::Funcs(_)));
        if let Some(fs) = funcs.first().cloned() {
            if self.rng.chance(50) {
                if let Some(expr) = self.call_each(&fs) {
                    return expr;
                }
            }
        }
        self.int_expr(3)
    }

    /// `[k() for k in fs]`, if every closure in `fs` is certain to run.
    fn call_each(&mut self, fs: &str) -> Option<Expr> {
        let at = self.cur();
        let t = self.resolve(at, fs);
        // Only where the list is this run's own: a function that reads a list of
        // closures from outside could meet one that calls it back.
        if t < self.timeline(at) {
            return None;
        }
        let Some(Var {
            ty: Ty::Funcs(needs),
            ..
        }) = self.stack[t].vars.get(fs).cloned()
        else {
            return None;
        };
        if !self.callable(at, &needs) {
            return None;
        }
        let list = self.read(at, fs);
        Some(Expr::Comp {
            generator: false,
            elt: Box::new(call(name("k"), vec![])),
            var: "k".into(),
            iter: Box::new(list),
            cond: None,
        })
    }

    /// A body of statements in the current scope.
    fn block(&mut self, body: &mut Vec<Stmt>, count: usize) {
        for _ in 0..count {
            if self.budget == 0 {
                break;
            }
            self.statement(body);
        }
    }

    /// A function: plain, a factory of a closure, a generator, maybe decorated.
    fn function(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        let fname = self.rng.pick(FUNCS).to_string();
        if !self.can_bind(at, &fname) || self.stack[at].vars.contains_key(&fname) {
            return;
        }
        let shape = self.rng.below(10);
        // A decorator's wrapper adds to what the function returns: only an int.
        let decorator = self
            .readable(at, &["deco"], |t| matches!(t, Ty::Deco(_)))
            .first()
            .cloned()
            .filter(|_| shape > 3 && self.rng.chance(50));
        if decorator.is_none()
            && self.rng.chance(12)
            && self.can_bind(at, "deco")
            && !self.stack[at].vars.contains_key("deco")
        {
            self.decorator(body);
            return;
        }
        let arity = self.rng.below(3);
        let mut params = Vec::new();
        let mut names: Vec<&str> = INTS.to_vec();
        for _ in 0..arity {
            let p = names.remove(self.rng.below(names.len()));
            // A default is evaluated here, now: default-argument capture.
            let default = if self.rng.chance(30) {
                Some(self.int_expr(1))
            } else {
                None
            };
            params.push(Param {
                name: p.to_string(),
                default,
            });
        }
        // Defaults must not be followed by parameters without one.
        let mut seen_default = false;
        for param in params.iter_mut() {
            if param.default.is_some() {
                seen_default = true;
            } else if seen_default {
                param.default = Some(Expr::Int(0));
            }
        }
        let mut deco_needs = BTreeSet::new();
        let decorators = match &decorator {
            Some(deco) => {
                if let Some(Var {
                    ty: Ty::Deco(needs),
                    ..
                }) = self.var(self.resolve(at, deco), deco)
                {
                    deco_needs = needs.clone();
                }
                vec![self.read(at, deco)]
            }
            None => Vec::new(),
        };
        self.push(Kind::Function);
        let inner = self.cur();
        for param in &params {
            self.stack[inner].params.insert(param.name.clone());
            self.stack[inner].vars.insert(
                param.name.clone(),
                Var {
                    ty: Ty::Int,
                    bound: true,
                },
            );
        }
        let mut fbody = self.declarations();
        let count = 1 + self.rng.below(4);
        self.block(&mut fbody, count);
        let returns = if shape < 3 && self.depth() < MAX_DEPTH {
            // A factory: def inner closure, return it.
            let before = fbody.len();
            self.function(&mut fbody);
            let made = fbody[before..].iter().rev().find_map(|s| match s {
                Stmt::Def(def) => Some(def.name.clone()),
                _ => None,
            });
            match made.and_then(|m| match self.stack[inner].vars.get(&m) {
                Some(Var {
                    ty: Ty::Func(info), ..
                }) if info.arity == 0 && matches!(info.returns, Returns::Int) => {
                    Some((m, info.clone()))
                }
                _ => None,
            }) {
                Some((m, info)) => {
                    let closure = self.read(inner, &m);
                    fbody.push(Stmt::Return(closure));
                    Returns::Func(info)
                }
                None => {
                    let value = self.int_expr(2);
                    fbody.push(Stmt::Return(value));
                    Returns::Int
                }
            }
        } else if shape == 3 {
            // A generator: yields from a loop, closing over the loop's state.
            let var = self.rng.pick(LOOP_VARS).to_string();
            if self.can_bind(inner, &var) && !self.stack[inner].params.contains(&var) {
                self.bind(inner, &var, Ty::Int);
                self.stack[inner].in_loop = true;
                let value = self.int_expr(2);
                self.stack[inner].in_loop = false;
                fbody.push(Stmt::For {
                    var,
                    iter: call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)]),
                    body: vec![Stmt::Yield(value)],
                });
                Returns::Ints
            } else {
                let value = self.int_expr(2);
                fbody.push(Stmt::Return(value));
                Returns::Int
            }
        } else {
            let value = self.int_expr(3);
            fbody.push(Stmt::Return(value));
            Returns::Int
        };
        let mut scope = self.pop();
        scope.needs.extend(deco_needs);
        // The body or a default may have read an outer `fname`: then it may not be
        // bound here any more; another free name will do.
        let Some(fname) = self.free_name(at, FUNCS, &fname) else {
            return;
        };
        let info = Rc::new(FuncInfo {
            arity: params.iter().filter(|p| p.default.is_none()).count(),
            needs: scope.needs,
            returns,
        });
        self.bind(at, &fname, Ty::Func(info));
        body.push(Stmt::Def(Def {
            name: fname,
            params,
            star: None,
            decorators,
            body: fbody,
        }));
    }

    /// `global` / `nonlocal` at the top of a function, obeying the rules.
    fn declarations(&mut self) -> Vec<Stmt> {
        let at = self.cur();
        let mut out = Vec::new();
        if self.rng.chance(30) {
            // nonlocal: a variable of an enclosing function (classes are skipped).
            let candidates: Vec<String> = INTS
                .iter()
                .filter(|n| !self.stack[at].params.contains(**n))
                .filter(|n| {
                    let t = self.resolve(at, n);
                    t > 0 && self.stack[t].kind == Kind::Function && self.is_local(t, n)
                })
                .map(|n| n.to_string())
                .collect();
            if !candidates.is_empty() {
                let chosen = self.rng.pick(&candidates).clone();
                let t = self.resolve(at, &chosen);
                for between in (t + 1)..at {
                    if !self.is_local(between, &chosen) && self.stack[between].kind != Kind::Class {
                        self.stack[between].frozen.insert(chosen.clone());
                    }
                }
                self.stack[at].nonlocals.insert(chosen.clone());
                let ty = self.stack[t].vars[&chosen].ty.clone();
                self.stack[at]
                    .vars
                    .insert(chosen.clone(), Var { ty, bound: false });
                out.push(Stmt::Nonlocal(vec![chosen]));
            }
        }
        if self.rng.chance(25) {
            let chosen = self.rng.pick(INTS).to_string();
            if !self.stack[at].params.contains(&chosen)
                && !self.stack[at].nonlocals.contains(&chosen)
                && self.stack[0]
                    .vars
                    .get(&chosen)
                    .is_none_or(|v| matches!(v.ty, Ty::Int))
            {
                self.stack[at].globals.insert(chosen.clone());
                self.stack[at].vars.insert(
                    chosen.clone(),
                    Var {
                        ty: Ty::Int,
                        bound: false,
                    },
                );
                out.push(Stmt::Global(vec![chosen]));
            }
        }
        out
    }

    /// `def deco(fn): def wrapper(*args): return fn(*args) + …; return wrapper`.
    fn decorator(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        self.push(Kind::Function);
        let d = self.cur();
        self.stack[d].params.insert("fn".into());
        self.stack[d].vars.insert(
            "fn".into(),
            Var {
                ty: Ty::Opaque,
                bound: true,
            },
        );
        self.push(Kind::Function);
        let w = self.cur();
        self.stack[w].params.insert("args".into());
        self.stack[w].vars.insert(
            "args".into(),
            Var {
                ty: Ty::Opaque,
                bound: true,
            },
        );
        self.note_read(w, "fn");
        let extra = self.int_expr(1);
        let wrapper_body = vec![Stmt::Return(add(
            Expr::CallStar(Box::new(name("fn")), "args".into()),
            extra,
        ))];
        let wrapper = self.pop();
        self.bind(d, "wrapper", Ty::Opaque);
        self.pop();
        // A decorated function needs what the wrapper reads, besides its own needs.
        self.bind(at, "deco", Ty::Deco(wrapper.needs));
        body.push(Stmt::Def(Def {
            name: "deco".into(),
            params: vec![Param {
                name: "fn".into(),
                default: None,
            }],
            star: None,
            decorators: Vec::new(),
            body: vec![
                Stmt::Def(Def {
                    name: "wrapper".into(),
                    params: Vec::new(),
                    star: Some("args".into()),
                    decorators: Vec::new(),
                    body: wrapper_body,
                }),
                Stmt::Return(name("wrapper")),
            ],
        }));
    }

    /// A class: int attributes, methods reading outer variables (classes are
    /// skipped), `__class__`, and `super()` when it has a base with `val`.
    fn class(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        let cname = self.rng.pick(CLASSES).to_string();
        if !self.can_bind(at, &cname) || self.stack[at].vars.contains_key(&cname) {
            return;
        }
        let bases: Vec<String> = self
            .readable(
                at,
                CLASSES,
                |t| matches!(t, Ty::Class(info) if info.methods.iter().any(|(m, _)| m == "val")),
            )
            .into_iter()
            .filter(|b| *b != cname)
            .collect();
        let base = bases.first().cloned().filter(|_| self.rng.chance(70));
        let base_expr = base.as_ref().map(|b| self.read(at, b));
        // super().val() runs the base's val: its needs are the method's too.
        let mut base_val_needs = BTreeSet::new();
        if let Some(base) = &base {
            if let Some(Var {
                ty: Ty::Class(info),
                ..
            }) = self.var(self.resolve(at, base), base)
            {
                if let Some((_, val)) = info.methods.iter().find(|(m, _)| m == "val") {
                    base_val_needs = val.needs.clone();
                }
            }
        }
        self.push(Kind::Class);
        let c = self.cur();
        let mut cbody = Vec::new();
        let mut methods = Vec::new();
        for _ in 0..1 + self.rng.below(3) {
            match self.rng.below(4) {
                0 | 1 => {
                    let attr = self.rng.pick(INTS).to_string();
                    let value = self.int_expr(2);
                    if self.can_bind(c, &attr) {
                        self.bind(c, &attr, Ty::Int);
                        cbody.push(Stmt::Assign(attr, value));
                    }
                }
                _ => {
                    // One method of each name: a second `def m` would replace the first.
                    let Some(mname) = ["val", "m"]
                        .into_iter()
                        .find(|m| !methods.iter().any(|(n, _): &(String, _)| n == m))
                        .map(str::to_string)
                    else {
                        continue;
                    };
                    if !self.can_bind(c, &mname) {
                        continue;
                    }
                    self.push(Kind::Function);
                    let m = self.cur();
                    self.stack[m].params.insert("self".into());
                    self.stack[m].vars.insert(
                        "self".into(),
                        Var {
                            ty: Ty::Opaque,
                            bound: true,
                        },
                    );
                    self.stack[m].super_val = base.is_some() && mname == "val";
                    let mut mbody = Vec::new();
                    if self.rng.chance(30) {
                        mbody.push(Stmt::Print(vec![Expr::Attr(
                            Box::new(name("__class__")),
                            "__name__".into(),
                        )]));
                    }
                    let count = self.rng.below(2);
                    self.block(&mut mbody, count);
                    let value = self.int_expr(3);
                    mbody.push(Stmt::Return(value));
                    let mut scope = self.pop();
                    if self.stack[c].kind == Kind::Class && mname == "val" {
                        scope.needs.extend(base_val_needs.iter().cloned());
                    }
                    let info = Rc::new(FuncInfo {
                        arity: 0,
                        needs: scope.needs,
                        returns: Returns::Int,
                    });
                    // Called as C().m(), never as a bare name.
                    self.bind(c, &mname, Ty::Opaque);
                    methods.push((mname.clone(), info));
                    cbody.push(Stmt::Def(Def {
                        name: mname,
                        params: vec![Param {
                            name: "self".into(),
                            default: None,
                        }],
                        star: None,
                        decorators: Vec::new(),
                        body: mbody,
                    }));
                }
            }
        }
        if self.rng.chance(30) {
            self.block(&mut cbody, 1);
        }
        let scope = self.pop();
        let attrs = scope
            .vars
            .iter()
            .filter(|(_, v)| matches!(v.ty, Ty::Int) && v.bound)
            .map(|(k, _)| k.clone())
            .collect();
        // A subclass without its own `val` inherits the base's.
        if let Some(base) = &base {
            if !methods.iter().any(|(m, _)| m == "val") {
                let t = self.resolve(at, base);
                if let Some(Var {
                    ty: Ty::Class(info),
                    ..
                }) = self.stack[t].vars.get(base)
                {
                    if let Some(val) = info.methods.iter().find(|(m, _)| m == "val") {
                        methods.push(val.clone());
                    }
                }
            }
        }
        let info = Rc::new(ClassInfo { attrs, methods });
        let Some(cname) = self.free_name(at, CLASSES, &cname) else {
            return;
        };
        self.bind(at, &cname, Ty::Class(info));
        body.push(Stmt::Class(Class {
            name: cname,
            bases: base_expr.into_iter().collect(),
            body: cbody,
        }));
    }

    /// `fs = []`, then `for i in range(k): fs.append(lambda [i=i]: …)`: late
    /// binding, or capture by default argument.
    fn closures_in_loop(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        let var = self.rng.pick(LOOP_VARS).to_string();
        if !self.can_bind(at, "fs") || !self.can_bind(at, &var) {
            return;
        }
        if self.stack[at].params.contains(&var) {
            return;
        }
        let fresh = !matches!(
            self.var(self.resolve_binding(at, "fs"), "fs"),
            Some(Var { bound: true, .. })
        );
        if !fresh && self.rng.chance(50) {
            return;
        }
        self.bind(at, "fs", Ty::Funcs(BTreeSet::new()));
        self.bind(at, &var, Ty::Int);
        let (lambda, needs) = self.lambda(&var);
        let t = self.resolve_binding(at, "fs");
        if let Some(Var {
            ty: Ty::Funcs(all), ..
        }) = self.stack[t].vars.get_mut("fs")
        {
            all.extend(needs);
        }
        let append = Expr::Attr(Box::new(name("fs")), "append".into());
        body.push(Stmt::Assign("fs".into(), Expr::List(Vec::new())));
        body.push(Stmt::For {
            var,
            iter: call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)]),
            body: vec![Stmt::Expr(call(append, vec![lambda]))],
        });
        if let Some(each) = self.call_each("fs") {
            body.push(Stmt::Print(vec![each]));
        }
    }

    /// A zero-argument lambda over `var` (late bound, or captured by a default).
    fn lambda(&mut self, var: &str) -> (Expr, BTreeSet<Need>) {
        let by_default = self.rng.chance(35);
        let at = self.cur();
        let params = if by_default {
            vec![Param {
                name: var.to_string(),
                default: Some(self.read(at, var)),
            }]
        } else {
            Vec::new()
        };
        self.push(Kind::Lambda);
        let l = self.cur();
        if by_default {
            self.stack[l].vars.insert(
                var.to_string(),
                Var {
                    ty: Ty::Int,
                    bound: true,
                },
            );
        }
        let v = self.read(l, var);
        let value = if self.rng.chance(50) {
            add(v, self.int_expr(1))
        } else {
            v
        };
        let scope = self.pop();
        (Expr::Lambda(params, Box::new(value)), scope.needs)
    }

    /// `fs = [lambda: v for v in range(k)]` and calling each.
    fn closures_in_comprehension(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        if !self.can_bind(at, "fs") {
            return;
        }
        let var = self.rng.pick(LOOP_VARS).to_string();
        self.push(Kind::Comprehension);
        let c = self.cur();
        self.stack[c].vars.insert(
            var.clone(),
            Var {
                ty: Ty::Int,
                bound: true,
            },
        );
        let (lambda, needs) = self.lambda(&var);
        self.pop();
        // The lambdas read the comprehension's variable, whose cell outlives it
        // bound (its final state): `callable` checks it like any other need.
        self.bind(at, "fs", Ty::Funcs(needs));
        body.push(Stmt::Assign(
            "fs".into(),
            Expr::Comp {
                generator: false,
                elt: Box::new(lambda),
                var,
                iter: Box::new(call(
                    name("range"),
                    vec![Expr::Int(1 + self.rng.below(3) as i64)],
                )),
                cond: None,
            },
        ));
        if let Some(each) = self.call_each("fs") {
            body.push(Stmt::Print(vec![each]));
        }
    }

    /// A read that is unbound on purpose, inside a guard that prints its exception.
    fn unbound_read(&mut self) -> Option<Stmt> {
        let at = self.cur();
        let mut names: BTreeSet<&str> = INTS.iter().copied().collect();
        names.insert("z");
        let unbound: Vec<&str> = names
            .into_iter()
            .filter(|n| {
                let target = self.resolve(at, n);
                !self.certain(at, target, n)
            })
            .collect();
        if unbound.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&unbound).to_string();
        let read = self.read(at, &chosen);
        Some(Stmt::Guard(vec![Stmt::Print(vec![read])]))
    }

    /// `del` of a variable a closure here has captured, then the closure, guarded.
    fn del_captured(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        if self.stack[at].kind != Kind::Function && self.stack[at].kind != Kind::Module {
            return;
        }
        let bound: Vec<String> = self.stack[at]
            .vars
            .iter()
            .filter(|(n, v)| matches!(v.ty, Ty::Int) && v.bound && INTS.contains(&n.as_str()))
            .map(|(n, _)| n.clone())
            .filter(|n| self.can_bind(at, n) && self.certain(at, at, n))
            .collect();
        if bound.is_empty() {
            return;
        }
        let chosen = self.rng.pick(&bound).clone();
        // A closure over it first, when there is room.
        let fname = self.rng.pick(FUNCS).to_string();
        let make = self.can_bind(at, &fname) && !self.stack[at].vars.contains_key(&fname);
        if make {
            self.push(Kind::Function);
            let f = self.cur();
            let read = self.read(f, &chosen);
            let scope = self.pop();
            let info = Rc::new(FuncInfo {
                arity: 0,
                needs: scope.needs,
                returns: Returns::Int,
            });
            self.bind(at, &fname, Ty::Func(info));
            body.push(Stmt::Def(Def {
                name: fname.clone(),
                params: Vec::new(),
                star: None,
                decorators: Vec::new(),
                body: vec![Stmt::Return(read)],
            }));
        }
        self.note_read(at, &chosen);
        self.unbind(at, &chosen);
        body.push(Stmt::Del(chosen));
        if make {
            let f = self.read(at, &fname);
            body.push(Stmt::Guard(vec![Stmt::Print(vec![call(f, vec![])])]));
        }
    }

    /// `try: raise ValueError(k)` / `except ValueError as n:` — `n` is unbound after.
    fn except_as(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        if self.stack[at].kind == Kind::Class {
            return;
        }
        let chosen = self.rng.pick(INTS).to_string();
        if !self.can_bind(at, &chosen) || self.stack[at].params.contains(&chosen) {
            return;
        }
        if self
            .var(self.resolve_binding(at, &chosen), &chosen)
            .is_some_and(|v| !matches!(v.ty, Ty::Int))
        {
            return;
        }
        let value = self.rng.below(10) as i64;
        self.bind(at, &chosen, Ty::Int);
        let args = Expr::Attr(Box::new(name(&chosen)), "args".into());
        let handler = vec![Stmt::Print(vec![
            call(name("type"), vec![name(&chosen)]),
            Expr::Index(Box::new(args), 0),
        ])];
        self.unbind(at, &chosen);
        body.push(Stmt::Raise {
            name: chosen,
            value,
            handler,
        });
    }

    /// `match (…): case [a, b]: …` — captures bind in the current scope.
    fn match_capture(&mut self, body: &mut Vec<Stmt>) {
        let at = self.cur();
        if self.stack[at].kind == Kind::Class || self.stack[at].in_loop {
            return;
        }
        let subject = Expr::List(vec![self.int_expr(1), self.int_expr(1)]);
        let mut free: Vec<&str> = INTS
            .iter()
            .copied()
            .filter(|n| self.can_bind(at, n) && !self.stack[at].params.contains(*n))
            .filter(|n| {
                self.var(self.resolve_binding(at, n), n)
                    .is_none_or(|v| matches!(v.ty, Ty::Int))
            })
            .collect();
        if free.len() < 2 {
            return;
        }
        let first = free.remove(self.rng.below(free.len())).to_string();
        let second = free.remove(self.rng.below(free.len())).to_string();
        let miss = (
            Pattern::Sequence(vec![
                Pattern::Literal(0),
                Pattern::Wildcard,
                Pattern::Wildcard,
            ]),
            vec![Stmt::Pass],
        );
        let hit = Pattern::Sequence(vec![
            Pattern::Capture(first.clone()),
            Pattern::Capture(second.clone()),
        ]);
        self.bind(at, &first, Ty::Int);
        self.bind(at, &second, Ty::Int);
        let a = self.read(at, &first);
        let b = self.read(at, &second);
        body.push(Stmt::Match {
            subject,
            arms: vec![miss, (hit, vec![Stmt::Print(vec![a, b])])],
        });
    }

    // ----- invalid programs -----

    /// Breaks one scope rule in a valid program and says what CPython reports.
    fn break_a_rule(&mut self, body: &mut Vec<Stmt>) -> Expectation {
        let defs = count_defs(body);
        let choice = self.rng.below(8);
        let (stmts, message): (Vec<Stmt>, String) = match choice {
            0 => (
                vec![Stmt::Nonlocal(vec!["zz".into()])],
                "nonlocal declaration not allowed at module level".into(),
            ),
            1 => (
                vec![Stmt::Print(vec![Expr::Comp {
                    generator: false,
                    elt: Box::new(Expr::Walrus("v".into(), Box::new(Expr::Int(1)))),
                    var: "v".into(),
                    iter: Box::new(call(name("range"), vec![Expr::Int(2)])),
                    cond: None,
                }])],
                "assignment expression cannot rebind comprehension iteration variable 'v'".into(),
            ),
            2 => (
                vec![Stmt::Class(Class {
                    name: "Q".into(),
                    bases: Vec::new(),
                    body: vec![Stmt::Assign(
                        "w".into(),
                        Expr::Comp {
                            generator: false,
                            elt: Box::new(Expr::Walrus("zz".into(), Box::new(name("v")))),
                            var: "v".into(),
                            iter: Box::new(call(name("range"), vec![Expr::Int(2)])),
                            cond: None,
                        },
                    )],
                })],
                "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
            ),
            _ if defs == 0 => (
                vec![Stmt::Nonlocal(vec!["zz".into()])],
                "nonlocal declaration not allowed at module level".into(),
            ),
            _ => return self.break_in_function(body, defs, choice),
        };
        // At module level, after a random statement.
        let position = self.rng.below(body.len() + 1);
        let marked = stmts.len() - 1;
        let mut with_marker = body.clone();
        for (i, stmt) in stmts.iter().enumerate() {
            let stmt = if i == marked { marker() } else { stmt.clone() };
            with_marker.insert(position + i, stmt);
        }
        // The class's error is on its body's line, below `class Q:`.
        let line = marker_line(&with_marker) + usize::from(choice == 2);
        for (i, stmt) in stmts.into_iter().enumerate() {
            body.insert(position + i, stmt);
        }
        Expectation::SyntaxError { message, line }
    }

    /// Rules broken at the top of a function's body.
    fn break_in_function(&mut self, body: &mut [Stmt], defs: usize, choice: usize) -> Expectation {
        let which = self.rng.below(defs);
        let mut target = None;
        find_def(body, which, &mut 0, &mut |def: &mut Def| {
            target = Some((
                def.params
                    .iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>(),
                declared(def),
            ));
        });
        let (params, declared) = target.expect("the def exists");
        let free: Vec<&str> = ["a", "b", "n", "x", "y", "q"]
            .into_iter()
            .filter(|n| !params.iter().any(|p| p == n) && !declared.contains(&n.to_string()))
            .collect();
        let other = free.first().copied().unwrap_or("q");
        let (stmts, message): (Vec<Stmt>, String) = match choice {
            3 if !params.is_empty() => (
                vec![Stmt::Global(vec![params[0].clone()])],
                format!("name '{}' is parameter and global", params[0]),
            ),
            4 if !params.is_empty() => (
                vec![Stmt::Nonlocal(vec![params[0].clone()])],
                format!("name '{}' is parameter and nonlocal", params[0]),
            ),
            5 => (
                vec![
                    Stmt::Print(vec![name(other)]),
                    Stmt::Global(vec![other.into()]),
                ],
                format!("name '{other}' is used prior to global declaration"),
            ),
            6 => (
                vec![
                    Stmt::Assign(other.into(), Expr::Int(1)),
                    Stmt::Nonlocal(vec![other.into()]),
                ],
                format!("name '{other}' is assigned to before nonlocal declaration"),
            ),
            _ => (
                vec![Stmt::Nonlocal(vec!["zz".into()])],
                "no binding for nonlocal 'zz' found".into(),
            ),
        };
        let marked = stmts.len() - 1;
        let mut with_marker = body.to_vec();
        find_def(&mut with_marker, which, &mut 0, &mut |def: &mut Def| {
            for (i, stmt) in stmts.iter().enumerate() {
                def.body
                    .insert(i, if i == marked { marker() } else { stmt.clone() });
            }
        });
        let line = marker_line(&with_marker);
        find_def(body, which, &mut 0, &mut |def: &mut Def| {
            for (i, stmt) in stmts.iter().enumerate() {
                def.body.insert(i, stmt.clone());
            }
        });
        Expectation::SyntaxError { message, line }
    }
}

const MARKER: &str = "__closure_conformance_marker__";

fn marker() -> Stmt {
    Stmt::Expr(name(MARKER))
}

fn marker_line(body: &[Stmt]) -> usize {
    ir::render(body)
        .lines()
        .position(|l| l.contains(MARKER))
        .map(|i| i + 1)
        .expect("the marker is rendered")
}

fn count_defs(body: &[Stmt]) -> usize {
    body.iter()
        .map(|stmt| {
            let own = usize::from(matches!(stmt, Stmt::Def(_)));
            own + ir::children(stmt)
                .iter()
                .map(|b| count_defs(b))
                .sum::<usize>()
        })
        .sum()
}

/// Calls `apply` on the `which`th def in pre-order.
fn find_def(
    body: &mut [Stmt],
    which: usize,
    seen: &mut usize,
    apply: &mut dyn FnMut(&mut Def),
) -> bool {
    for stmt in body.iter_mut() {
        if let Stmt::Def(def) = stmt {
            if *seen == which {
                apply(def);
                return true;
            }
            *seen += 1;
        }
        for child in ir::children_mut(stmt) {
            if find_def(child, which, seen, apply) {
                return true;
            }
        }
    }
    false
}

/// Names a def's body declares global or nonlocal.
fn declared(def: &Def) -> Vec<String> {
    def.body
        .iter()
        .flat_map(|s| match s {
            Stmt::Global(names) | Stmt::Nonlocal(names) => names.clone(),
            _ => Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_a_pure_function_of_its_seed_and_mode() {
        for seed in 0..200 {
            for mode in [Mode::Execute, Mode::Invalid] {
                let one = generate(seed, mode);
                let two = generate(seed, mode);
                assert_eq!(one.source(), two.source(), "seed {seed}");
                assert_eq!(one.expect, two.expect);
            }
        }
        assert_ne!(
            generate(1, Mode::Execute).source(),
            generate(2, Mode::Execute).source()
        );
    }

    #[test]
    fn the_rng_is_fixed() {
        // The same seed must mean the same program on every machine, forever (for
        // this GENERATOR_VERSION): these values are pinned.
        let mut rng = Rng::new(0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64() % 1000).collect();
        let mut again = Rng::new(0);
        assert_eq!(
            first,
            (0..3).map(|_| again.next_u64() % 1000).collect::<Vec<_>>()
        );
    }

    #[test]
    fn invalid_programs_predict_a_line_inside_the_program() {
        for seed in 0..300 {
            let program = generate(seed, Mode::Invalid);
            let Expectation::SyntaxError { line, .. } = program.expect else {
                panic!("seed {seed}: an invalid program predicts a SyntaxError");
            };
            assert!(line >= 1 && line <= program.source().lines().count());
        }
    }
}
#[cfg(test)]
mod debug {
    #[test]
    #[ignore]
    fn show() {
        let seed: u64 = std::env::var("SEED").unwrap().parse().unwrap();
        print!("{}", super::generate(seed, super::Mode::Execute).source());
    }
}
#[cfg(test)]
mod speed {
    #[test]
    #[ignore]
    fn generation_speed() {
        let t = std::time::Instant::now();
        let mut n = 0;
        for seed in 0..20000 {
            n += super::generate(seed, super::Mode::Compile).source().len();
        }
        eprintln!("20000 programs in {:?} ({n} bytes)", t.elapsed());
    }
}
