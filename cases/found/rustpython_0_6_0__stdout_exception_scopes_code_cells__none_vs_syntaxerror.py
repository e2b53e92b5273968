# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 1687 (generator 1, execute mode), reduced from 61 to 6 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 stdout,exception,scopes,cells: stdout: CPython `7 0`, rustpython-0.6.0 `(nothing)`; exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `h -> h: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `h: varnames=('x', 'h') cellvars=() freevars=()`, rustpython `h: varnames=('x', 'h') cellvars=('x',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h(x):
    def h(a, y):
        fs = [(lambda x=x: x) for x in range(0)]
        def h():
            return x
print('7', 0)
