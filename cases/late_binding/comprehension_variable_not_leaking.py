# description: A comprehension's loop variable does not leak; its closures see the comprehension's variable, not the outer one.
# source: rule: comprehensions have their own scope for the iteration variable (Python 3)
# rules: late_binding/comprehension-closures, late_binding/comprehension-no-leak
# python: <3.12 — list, dict and set comprehensions are inlined from 3.12 (PEP 709): no <listcomp>/<dictcomp>/<setcomp> code object, the iteration variable becomes a cell of the enclosing function and the lambdas lose the comprehension from their qualname
# diverges: rustpython scopes, cells: RustPython inlines function-level comprehensions (as CPython 3.12+, PEP 709): no <listcomp> in outer, item becomes a cell of outer and the lambdas' qualnames lose <listcomp>

def outer():
    item = 'outer value'
    funcs = [lambda: item for item in ['p', 'q', 'r']]
    print(item)
    print(list(f() for f in funcs))
    return funcs


funcs = outer()

try:
    print([x for x in range(3)])
    print(x)
except NameError as e:
    print(type(e).__name__, e)
