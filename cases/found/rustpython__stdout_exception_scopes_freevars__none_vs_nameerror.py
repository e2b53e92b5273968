# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-freevars
# source: fuzz seed 74108 (generator 1, execute mode), reduced from 65 to 12 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython stdout,exception,scopes: stdout: CPython `5 None`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `g.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('a',)`, rustpython `g.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f():
    pass
def g(n, x):
    print('5', sum((a := 0) for x in [x]))
    return sum(sum(a for i in range(3)) for i in range(1))
match [g(0, 0)]:
    case [0, _, _]:
        pass
    case [a, n]:
        pass
t = (f(),)
print('5', t[0])
