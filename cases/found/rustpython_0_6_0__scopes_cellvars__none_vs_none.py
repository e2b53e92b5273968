# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-cellvars
# source: fuzz seed 309 (generator 1, execute mode), reduced from 59 to 8 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('x', 'n', 'h') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=()`, rustpython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
i = 0
y = i
def g(x=y, n=0):
    def h(b):
        fs = [(lambda: x) for x in range(0)]
        def g(n, a):
            def h(y):
                print([n for i in [x]])
