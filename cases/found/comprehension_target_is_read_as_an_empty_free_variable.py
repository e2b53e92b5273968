# description: CPython 3.14 runs to the end; rustpython raises NameError (cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as comprehension target
# source: fuzz seed 5467 (generator 1, execute mode), reduced from 35 to 8 lines
# identity: rustpython: exception: none vs NameError (none; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as comprehension target
# cause: comprehension_target_is_read_as_an_empty_free_variable
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception: stdout: CPython `2 0`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g():
    print([(x := 0) for v in range(3)])
    def g():
        def f():
            fs = [0 for x in 0]
        return x
    return g
print('2', g()())
