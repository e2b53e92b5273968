# description: rustpython and CPython 3.14 end differently (reference vs rustpython): none vs UnboundLocalError (none; local variable '…' referenced before assignment); the name is bound as walrus target
# source: fuzz seed 56257 (generator 1, execute mode), reduced from 30 to 4 lines
# identity: rustpython: exception: none vs UnboundLocalError (none; local variable '…' referenced before assignment); the name is bound as walrus target
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0, 0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; scopes: CPython `h: varnames=('n', 'v', 'b', 'x') cellvars=() freevars=()`, rustpython `h: varnames=('n', 'v', 'x') cellvars=('b',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(n):
    print([(b := 0) for v in range(1)])
    print([b for x in range(2)])
print(h(0))
