# description: Found by the fuzzer: rustpython differs from CPython 3.14 in exception, scopes-freevars
# source: fuzz seed 15511 (generator 1, execute mode), reduced from 34 to 7 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython exception,scopes: exception: CPython `name 'z' is not defined`, rustpython `cannot access free variable 'x' where it is not associated with a value in enclosing scope`; scopes: CPython `g.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=('x',)`, rustpython `g.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g():
    n = sum((x := 0) for v in [0])
    def h():
        return x
    return h
y = g()()
print(z)
