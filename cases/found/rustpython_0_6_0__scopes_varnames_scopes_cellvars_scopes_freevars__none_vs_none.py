# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-varnames, scopes-cellvars, scopes-freevars
# source: fuzz seed 67623 (generator 1, execute mode), reduced from 46 to 5 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h: varnames=('a', 'x', 'f') cellvars=('v',) freevars=()`, rustpython-0.6.0 `h: varnames=('a', 'x', 'v', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(a, x):
    v = 0
    def f(a, b):
        fs = [(lambda i=i: v) for i in range(0)]
        fs = [(lambda: v) for v in range(0)]
