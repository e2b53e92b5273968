# description: Found by the fuzzer: pypy differs from CPython 3.9 in cells
# source: fuzz seed 539 (generator 1, execute mode), reduced from 38 to 2 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: pypy cells: cells: CPython `fs[0] -> <listcomp>.<lambda>:`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>:`; checked against CPython 3.9.18
# diverges: rustpython scopes,cells: scopes: CPython `<module>: varnames=('i', 'k') cellvars=('i',) freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>:`, rustpython `fs[0] -> <listcomp>.<lambda>:`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
fs = [(lambda: f(i)) for i in range(3)]
print([k() for k in fs])
