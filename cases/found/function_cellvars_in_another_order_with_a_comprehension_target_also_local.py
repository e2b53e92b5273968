# description: rustpython lists the cellvars of a function in another order than CPython 3.14
# source: fuzz seed 1913 (generator 1, execute mode), reduced from 66 to 8 lines
# identity: rustpython: scopes: function cellvars order
# cause: function_cellvars_in_another_order_with_a_comprehension_target_also_local
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: scopes: CPython `f: varnames=('i', 'h') cellvars=('i', 'a') freevars=()`, rustpython `f: varnames=('i', 'h') cellvars=('a', 'i') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f():
    i = 0
    0 .append(lambda: i)
    a = 0
    print([0 for i in 0])

    def h():
        return a
