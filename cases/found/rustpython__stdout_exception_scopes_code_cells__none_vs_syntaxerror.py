# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 16 (generator 1, execute mode), reduced from 70 to 3 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `<generator object <genexpr> at 0x…>`, rustpython `(nothing)`; exception: CPython `none`, rustpython `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython `(nothing)`; cells: CPython `g -> g: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g(b):
    pass
print(((n := (n for x in range(0))) for i in range(0)))
