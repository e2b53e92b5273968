//! Names that become unbound: a read that is unbound on purpose, `del` of a
//! captured variable, the end of `except … as`, and `match` captures.

use super::ir::{call, name, Def, Expr, Pattern, Stmt};
use super::scope::{FuncInfo, Kind, Returns, Ty};
use super::{Generator, FUNCS, INTS};
use std::collections::BTreeSet;
use std::rc::Rc;

impl Generator {
    /// A read that is unbound on purpose, inside a guard that prints its exception.
    pub(super) fn unbound_read(&mut self) -> Option<Stmt> {
        let at = self.scopes.cur();
        let mut names: BTreeSet<&str> = INTS.iter().copied().collect();
        names.insert("z");
        let unbound: Vec<&str> = names
            .into_iter()
            .filter(|n| {
                let target = self.scopes.resolve(at, n);
                !self.scopes.certain(at, target, n)
            })
            .collect();
        if unbound.is_empty() {
            return None;
        }
        let chosen = self.rng.pick(&unbound).to_string();
        let read = self.scopes.read(at, &chosen);
        Some(Stmt::Guard(vec![Stmt::Print(vec![read])]))
    }

    /// `del` of a variable a closure here has captured, then the closure, guarded.
    pub(super) fn del_captured(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        if self.scopes.stack[at].kind != Kind::Function
            && self.scopes.stack[at].kind != Kind::Module
        {
            return;
        }
        let bound: Vec<String> = self.scopes.stack[at]
            .vars
            .iter()
            .filter(|(n, v)| matches!(v.ty, Ty::Int) && v.bound && INTS.contains(&n.as_str()))
            .map(|(n, _)| n.clone())
            .filter(|n| self.scopes.can_bind(at, n) && self.scopes.certain(at, at, n))
            .collect();
        if bound.is_empty() {
            return;
        }
        let chosen = self.rng.pick(&bound).clone();
        // A closure over it first, when there is room.
        let fname = self.rng.pick(FUNCS).to_string();
        let make =
            self.scopes.can_bind(at, &fname) && !self.scopes.stack[at].vars.contains_key(&fname);
        if make {
            self.scopes.push(Kind::Function);
            let f = self.scopes.cur();
            let read = self.scopes.read(f, &chosen);
            let scope = self.scopes.pop();
            let info = Rc::new(FuncInfo {
                arity: 0,
                needs: scope.needs,
                returns: Returns::Int,
            });
            self.scopes.bind(at, &fname, Ty::Func(info));
            body.push(Stmt::Def(Def {
                name: fname.clone(),
                params: Vec::new(),
                star: None,
                decorators: Vec::new(),
                body: vec![Stmt::Return(read)],
            }));
        }
        self.scopes.note_read(at, &chosen);
        self.scopes.unbind(at, &chosen);
        body.push(Stmt::Del(chosen));
        if make {
            let f = self.scopes.read(at, &fname);
            body.push(Stmt::Guard(vec![Stmt::Print(vec![call(f, vec![])])]));
        }
    }

    /// `try: raise ValueError(k)` / `except ValueError as n:` — `n` is unbound after.
    pub(super) fn except_as(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        if self.scopes.stack[at].kind == Kind::Class {
            return;
        }
        let chosen = self.rng.pick(INTS).to_string();
        if !self.scopes.can_bind(at, &chosen) || self.scopes.stack[at].params.contains(&chosen) {
            return;
        }
        if self
            .scopes
            .var(self.scopes.resolve_binding(at, &chosen), &chosen)
            .is_some_and(|v| !matches!(v.ty, Ty::Int))
        {
            return;
        }
        let value = self.rng.below(10) as i64;
        self.scopes.bind(at, &chosen, Ty::Int);
        let args = Expr::Attr(Box::new(name(&chosen)), "args".into());
        let handler = vec![Stmt::Print(vec![
            call(name("type"), vec![name(&chosen)]),
            Expr::Index(Box::new(args), 0),
        ])];
        self.scopes.unbind(at, &chosen);
        body.push(Stmt::Raise {
            name: chosen,
            value,
            handler,
        });
    }

    /// `match (…): case [a, b]: …` — captures bind in the current scope.
    pub(super) fn match_capture(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        if self.scopes.stack[at].kind == Kind::Class || self.scopes.stack[at].in_loop {
            return;
        }
        let subject = Expr::List(vec![self.int_expr(1), self.int_expr(1)]);
        let mut free: Vec<&str> = INTS
            .iter()
            .copied()
            .filter(|n| self.scopes.can_bind(at, n) && !self.scopes.stack[at].params.contains(*n))
            .filter(|n| {
                self.scopes
                    .var(self.scopes.resolve_binding(at, n), n)
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
        self.scopes.bind(at, &first, Ty::Int);
        self.scopes.bind(at, &second, Ty::Int);
        let a = self.scopes.read(at, &first);
        let b = self.scopes.read(at, &second);
        body.push(Stmt::Match {
            subject,
            arms: vec![miss, (hit, vec![Stmt::Print(vec![a, b])])],
        });
    }
}
