//! Expressions: ints certain to evaluate, comprehensions, calls of what is in scope.

use super::ir::{add, call, name, Expr, Stmt};
use super::scope::{Kind, Returns, Ty, Var};
use super::{Generator, CLASSES, FUNCS, INTS, LOOP_VARS};

/// The int expressions, each named for what it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IntExpr {
    /// An int variable certain to be bound, or a literal.
    Name,
    /// `a + b`.
    Sum,
    /// A call of a function in scope (a factory's closure, a generator's sum).
    Call,
    /// `len(l)`, `sum(l)` or `t[0]`.
    Container,
    /// `sum(… for v in range(k))`.
    GeneratorSum,
    /// `C().m()`, `self.attr`, `super().val()`.
    Method,
}

/// How often each int expression is drawn (out of 12); one that cannot be made
/// where it is drawn is drawn again, up to four times, then a literal.
pub(super) const INT_EXPRS: &[(IntExpr, usize)] = &[
    (IntExpr::Name, 5),
    (IntExpr::Sum, 2),
    (IntExpr::Call, 2),
    (IntExpr::Container, 1),
    (IntExpr::GeneratorSum, 1),
    (IntExpr::Method, 1),
];

/// The values an assignment binds (each kind to its own names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value {
    Str,
    Tuple,
    List,
    Int,
}

/// How often each value is assigned (out of 10).
pub(super) const VALUES: &[(Value, usize)] = &[
    (Value::Str, 1),
    (Value::Tuple, 1),
    (Value::List, 1),
    (Value::Int, 7),
];

impl Generator {
    pub(super) fn int_literal(&mut self) -> Expr {
        Expr::Int(self.rng.below(10) as i64)
    }

    /// An int-valued expression, certain to evaluate without error at `cur`.
    pub(super) fn int_expr(&mut self, depth: usize) -> Expr {
        let at = self.scopes.cur();
        for _ in 0..4 {
            // At depth 0 only a name or a literal, without a draw.
            let choice = if depth == 0 {
                IntExpr::Name
            } else {
                self.rng.weighted(INT_EXPRS)
            };
            if let Some(expr) = self.int_of(choice, at, depth) {
                return expr;
            }
        }
        self.int_literal()
    }

    /// An int expression of the kind drawn, if one is certain to work at `at`.
    fn int_of(&mut self, choice: IntExpr, at: usize, depth: usize) -> Option<Expr> {
        match choice {
            IntExpr::Name => {
                let names = self.scopes.readable(at, INTS, |t| matches!(t, Ty::Int));
                if !names.is_empty() && self.rng.chance(80) {
                    let chosen = self.rng.pick(&names).clone();
                    return Some(self.scopes.read(at, &chosen));
                }
                Some(self.int_literal())
            }
            IntExpr::Sum => {
                let a = self.int_expr(depth - 1);
                let b = self.int_expr(depth - 1);
                Some(add(a, b))
            }
            IntExpr::Call => self.call_int(depth),
            IntExpr::Container => {
                let names = self.scopes.readable(at, &["l"], |t| matches!(t, Ty::List));
                let names_t = self.scopes.readable(at, &["t"], |t| matches!(t, Ty::Tuple));
                if let Some(l) = names.first() {
                    let l = self.scopes.read(at, &l.clone());
                    let f = if self.rng.chance(50) { "len" } else { "sum" };
                    return Some(call(name(f), vec![l]));
                }
                let t = names_t.first()?;
                let t = self.scopes.read(at, &t.clone());
                Some(Expr::Index(Box::new(t), self.rng.below(2) as i64))
            }
            // sum(elt for v in range(k)): a generator expression, run now.
            IntExpr::GeneratorSum => Some(self.comprehension(depth, true)),
            IntExpr::Method => self.method_int(at),
        }
    }

    /// `sum(…)` of a generator expression, or a list comprehension of ints.
    pub(super) fn comprehension(&mut self, depth: usize, generator: bool) -> Expr {
        let iter = if self.rng.chance(70) {
            call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)])
        } else {
            Expr::List(vec![self.int_expr(0), self.int_expr(0)])
        };
        let parent = self.scopes.cur();
        // For the oracle, an iteration variable that shadows a name read from
        // outside where one can (what 3.12+ inlining gets wrong).
        let shadowing = if self.oracle {
            self.scopes
                .readable(parent, LOOP_VARS, |t| matches!(t, Ty::Int))
        } else {
            Vec::new()
        };
        let var = if !shadowing.is_empty() && self.rng.chance(70) {
            self.rng.pick(&shadowing).to_string()
        } else {
            self.rng.pick(LOOP_VARS).to_string()
        };
        self.scopes.push(Kind::Comprehension);
        let at = self.scopes.cur();
        self.scopes.stack[at].vars.insert(
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
            .find(|&i| self.scopes.stack[i].kind != Kind::Comprehension)
            .unwrap_or(0);
        let wants_walrus = self.scopes.stack[walrus_home].kind != Kind::Class
            && self.scopes.stack[..at]
                .iter()
                .all(|s| s.kind != Kind::Comprehension)
            && self.rng.chance(30);
        let target = self.rng.pick(INTS).to_string();
        let mut elt = self.int_expr(depth.saturating_sub(1));
        // For the oracle, a later comprehension of the same function reads the
        // name an earlier one's iteration variable shadowed (gh-156664's shape).
        let home = self.scopes.stack[walrus_home].uid;
        if self.oracle {
            let earlier: Vec<String> = self
                .shadowed
                .iter()
                .filter(|(uid, name)| *uid == home && *name != var)
                .map(|(_, name)| name.clone())
                .collect();
            let readable = self
                .scopes
                .readable(at, LOOP_VARS, |t| matches!(t, Ty::Int));
            if let Some(name) = earlier.iter().find(|n| readable.contains(n)) {
                if self.rng.chance(70) {
                    let read = self.scopes.read(at, name);
                    elt = Expr::Add(Box::new(read), Box::new(elt));
                }
            }
            if shadowing.contains(&var) {
                self.shadowed.push((home, var.clone()));
            }
        }
        // Decided after the element: reading the name from outside forbids it.
        let walrus_target =
            (wants_walrus && target != var && self.scopes.can_bind(walrus_home, &target))
                .then_some(target);
        if let Some(target) = &walrus_target {
            elt = Expr::Walrus(target.clone(), Box::new(elt));
        }
        let cond = if self.rng.chance(20) {
            let v = self.scopes.read(at, &var);
            Some(Box::new(call(
                Expr::Attr(Box::new(v), "__ne__".into()),
                vec![Expr::Int(1)],
            )))
        } else {
            None
        };
        self.scopes.pop();
        if let Some(target) = &walrus_target {
            // Bound after the comprehension only if an element ran (a range of
            // at least 1 runs; a filter may skip them all).
            self.scopes.bind(walrus_home, target, Ty::Int);
            if cond.is_some() {
                self.scopes.unbind_quietly(walrus_home, target);
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

    /// A call of a function value that gives an int, if one is certain to work.
    pub(super) fn call_int(&mut self, depth: usize) -> Option<Expr> {
        let at = self.scopes.cur();
        let names = self
            .scopes
            .readable(at, FUNCS, |t| matches!(t, Ty::Func(_)));
        if names.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&names).clone();
        let t = self.scopes.resolve(at, &chosen);
        let Some(Var {
            ty: Ty::Func(info), ..
        }) = self.scopes.stack[t].vars.get(&chosen).cloned()
        else {
            return None;
        };
        if !self.scopes.callable(at, &info.needs) {
            return None;
        }
        if let Returns::Func(inner) = &info.returns {
            if inner.arity != 0 || !self.scopes.callable(at, &inner.needs) {
                return None;
            }
        }
        let function = self.scopes.read(at, &chosen);
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
    pub(super) fn method_int(&mut self, at: usize) -> Option<Expr> {
        if self.scopes.stack[at].params.contains("self") && self.rng.chance(50) {
            if self.scopes.stack[at].super_val && self.rng.chance(60) {
                let method = Expr::Attr(Box::new(Expr::Super), "val".into());
                return Some(call(method, vec![]));
            }
            // The class body (the scope below this method) is finished when the
            // method runs: any attribute bound there so far is there.
            let class = &self.scopes.stack[at - 1];
            let attrs: Vec<String> = class
                .vars
                .iter()
                .filter(|(_, v)| matches!(v.ty, Ty::Int) && v.bound)
                .map(|(k, _)| k.clone())
                .collect();
            if !attrs.is_empty() {
                let attr = self.rng.pick(&attrs).clone();
                self.scopes.note_read(at, "self");
                return Some(Expr::Attr(Box::new(name("self")), attr));
            }
        }
        let classes = self
            .scopes
            .readable(at, CLASSES, |t| matches!(t, Ty::Class(_)));
        if classes.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&classes).clone();
        let t = self.scopes.resolve(at, &chosen);
        let Some(Var {
            ty: Ty::Class(info),
            ..
        }) = self.scopes.stack[t].vars.get(&chosen).cloned()
        else {
            return None;
        };
        let instance = call(self.scopes.read(at, &chosen), vec![]);
        if !info.methods.is_empty() && self.rng.chance(70) {
            let (method, finfo) = &info.methods[self.rng.below(info.methods.len())];
            if self.scopes.callable(at, &finfo.needs) {
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
    pub(super) fn value_assignment(&mut self) -> Option<Stmt> {
        let at = self.scopes.cur();
        let (target, value, ty) = match self.rng.weighted(VALUES) {
            Value::Str => (
                "s",
                Expr::Str(self.rng.pick(&["p", "q", "ab"]).to_string()),
                Ty::Str,
            ),
            Value::Tuple => {
                let items = vec![self.int_expr(1), self.int_expr(1)];
                ("t", Expr::Tuple(items), Ty::Tuple)
            }
            Value::List => {
                let items = (0..1 + self.rng.below(3))
                    .map(|_| self.int_expr(1))
                    .collect();
                ("l", Expr::List(items), Ty::List)
            }
            Value::Int => {
                let target = *self.rng.pick(INTS);
                (target, self.int_expr(2), Ty::Int)
            }
        };
        if !self.scopes.can_bind(at, target) {
            return None;
        }
        if let Some(existing) = self
            .scopes
            .var(self.scopes.resolve_binding(at, target), target)
        {
            if std::mem::discriminant(&existing.ty) != std::mem::discriminant(&ty) {
                return None;
            }
        }
        self.scopes.bind(at, target, ty);
        Some(Stmt::Assign(target.to_string(), value))
    }

    pub(super) fn printable(&mut self) -> Expr {
        let at = self.scopes.cur();
        let others = self.scopes.readable(at, &["s", "t", "l"], |t| {
            matches!(t, Ty::Str | Ty::Tuple | Ty::List)
        });
        if !others.is_empty() && self.rng.chance(40) {
            let chosen = self.rng.pick(&others).clone();
            return self.scopes.read(at, &chosen);
        }
        let funcs = self
            .scopes
            .readable(at, &["fs"], |t| matches!(t, Ty::Funcs(_)));
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
    pub(super) fn call_each(&mut self, fs: &str) -> Option<Expr> {
        let at = self.scopes.cur();
        let t = self.scopes.resolve(at, fs);
        // Only where the list is this run's own: a function that reads a list of
        // closures from outside could meet one that calls it back.
        if t < self.scopes.timeline(at) {
            return None;
        }
        let Some(Var {
            ty: Ty::Funcs(needs),
            ..
        }) = self.scopes.stack[t].vars.get(fs).cloned()
        else {
            return None;
        };
        if !self.scopes.callable(at, &needs) {
            return None;
        }
        let list = self.scopes.read(at, fs);
        Some(Expr::Comp {
            generator: false,
            elt: Box::new(call(name("k"), vec![])),
            var: "k".into(),
            iter: Box::new(list),
            cond: None,
        })
    }
}
