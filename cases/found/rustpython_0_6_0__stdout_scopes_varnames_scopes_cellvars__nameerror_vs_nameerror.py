# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in stdout, scopes-varnames, scopes-cellvars
# source: fuzz seed 1212 (generator 1, execute mode), reduced from 84 to 13 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 stdout,scopes: stdout: CPython `NameError`, rustpython-0.6.0 `2`; scopes: CPython `g: varnames=('b', 'f') cellvars=('i',) freevars=()`, rustpython-0.6.0 `g: varnames=('b', 'i', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('x', 'v') cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(b=0):
    global x
    i = 0
    def f():
        fs = [(lambda: i) for i in range(0)]
        def g(y, n=0):
            b = i
print([x for x in range(3)])
try:
    print(x)
except NameError as exc:
    print(type(exc).__name__)
print([i for v in range(1)])
