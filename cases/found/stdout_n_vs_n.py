# description: rustpython-0.6.0 differs from CPython 3.14: stdout: N vs N
# source: fuzz seed 748 (generator 1, execute mode), reduced from 27 to 9 lines
# identity: rustpython-0.6.0: stdout: N vs N
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython-0.6.0 stdout: stdout: CPython `0`, rustpython-0.6.0 `2`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
match [0, 0]:
    case [0, _, _]:
        pass
    case [y, x]:
        pass
fs = [0 for x in range(3)]
print(sum(x for v in range(1)))
def f(a, y):
    global x
