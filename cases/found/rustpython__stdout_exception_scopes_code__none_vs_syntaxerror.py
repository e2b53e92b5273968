# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 114442 (generator 1, execute mode), reduced from 28 to 1 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `1 <generator object <genexpr> at 0x…>`, rustpython `(nothing)`; exception: CPython `none`, rustpython `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
print('1', ((a := (a for v in range(0))) for v in range(0)))
