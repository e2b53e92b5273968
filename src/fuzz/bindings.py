# How every name is bound in every scope of a program, for the root-cause
# identity (src/fuzz/bindings.rs). Reads programs, each ended by a NUL byte, on
# stdin; for each, as soon as it has arrived, writes lines
# `index<TAB>qualname<TAB>kind<TAB>name<TAB>bindings<TAB>binder` (bindings joined
# by `+`; binder: the index of the scope a read of the name there resolves to, or
# -1 where the scope does not read it), one line with an empty name for every
# scope (so that scopes of one qualname can be numbered in order), then a line
# with a single NUL. A program that does not parse gives only the NUL line.
# Scopes are numbered in source order and named by their 3.11 qualname
# (comprehensions are code objects of their own).
import ast
import sys


class Scope:
    def __init__(self, kind, qualname, parent):
        self.kind = kind
        self.qualname = qualname
        self.parent = parent
        self.names = {}

    def bind(self, name, how):
        self.names.setdefault(name, set()).add(how)


def child_qualname(parent, name):
    if parent is None or parent.kind == "module":
        return name
    if parent.kind in ("function", "lambda", "comprehension", "generator expression"):
        return parent.qualname + ".<locals>." + name
    return parent.qualname + "." + name


class Walker(ast.NodeVisitor):
    def __init__(self):
        self.module = Scope("module", "<module>", None)
        self.scopes = [self.module]
        self.scope = self.module

    def enter(self, kind, name):
        scope = Scope(kind, child_qualname(self.scope, name), self.scope)
        self.scopes.append(scope)
        return scope

    def body_of(self, scope, nodes):
        saved, self.scope = self.scope, scope
        for node in nodes:
            self.visit(node)
        self.scope = saved

    def params(self, scope, args):
        every = args.posonlyargs + args.args + args.kwonlyargs
        every += [a for a in (args.vararg, args.kwarg) if a]
        for arg in every:
            scope.bind(arg.arg, "parameter")
        for default in args.defaults + [d for d in args.kw_defaults if d]:
            self.visit(default)

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.scope.bind(node.name, "local")
        scope = self.enter("function", node.name)
        self.params(scope, node.args)
        self.body_of(scope, node.body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        scope = self.enter("lambda", "<lambda>")
        self.params(scope, node.args)
        self.body_of(scope, [node.body])

    def visit_ClassDef(self, node):
        for expr in node.decorator_list + node.bases:
            self.visit(expr)
        self.scope.bind(node.name, "local")
        self.body_of(self.enter("class body", node.name), node.body)

    def comprehension(self, node, kind, name, elts):
        # The first iterable is evaluated outside.
        self.visit(node.generators[0].iter)
        scope = self.enter(kind, name)
        saved, self.scope = self.scope, scope
        for index, gen in enumerate(node.generators):
            self.target(gen.target, "comprehension target")
            if index:
                self.visit(gen.iter)
            for cond in gen.ifs:
                self.visit(cond)
        for elt in elts:
            self.visit(elt)
        self.scope = saved
        if kind == "comprehension":
            # Inlined since 3.12: its targets become names of the scope around it.
            outer = saved
            while True:
                for name, hows in scope.names.items():
                    if "comprehension target" in hows:
                        outer.bind(name, "comprehension target")
                if outer.kind != "comprehension":
                    break
                outer = outer.parent

    def visit_ListComp(self, node):
        self.comprehension(node, "comprehension", "<listcomp>", [node.elt])

    def visit_SetComp(self, node):
        self.comprehension(node, "comprehension", "<setcomp>", [node.elt])

    def visit_DictComp(self, node):
        self.comprehension(node, "comprehension", "<dictcomp>", [node.key, node.value])

    def visit_GeneratorExp(self, node):
        self.comprehension(node, "generator expression", "<genexpr>", [node.elt])

    def target(self, node, how):
        for name in ast.walk(node):
            if isinstance(name, ast.Name):
                self.scope.bind(name.id, how)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        name = node.target.id
        scope = self.scope
        # A walrus in a comprehension binds in the scope around it.
        while scope.kind in ("comprehension", "generator expression"):
            scope.bind(name, "walrus target")
            scope = scope.parent
        scope.bind(name, "walrus target" if scope is not self.scope else "local")

    def visit_Global(self, node):
        for name in node.names:
            self.scope.bind(name, "global")

    def visit_Nonlocal(self, node):
        for name in node.names:
            self.scope.bind(name, "nonlocal")

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self.scope.bind(node.id, "read")
        else:
            self.scope.bind(node.id, "local")

    def visit_ExceptHandler(self, node):
        if node.type:
            self.visit(node.type)
        if node.name:
            self.scope.bind(node.name, "except target")
        for stmt in node.body:
            self.visit(stmt)

    def visit_MatchAs(self, node):
        if node.pattern:
            self.visit(node.pattern)
        if node.name:
            self.scope.bind(node.name, "match capture")

    def visit_MatchStar(self, node):
        if node.name:
            self.scope.bind(node.name, "match capture")


FUNCTIONS = ("function", "lambda")


def resolve(scopes):
    """`read` alone becomes `free` (a function around binds it) or `global read`.
    Returns, for every (scope, name) read there, the scope the read resolves to."""
    binders = {}
    for scope in scopes:
        for name, hows in scope.names.items():
            if "read" not in hows:
                continue
            if hows != {"read"}:
                binders[scope, name] = scopes[0] if "global" in hows else scope
                continue
            hows.clear()
            binders[scope, name] = scopes[0]
            outer = scope.parent
            while outer is not None and outer.kind != "module":
                bound = outer.names.get(name, set()) - {"read", "free", "global read"}
                if outer.kind != "class body" and bound:
                    if "global" not in bound:
                        hows.add("free")
                        binders[scope, name] = outer
                    break
                outer = outer.parent
            if not hows:
                hows.add("global read")
        for hows in scope.names.values():
            if len(hows) > 1:
                hows.discard("read")
    return binders


def answer(source, out):
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        out.write("\0\n")
        return
    walker = Walker()
    walker.body_of(walker.module, tree.body)
    binders = resolve(walker.scopes)
    index = {id(scope): i for i, scope in enumerate(walker.scopes)}
    for i, scope in enumerate(walker.scopes):
        out.write(f"{i}\t{scope.qualname}\t{scope.kind}\t\t\t-1\n")
        for name in sorted(scope.names):
            hows = "+".join(sorted(scope.names[name]))
            binder = binders.get((scope, name))
            binder = -1 if binder is None else index[id(binder)]
            out.write(f"{i}\t{scope.qualname}\t{scope.kind}\t{name}\t{hows}\t{binder}\n")
    out.write("\0\n")


def main():
    # One process answers a campaign's programs as they come: each program is
    # answered (and flushed) as soon as its NUL has arrived.
    stdin, out = sys.stdin.buffer, sys.stdout
    pending = b""
    while True:
        chunk = stdin.read1(65536)
        if not chunk:
            break
        pending += chunk
        *sources, pending = pending.split(b"\0")
        for source in sources:
            answer(source.decode("utf-8", "replace"), out)
        out.flush()
    if pending.strip():
        answer(pending.decode("utf-8", "replace"), out)
    out.flush()


main()
