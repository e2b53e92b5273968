# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-code, cells
# source: fuzz seed 14602 (generator 1, execute mode), reduced from 38 to 3 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: pypy scopes,cells: scopes: CPython `<listcomp>: varnames=('.0', 'x') cellvars=() freevars=()`, pypy `<genexpr>: varnames=('.0', 'v') cellvars=() freevars=()`; cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against CPython 3.9.18
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
t = ((v for v in [0]), (v for v in [0]))
fs = [(lambda x=x: x) for x in range(2)]
print(z)
