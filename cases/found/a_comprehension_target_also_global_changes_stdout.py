# description: rustpython-0.6.0's stdout differs from CPython 3.14's (N vs N)
# source: fuzz seed 748 (generator 1, execute mode), reduced from 27 to 9 lines
# identity: rustpython-0.6.0: stdout: N vs N
# cause: a_comprehension_target_also_global_changes_stdout
# same-cause: rustpython-0.6.0: stdout: N N vs N N
# note: one case per root cause: each same-cause identity is another witness of this cause, merged into this case (docs/fuzzing.md)
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
