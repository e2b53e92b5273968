# description: rustpython lists the cellvars of a function in another order than CPython 3.14
# source: fuzz seed 1913 (generator 1, execute mode), reduced from 66 to 8 lines
# identity: rustpython: scopes: function cellvars order
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython stderr,scopes: stderr: CPython `fuzz.py:3: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; scopes: CPython `f: varnames=('i', 'h') cellvars=('i', 'a') freevars=()`, rustpython `f: varnames=('i', 'h') cellvars=('a', 'i') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `cases/found/function_cellvars_in_another_order.py:10: SyntaxWarning: 'int' object is not c…`, pyodide-3.12 `  0(lambda: i)`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `cases/found/function_cellvars_in_another_order.py:10: SyntaxWarning: 'int' object is not c…`, pypy `  0(lambda: i)`; checked against 3.9 (CPython 3.9.18)
def f():
    i = 0
    0(lambda: i)
    a = 0
    0([0 for i in 0])

    def h():
        return a
