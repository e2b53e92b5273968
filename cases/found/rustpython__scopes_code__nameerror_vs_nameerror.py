# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-code
# source: fuzz seed 0 (generator 1, execute mode), reduced from 30 to 1 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
print([x for x in [n]])
