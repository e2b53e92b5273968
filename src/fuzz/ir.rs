//! The fuzzer's programs: a small Python syntax tree that the generator builds, the
//! reducer edits, and `render` writes out as source, one statement per line.

use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    Assign(String, Expr),
    /// `name += value`
    AugAdd(String, Expr),
    Print(Vec<Expr>),
    Expr(Expr),
    Def(Def),
    Class(Class),
    Return(Expr),
    Yield(Expr),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Del(String),
    For {
        var: String,
        iter: Expr,
        body: Vec<Stmt>,
    },
    /// `try: body` / `except NameError as exc: print(type(exc).__name__)`: a read
    /// that is unbound on purpose, with its exception as the oracle.
    Guard(Vec<Stmt>),
    /// `try: raise ValueError(value)` / `except ValueError as name: handler`, after
    /// which `name` is unbound.
    Raise {
        name: String,
        value: i64,
        handler: Vec<Stmt>,
    },
    Match {
        subject: Expr,
        arms: Vec<(Pattern, Vec<Stmt>)>,
    },
    Pass,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Def {
    pub name: String,
    pub params: Vec<Param>,
    /// `*name`
    pub star: Option<String>,
    pub decorators: Vec<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub name: String,
    pub bases: Vec<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    Capture(String),
    Wildcard,
    Literal(i64),
    /// `[a, b]`, `[a, *rest]`
    Sequence(Vec<Pattern>),
    Star(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Int(i64),
    Str(String),
    Name(String),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    /// `f(*name)`
    CallStar(Box<Expr>, String),
    Attr(Box<Expr>, String),
    Index(Box<Expr>, i64),
    Lambda(Vec<Param>, Box<Expr>),
    /// `[elt for var in iter if cond]`, or a generator expression as the one
    /// argument of a call (`sum(elt for var in iter)`) when `generator`.
    Comp {
        generator: bool,
        elt: Box<Expr>,
        var: String,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
    Walrus(String, Box<Expr>),
    /// `super()`
    Super,
}

pub fn name(text: &str) -> Expr {
    Expr::Name(text.to_string())
}

pub fn call(function: Expr, args: Vec<Expr>) -> Expr {
    Expr::Call(Box::new(function), args)
}

pub fn add(a: Expr, b: Expr) -> Expr {
    Expr::Add(Box::new(a), Box::new(b))
}

/// The program as Python source.
pub fn render(body: &[Stmt]) -> String {
    let mut out = String::new();
    block(&mut out, body, 0);
    out
}

fn block(out: &mut String, body: &[Stmt], depth: usize) {
    if body.is_empty() {
        line(out, depth, "pass");
    }
    for stmt in body {
        statement(out, stmt, depth);
    }
}

fn line(out: &mut String, depth: usize, text: &str) {
    let _ = writeln!(out, "{:width$}{text}", "", width = depth * 4);
}

fn statement(out: &mut String, stmt: &Stmt, depth: usize) {
    match stmt {
        Stmt::Assign(target, value) => line(out, depth, &format!("{target} = {}", expr(value))),
        Stmt::AugAdd(target, value) => line(out, depth, &format!("{target} += {}", expr(value))),
        Stmt::Print(args) => line(out, depth, &format!("print({})", list(args))),
        Stmt::Expr(value) => line(out, depth, &expr(value)),
        Stmt::Def(def) => {
            for decorator in &def.decorators {
                line(out, depth, &format!("@{}", expr(decorator)));
            }
            let mut params: Vec<String> = def.params.iter().map(param).collect();
            if let Some(star) = &def.star {
                params.push(format!("*{star}"));
            }
            line(
                out,
                depth,
                &format!("def {}({}):", def.name, params.join(", ")),
            );
            block(out, &def.body, depth + 1);
        }
        Stmt::Class(class) => {
            let bases = if class.bases.is_empty() {
                String::new()
            } else {
                format!("({})", list(&class.bases))
            };
            line(out, depth, &format!("class {}{bases}:", class.name));
            block(out, &class.body, depth + 1);
        }
        Stmt::Return(value) => line(out, depth, &format!("return {}", expr(value))),
        Stmt::Yield(value) => line(out, depth, &format!("yield {}", expr(value))),
        Stmt::Global(names) => line(out, depth, &format!("global {}", names.join(", "))),
        Stmt::Nonlocal(names) => line(out, depth, &format!("nonlocal {}", names.join(", "))),
        Stmt::Del(target) => line(out, depth, &format!("del {target}")),
        Stmt::For { var, iter, body } => {
            line(out, depth, &format!("for {var} in {}:", expr(iter)));
            block(out, body, depth + 1);
        }
        Stmt::Guard(body) => {
            line(out, depth, "try:");
            block(out, body, depth + 1);
            line(out, depth, "except NameError as exc:");
            line(out, depth + 1, "print(type(exc).__name__)");
        }
        Stmt::Raise {
            name,
            value,
            handler,
        } => {
            line(out, depth, "try:");
            line(out, depth + 1, &format!("raise ValueError({value})"));
            line(out, depth, &format!("except ValueError as {name}:"));
            block(out, handler, depth + 1);
        }
        Stmt::Match { subject, arms } => {
            line(out, depth, &format!("match {}:", expr(subject)));
            for (arm, body) in arms {
                line(out, depth + 1, &format!("case {}:", pattern(arm)));
                block(out, body, depth + 2);
            }
        }
        Stmt::Pass => line(out, depth, "pass"),
    }
}

fn param(param: &Param) -> String {
    match &param.default {
        Some(default) => format!("{}={}", param.name, expr(default)),
        None => param.name.clone(),
    }
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn pattern(pattern: &Pattern) -> String {
    match pattern {
        Pattern::Capture(name) => name.clone(),
        Pattern::Wildcard => "_".into(),
        Pattern::Literal(value) => value.to_string(),
        Pattern::Sequence(items) => format!(
            "[{}]",
            items
                .iter()
                .map(self::pattern)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Pattern::Star(name) => format!("*{name}"),
    }
}

/// An expression as source. Operands that are not atoms are parenthesized, so the
/// text never depends on precedence.
pub fn expr(value: &Expr) -> String {
    match value {
        Expr::Int(n) => n.to_string(),
        Expr::Str(s) => format!("'{s}'"),
        Expr::Name(n) => n.clone(),
        Expr::Tuple(items) if items.len() == 1 => format!("({},)", expr(&items[0])),
        Expr::Tuple(items) => format!("({})", list(items)),
        Expr::List(items) => format!("[{}]", list(items)),
        Expr::Add(a, b) => format!("{} + {}", operand(a), operand(b)),
        Expr::Call(function, args) => match (&**function, args.as_slice()) {
            (
                _,
                [Expr::Comp {
                    generator: true, ..
                }],
            ) => {
                format!("{}({})", operand(function), comprehension(&args[0]))
            }
            _ => format!("{}({})", operand(function), list(args)),
        },
        Expr::CallStar(function, star) => format!("{}(*{star})", operand(function)),
        Expr::Attr(object, attr) => format!("{}.{attr}", operand(object)),
        Expr::Index(object, index) => format!("{}[{index}]", operand(object)),
        Expr::Lambda(params, body) => {
            let params: Vec<String> = params.iter().map(param).collect();
            if params.is_empty() {
                format!("(lambda: {})", expr(body))
            } else {
                format!("(lambda {}: {})", params.join(", "), expr(body))
            }
        }
        Expr::Comp { generator, .. } => {
            if *generator {
                format!("({})", comprehension(value))
            } else {
                format!("[{}]", comprehension(value))
            }
        }
        Expr::Walrus(target, value) => format!("({target} := {})", expr(value)),
        Expr::Super => "super()".into(),
    }
}

fn comprehension(value: &Expr) -> String {
    let Expr::Comp {
        elt,
        var,
        iter,
        cond,
        ..
    } = value
    else {
        return expr(value);
    };
    let mut text = format!("{} for {var} in {}", operand(elt), operand(iter));
    if let Some(cond) = cond {
        let _ = write!(text, " if {}", operand(cond));
    }
    text
}

/// An operand: atoms as they are, anything else in parentheses.
fn operand(value: &Expr) -> String {
    match value {
        Expr::Add(..) => format!("({})", expr(value)),
        _ => expr(value),
    }
}

/// How many statement lists a program has (its body and every nested body).
pub fn count_blocks(body: &[Stmt]) -> usize {
    1 + body
        .iter()
        .map(|stmt| {
            children(stmt)
                .iter()
                .map(|b| count_blocks(b))
                .sum::<usize>()
        })
        .sum::<usize>()
}

/// The `index`th statement list in pre-order (0 is the body itself), for the
/// reducer to edit.
pub fn block_mut(body: &mut Vec<Stmt>, index: usize) -> Option<&mut Vec<Stmt>> {
    fn walk<'a>(body: &'a mut Vec<Stmt>, index: &mut usize) -> Option<&'a mut Vec<Stmt>> {
        if *index == 0 {
            return Some(body);
        }
        *index -= 1;
        for stmt in body.iter_mut() {
            for child in children_mut(stmt) {
                if let Some(found) = walk(child, index) {
                    return Some(found);
                }
            }
        }
        None
    }
    let mut index = index;
    walk(body, &mut index)
}

/// The statement lists directly inside a statement.
pub fn children(stmt: &Stmt) -> Vec<&Vec<Stmt>> {
    match stmt {
        Stmt::Def(def) => vec![&def.body],
        Stmt::Class(class) => vec![&class.body],
        Stmt::For { body, .. } | Stmt::Guard(body) => vec![body],
        Stmt::Raise { handler, .. } => vec![handler],
        Stmt::Match { arms, .. } => arms.iter().map(|(_, body)| body).collect(),
        _ => Vec::new(),
    }
}

/// The statement lists directly inside a statement.
pub fn children_mut(stmt: &mut Stmt) -> Vec<&mut Vec<Stmt>> {
    match stmt {
        Stmt::Def(def) => vec![&mut def.body],
        Stmt::Class(class) => vec![&mut class.body],
        Stmt::For { body, .. } | Stmt::Guard(body) => vec![body],
        Stmt::Raise { handler, .. } => vec![handler],
        Stmt::Match { arms, .. } => arms.iter_mut().map(|(_, body)| body).collect(),
        _ => Vec::new(),
    }
}

/// The number of lines `render` writes.
pub fn lines(body: &[Stmt]) -> usize {
    render(body).lines().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nested_python() {
        let program = vec![
            Stmt::Def(Def {
                name: "f".into(),
                params: vec![Param {
                    name: "a".into(),
                    default: Some(Expr::Int(1)),
                }],
                star: None,
                decorators: vec![name("deco")],
                body: vec![
                    Stmt::Assign(
                        "x".into(),
                        Expr::Comp {
                            generator: false,
                            elt: Box::new(Expr::Lambda(vec![], Box::new(name("v")))),
                            var: "v".into(),
                            iter: Box::new(call(name("range"), vec![Expr::Int(2)])),
                            cond: None,
                        },
                    ),
                    Stmt::Return(add(
                        name("a"),
                        call(
                            name("sum"),
                            vec![Expr::Comp {
                                generator: true,
                                elt: Box::new(Expr::Walrus("y".into(), Box::new(name("v")))),
                                var: "v".into(),
                                iter: Box::new(Expr::List(vec![Expr::Int(1)])),
                                cond: None,
                            }],
                        ),
                    )),
                ],
            }),
            Stmt::Guard(vec![Stmt::Print(vec![name("q")])]),
        ];
        assert_eq!(
            render(&program),
            "@deco\ndef f(a=1):\n    x = [(lambda: v) for v in range(2)]\n    \
             return a + sum((y := v) for v in [1])\ntry:\n    print(q)\n\
             except NameError as exc:\n    print(type(exc).__name__)\n"
        );
    }
}
