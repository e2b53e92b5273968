# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 8280 (generator 1, execute mode), reduced from 52 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; scopes: CPython `<module>: varnames=('k',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f(y=0, n=0):
    b = sum((a := y) for i in range(3))
    print([a for i in [n]])
fs = []
print([k() for k in fs])
t = (f(),)
