# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in exception
# source: fuzz seed 103487 (generator 1, execute mode), reduced from 35 to 7 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 exception: exception: CPython `cannot access local variable 'i' where it is not associated with a value`, rustpython-0.6.0 `local variable 'i' referenced before assignment`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython stdout,exception,scopes: stdout: CPython `(nothing)`, rustpython `[0, 0, 0]`; exception: CPython `UnboundLocalError`, rustpython `none`; scopes: CPython `g: varnames=('n', 'y', 'i', 'f') cellvars=() freevars=()`, rustpython `g: varnames=('n', 'y', 'f') cellvars=('i',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-156664 3.12-3.15 stdout,exception: CPython 3.12+ raises UnboundLocalError "cannot access local variable 'i'": a later comprehension reads the enclosing variable 'i' that an earlier comprehension of the same function uses as its iteration variable; the language (and CPython 3.6-3.11) reads the enclosing cell (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
def g(n, y=0):
    i = 0
    def f(a=i, b=0):
        print([0 for i in range(0)])
        print([i for v in range(3)])
    y = f()
x = g(0)
