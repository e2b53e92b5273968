# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-varnames, cells
# source: fuzz seed 4 (generator 1, execute mode), reduced from 46 to 3 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# diverges: pypy scopes,cells: scopes: CPython `C: varnames=() cellvars=() freevars=()`, pypy `C: varnames=('__locals__',) cellvars=() freevars=()`; cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against CPython 3.9.18
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
class C:
    pass
fs = [(lambda v=v: v) for v in range(3)]
