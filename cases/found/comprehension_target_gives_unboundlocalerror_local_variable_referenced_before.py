# description: rustpython-0.6.0 and CPython 3.14 end differently (reference vs rustpython-0.6.0): UnboundLocalError vs UnboundLocalError (cannot access local variable '…' where it is not associated with a value; local variable '…' referenced before assignment); the name is bound as comprehension target
# source: fuzz seed 103487 (generator 1, execute mode), reduced from 35 to 8 lines
# identity: rustpython-0.6.0: exception: UnboundLocalError vs UnboundLocalError (cannot access local variable '…' where it is not associated with a value; local variable '…' referenced before assignment); the name is bound as comprehension target
# reference-bug: gh-156664 3.12-3.15 exception: f's later comprehension reads i, a free variable of g; the earlier comprehension's iteration variable i is its own scope's name (PEP 709: inlining keeps it isolated), so the read must see g's i = 0 as CPython 3.6-3.11 do; inlined, CPython 3.12.1, 3.13.0, 3.14.2 and 3.15.0rc1 make i a local of f and raise UnboundLocalError
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 exception: exception: CPython `cannot access local variable 'i' where it is not associated with a value`, rustpython-0.6.0 `local variable 'i' referenced before assignment`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  0([i for v in range(3)])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `(nothing)`, pypy `  0([i for v in range(3)])`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython stderr,exception,scopes: stderr: CPython `cases/found/comprehension_target_gives_unboundlocalerror_local_variable_referenced_before.…`, rustpython `(nothing)`; exception: CPython `UnboundLocalError`, rustpython `TypeError`; scopes: CPython `g: varnames=('n', 'y', 'i', 'f') cellvars=() freevars=()`, rustpython `g: varnames=('n', 'y', 'f') cellvars=('i',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(n, y=0):
    i = 0

    def f(a=0, b=0):
        print([0 for i in range(0)])
        0([i for v in range(3)])
    y = f()
x = g(0)
