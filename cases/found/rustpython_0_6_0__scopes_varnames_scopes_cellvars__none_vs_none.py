# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-varnames, scopes-cellvars
# source: fuzz seed 6398 (generator 1, execute mode), reduced from 68 to 11 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free, decorators/wrapper-closes-over-func
# requires: >=3.10 — match statements
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('n', 'f') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('x', 'n', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `g.<locals>.f: varnames=('n', 'x', 'fs', 'g') cellvars=('x',) freevars=()`, rustpython `g.<locals>.f: varnames=('n', 'x', 'fs', 'g') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g():
    match [v]:
        case [0, _, _]:
            pass
        case [x, n]:
            pass
    def f(n=h()):
        fs = [(lambda: x) for x in range(0)]
        @deco
        def g(n, a):
            print(x)
