# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-cellvars, scopes-freevars
# source: fuzz seed 1391 (generator 1, execute mode), reduced from 43 to 5 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `f: varnames=('b', 'x', 'i', 'a', 'n') cellvars=('b', 'y') freevars=()`, rustpython `f: varnames=('b', 'x', 'i', 'n') cellvars=('b', 'a', 'y') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
t = (0, 0)
x = 0
def f(b=x, x=t[1]):
    print([(a := b) for i in range(0)])
    n = ((y := b) for v in range(0))
