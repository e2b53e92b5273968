# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-freevars
# source: fuzz seed 86625 (generator 1, execute mode), reduced from 38 to 7 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `a 0`, rustpython `(nothing)`; exception: CPython `name 'z' is not defined`, rustpython `cannot access free variable 'y' where it is not associated with a value in enclosing scope`; scopes: CPython `g.<locals>.<genexpr>: varnames=('.0', 'i') cellvars=() freevars=('y',)`, rustpython `g.<locals>.<genexpr>: varnames=('.0', 'i') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
x = 0
def g():
    print('2', sum((y := i) for i in [x]))
    return sum(y for x in range(1))
x += g()
print('a', 0)
print(z)
