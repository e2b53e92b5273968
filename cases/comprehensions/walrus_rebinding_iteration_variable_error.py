# description: An assignment expression in a comprehension may not rebind the comprehension's own iteration variable.
# source: rule: := in a comprehension binds in the nearest enclosing function scope; it cannot target an iteration variable
# rules: comprehensions/walrus-binds-enclosing
# requires: >=3.8 — assignment expressions (:=, PEP 572) are new in 3.8

source = "def f(xs):\n    return [x := x + 1 for x in xs]\n"
try:
    compile(source, "<walrus>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
