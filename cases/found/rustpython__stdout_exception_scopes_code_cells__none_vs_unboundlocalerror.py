# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 44658 (generator 1, execute mode), reduced from 68 to 6 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `[0, 0, 0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy cells: cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against 3.9 (CPython 3.9.18)
def g():
    print(sum((a := x) for x in range(1)))
    print([a for x in range(3)])
    return g
y = g()()
fs = [(lambda x=x: x) for x in range(2)]
