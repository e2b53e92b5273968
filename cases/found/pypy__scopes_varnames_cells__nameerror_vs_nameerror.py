# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-varnames, cells
# source: fuzz seed 2 (generator 1, execute mode), reduced from 58 to 4 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# diverges: pypy scopes,cells: scopes: CPython `D: varnames=() cellvars=() freevars=()`, pypy `D: varnames=('__locals__',) cellvars=() freevars=()`; cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against CPython 3.9.18
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('i',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
class D:
    pass
fs = [(lambda i=i: i) for i in range(2)]
a = b
