# description: Found by the fuzzer: rustpython differs from CPython 3.14 in exception, scopes-code, cells
# source: fuzz seed 25467 (generator 1, execute mode), reduced from 52 to 6 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython exception,scopes,cells: exception: CPython `none`, rustpython `NameError`; scopes: CPython `<module>: varnames=('i',) cellvars=('i',) freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `g -> g: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
fs = [(lambda: i) for i in range(0)]
def h(n=0, x=0):
    b = sum((y := x) for i in [n])
    return sum(sum(y for v in [v]) for v in range(1))
def g(b, a=h()):
    pass
