# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-freevars, cells
# source: fuzz seed 23416 (generator 1, execute mode), reduced from 46 to 7 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `0`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `f.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('n',)`, rustpython `f.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; cells: CPython `h -> h: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f():
    print(sum((n := 0) for x in range(3)))
    return sum(sum(n for v in range(1)) for v in range(1))
x = f()
print(0)
def h():
    pass
