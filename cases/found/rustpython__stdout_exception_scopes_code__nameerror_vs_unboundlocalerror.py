# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 136191 (generator 1, execute mode), reduced from 51 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0, 0]`, rustpython `(nothing)`; exception: CPython `NameError`, rustpython `UnboundLocalError`; scopes: CPython `<module>: varnames=('i', 'b') cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f(a):
    print(sum((y := a) for x in [0]))
    print([y for i in range(2)])
    return g
print([(b := i) for i in range(1)])
print(f(f(b)())())
