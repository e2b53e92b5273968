# description: rustpython-0.6.0 differs from CPython 3.14: stdout: N N vs N N
# source: fuzz seed 1364 (generator 1, execute mode), reduced from 46 to 15 lines
# identity: rustpython-0.6.0: stdout: N N vs N N
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython-0.6.0 stdout: stdout: CPython `1 0`, rustpython-0.6.0 `0 0`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def f():
    global x
def g(x, n=0):
    match [x, 0]:
        case [0, _, _]:
            pass
        case [y, a]:
            print(y, 0)
x = 1
print([0 for x in [0]])
match [g(x)]:
    case [0, _, _]:
        pass
    case [y, n]:
        pass
