# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 6205 (generator 1, execute mode), reduced from 55 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `[]`, rustpython `(nothing)`; exception: CPython `NameError`, rustpython `SyntaxError`; scopes: CPython `<module>: varnames=('x', 'i') cellvars=() freevars=()`, rustpython `(nothing)`; cells: CPython `f -> f: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
y = 0
print([x for x in range(0)])
def f(a=y):
    pass
b = ((b := (b for v in range(0))) for v in range(0))
print([n for i in [a]])
