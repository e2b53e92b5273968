# description: rustpython and CPython 3.14 end differently (reference vs rustpython): none vs NameError (none; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# source: fuzz seed 52 (generator 1, execute mode), reduced from 42 to 9 lines
# identity: rustpython: exception: none vs NameError (none; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# requires: >=3.8 — assignment expressions
# diverges: rustpython exception: exception: CPython `none`, rustpython `NameError`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes: scopes: CPython `g.<locals>.h.<locals>.C: varnames=() cellvars=() freevars=('a',)`, pypy `g.<locals>.h.<locals>.C: varnames=('__locals__',) cellvars=() freevars=('a',)`; checked against 3.9 (CPython 3.9.18)
def g(y, x):
    def h(n):
        print([(a := 0) for i in range(1)])
        class C:
            def val(self):
                return sum(sum(a for v in [0]) for i in range(2))
        return sum(C().val() for x in range(1))
    return h(0)
t = (g(0, 0),)
