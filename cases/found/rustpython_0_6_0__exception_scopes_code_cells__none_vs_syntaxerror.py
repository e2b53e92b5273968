# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in exception, scopes-code, cells
# source: fuzz seed 12264 (generator 1, execute mode), reduced from 52 to 5 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free, comprehensions/generator-closes-over-state
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `g -> g: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `g: varnames=('b', 'x', 'h') cellvars=() freevars=()`, rustpython `g: varnames=('b', 'x', 'h') cellvars=('x',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(b, x):
    def h():
        fs = [(lambda x=x: x) for x in range(0)]
        def h(a):
            yield x
