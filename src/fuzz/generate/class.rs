//! Classes: attributes, methods, `__class__` and `super()`.

use super::ir::{name, Class, Def, Expr, Param, Stmt};
use super::scope::{ClassInfo, FuncInfo, Kind, Returns, Ty, Var};
use super::{Generator, CLASSES, INTS};
use std::collections::BTreeSet;
use std::rc::Rc;

/// What a class body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Member {
    /// `x = …`.
    Attribute,
    /// `def val(self)` or `def m(self)`.
    Method,
}

/// How often each member is drawn.
pub(super) const MEMBERS: &[(Member, usize)] = &[(Member::Attribute, 2), (Member::Method, 2)];

impl Generator {
    /// A class: int attributes, methods reading outer variables (classes are
    /// skipped), `__class__`, and `super()` when it has a base with `val`.
    pub(super) fn class(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        let cname = self.rng.pick(CLASSES).to_string();
        if !self.scopes.can_bind(at, &cname) || self.scopes.stack[at].vars.contains_key(&cname) {
            return;
        }
        let bases: Vec<String> = self
            .scopes
            .readable(
                at,
                CLASSES,
                |t| matches!(t, Ty::Class(info) if info.methods.iter().any(|(m, _)| m == "val")),
            )
            .into_iter()
            .filter(|b| *b != cname)
            .collect();
        let base = bases.first().cloned().filter(|_| self.rng.chance(70));
        let base_expr = base.as_ref().map(|b| self.scopes.read(at, b));
        // super().val() runs the base's val: its needs are the method's too.
        let mut base_val_needs = BTreeSet::new();
        if let Some(base) = &base {
            if let Some(Var {
                ty: Ty::Class(info),
                ..
            }) = self.scopes.var(self.scopes.resolve(at, base), base)
            {
                if let Some((_, val)) = info.methods.iter().find(|(m, _)| m == "val") {
                    base_val_needs = val.needs.clone();
                }
            }
        }
        self.scopes.push(Kind::Class);
        let c = self.scopes.cur();
        let mut cbody = Vec::new();
        let mut methods = Vec::new();
        for _ in 0..1 + self.rng.below(3) {
            match self.rng.weighted(MEMBERS) {
                Member::Attribute => {
                    let attr = self.rng.pick(INTS).to_string();
                    let value = self.int_expr(2);
                    if self.scopes.can_bind(c, &attr) {
                        self.scopes.bind(c, &attr, Ty::Int);
                        cbody.push(Stmt::Assign(attr, value));
                    }
                }
                Member::Method => {
                    // One method of each name: a second `def m` would replace the first.
                    let Some(mname) = ["val", "m"]
                        .into_iter()
                        .find(|m| !methods.iter().any(|(n, _): &(String, _)| n == m))
                        .map(str::to_string)
                    else {
                        continue;
                    };
                    if !self.scopes.can_bind(c, &mname) {
                        continue;
                    }
                    self.scopes.push(Kind::Function);
                    let m = self.scopes.cur();
                    self.scopes.stack[m].params.insert("self".into());
                    self.scopes.stack[m].vars.insert(
                        "self".into(),
                        Var {
                            ty: Ty::Opaque,
                            bound: true,
                        },
                    );
                    self.scopes.stack[m].super_val = base.is_some() && mname == "val";
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
                    let mut scope = self.scopes.pop();
                    if self.scopes.stack[c].kind == Kind::Class && mname == "val" {
                        scope.needs.extend(base_val_needs.iter().cloned());
                    }
                    let info = Rc::new(FuncInfo {
                        arity: 0,
                        needs: scope.needs,
                        returns: Returns::Int,
                    });
                    // Called as C().m(), never as a bare name.
                    self.scopes.bind(c, &mname, Ty::Opaque);
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
        let scope = self.scopes.pop();
        let attrs = scope
            .vars
            .iter()
            .filter(|(_, v)| matches!(v.ty, Ty::Int) && v.bound)
            .map(|(k, _)| k.clone())
            .collect();
        // A subclass without its own `val` inherits the base's.
        if let Some(base) = &base {
            if !methods.iter().any(|(m, _)| m == "val") {
                let t = self.scopes.resolve(at, base);
                if let Some(Var {
                    ty: Ty::Class(info),
                    ..
                }) = self.scopes.stack[t].vars.get(base)
                {
                    if let Some(val) = info.methods.iter().find(|(m, _)| m == "val") {
                        methods.push(val.clone());
                    }
                }
            }
        }
        let info = Rc::new(ClassInfo { attrs, methods });
        let Some(cname) = self.scopes.free_name(at, CLASSES, &cname) else {
            return;
        };
        self.scopes.bind(at, &cname, Ty::Class(info));
        body.push(Stmt::Class(Class {
            name: cname,
            bases: base_expr.into_iter().collect(),
            body: cbody,
        }));
    }
}
