# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-cellvars, scopes-freevars
# source: fuzz seed 94419 (generator 1, execute mode), reduced from 45 to 7 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0, 0, 0]`, rustpython `(nothing)`; exception: CPython `NameError`, rustpython `UnboundLocalError`; scopes: CPython `g: varnames=('a', 'x', 'fs', 'i', 'v') cellvars=('x', 'i', 'y') freevars=()`, rustpython `g: varnames=('a', 'x', 'fs', 'i', 'v') cellvars=('i', 'x', 'y') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g(a):
    fs = [(lambda: x) for x in range(0)]
    fs = [(lambda: i) for i in range(0)]
    print(sum((y := 0) for i in range(2)))
    print([y for v in range(3)])
    return h
print(g(0)())
