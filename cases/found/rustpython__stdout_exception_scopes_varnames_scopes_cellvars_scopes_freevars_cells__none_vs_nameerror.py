# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-varnames, scopes-cellvars, scopes-freevars, cells
# source: fuzz seed 65509 (generator 1, execute mode), reduced from 46 to 17 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `1 0`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `g: varnames=('n', 'v', 'a', 'g') cellvars=('f',) freevars=()`, rustpython `g: varnames=('n', 'v', 'g') cellvars=('a', 'f') freevars=()`; cells: CPython `f -> f: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g(n=0):
    def f():
        t = (sum((a := 0) for i in range(2)),)
        def f():
            print('1', a)
        return f
    print([(a := v) for v in range(0)])
    def g():
        match [f()()]:
            case [0, _, _]:
                pass
            case [y, x]:
                pass
    return g
n = g()()
def f(a):
    pass
