# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-freevars
# source: fuzz seed 17695 (generator 1, execute mode), reduced from 39 to 12 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; scopes: CPython `g.<locals>.g.<locals>.f.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=('b'…`, rustpython `g.<locals>.g.<locals>.f.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=('b'…`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g(n=0, y=0):
    x = 0
    def h(b):
        return n
    b = h(x)
    def g(y=b, a=0):
        def f(n=h(b), a=0):
            print(sum((x := b) for v in range(2)))
            print([x for i in [y]])
        return f()
    return g
l = [g()()]
