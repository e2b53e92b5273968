# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in exception
# source: fuzz seed 103487 (generator 1, execute mode), reduced from 35 to 7 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 exception: exception: CPython `cannot access local variable 'i' where it is not associated with a value`, rustpython-0.6.0 `local variable 'i' referenced before assignment`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython stdout,exception,scopes: stdout: CPython `(nothing)`, rustpython `[0, 0, 0]`; exception: CPython `UnboundLocalError`, rustpython `none`; scopes: CPython `g: varnames=('n', 'y', 'i', 'f') cellvars=() freevars=()`, rustpython `g: varnames=('n', 'y', 'f') cellvars=('i',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(n, y=0):
    i = 0
    def f(a=i, b=0):
        print([0 for i in range(0)])
        print([i for v in range(3)])
    y = f()
x = g(0)
