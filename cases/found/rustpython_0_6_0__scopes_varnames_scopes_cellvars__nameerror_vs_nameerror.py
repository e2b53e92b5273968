# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-varnames, scopes-cellvars
# source: fuzz seed 21978 (generator 1, execute mode), reduced from 71 to 6 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `f: varnames=('n', 'b', 'f') cellvars=('x',) freevars=()`, rustpython-0.6.0 `f: varnames=('n', 'b', 'x', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `f.<locals>.f: varnames=('x', 'fs', 'h') cellvars=('x',) freevars=()`, rustpython `f.<locals>.f: varnames=('x', 'fs', 'h') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def f(n=h(), b=0):
    x = b
    def f():
        fs = [(lambda: x) for x in range(0)]
        def h(y):
            return x
