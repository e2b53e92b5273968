# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 11602 (generator 1, execute mode), reduced from 33 to 7 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `a []`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `<module>: varnames=('k',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
b = 0
fs = []
def g(x):
    print(sum((y := v) for v in range(3)))
    return sum(y for x in range(1))
b = sum(g(b) for x in range(1))
print('a', [k() for k in fs])
