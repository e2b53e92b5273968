# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-code, cells
# source: fuzz seed 5138 (generator 1, execute mode), reduced from 54 to 4 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: pypy scopes,cells: scopes: CPython `(nothing)`, pypy `<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against CPython 3.9.18
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('i',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
fs = [(lambda i=i: i) for i in range(1)]
a = 0
print(sum((b := 0) for x in range(2)))
print(sum(x for x in [a]) + sum(x for x in [b]))
