# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-cellvars
# source: fuzz seed 84565 (generator 1, execute mode), reduced from 46 to 7 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `1 2`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `f: varnames=('x', 'fs', 'i', 'h') cellvars=('x', 'a') freevars=()`, rustpython `f: varnames=('x', 'fs', 'i', 'h') cellvars=('a', 'x') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f():
    fs = [(lambda: x) for x in range(0)]
    print([(a := i) for i in range(3)])
    def h():
        print('1', a)
    return h
t = (f()(),)
