# description: Lambdas collected in a set comprehension are distinct objects that all return the last value.
# source: rule: closures made inside a set comprehension close over its single iteration variable
# rules: late_binding/comprehension-closures, late_binding/lookup-at-call-time
# python: <3.12 — list, dict and set comprehensions are inlined from 3.12 (PEP 709): no <listcomp>/<dictcomp>/<setcomp> code object, the iteration variable becomes a cell of the enclosing function and the lambdas lose the comprehension from their qualname
# diverges: rustpython scopes: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <setcomp> code object, k becomes a cell of make and the lambda's qualname loses <setcomp>

def make():
    return {(lambda: k + 100) for k in range(4)}


funcs = make()
print(len(funcs))
print(sorted(f() for f in funcs))
