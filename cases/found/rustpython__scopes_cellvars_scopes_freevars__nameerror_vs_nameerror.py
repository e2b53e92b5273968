# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-cellvars, scopes-freevars
# source: fuzz seed 8213 (generator 1, execute mode), reduced from 38 to 8 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `h.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('b',)`, rustpython `h.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes: scopes: CPython `g.<locals>.C: varnames=() cellvars=() freevars=('b',)`, pypy `g.<locals>.C: varnames=('__locals__',) cellvars=() freevars=('b',)`; checked against 3.9 (CPython 3.9.18)
def h(a):
    print(((b := x) for x in range(0)))
def g(n=0):
    b = n
    class C:
        a = b
    fs = [(lambda: i) for i in range(0)]
print(z)
