# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-cellvars
# source: fuzz seed 19313 (generator 1, execute mode), reduced from 40 to 7 lines
# rules: claims/free-variable-definition, counters/nonlocal-counter, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h.<locals>.f: varnames=('x', 'n', 'f') cellvars=('x',) freevars=()`, rustpython-0.6.0 `h.<locals>.f: varnames=('x', 'n', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `h.<locals>.f.<locals>.f: varnames=('x', 'h') cellvars=('x',) freevars=()`, rustpython `h.<locals>.f.<locals>.f: varnames=('x', 'h') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h():
    def f(x, n):
        def f():
            print([(x for v in range(0)) for x in range(0)])
            def h():
                nonlocal x
print(z)
