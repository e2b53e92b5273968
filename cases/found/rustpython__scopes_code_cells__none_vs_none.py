# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-code, cells
# source: fuzz seed 1 (generator 1, execute mode), reduced from 47 to 1 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('i',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy cells: cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against 3.9 (CPython 3.9.18)
fs = [(lambda i=i: i) for i in range(2)]
