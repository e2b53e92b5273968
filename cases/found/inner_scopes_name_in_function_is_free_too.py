# description: In a function, a name bound there as unbound is one of the freevars on rustpython, not on CPython 3.14
# source: fuzz seed 50595 (generator 1, execute mode), reduced from 61 to 5 lines
# identity: rustpython-0.6.0: scopes: function freevars extra: unbound
# cause: inner_scopes_name_in_function_is_free_too
# note: on rustpython (0.5.0) the name is the gh-156664 pattern, which comprehensions/later_comprehension_reads_enclosing_name_of_earlier_iteration_variable shows; on rustpython-0.6.0 it is free where nothing inside reads it
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: scopes: CPython `h: varnames=('x', 'n', 'h') cellvars=() freevars=()`, rustpython `h: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h: varnames=('x', 'n', 'h') cellvars=() freevars=()`, rustpython-0.6.0 `h: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h(x, n):
    def h(y):
        def f():
            print([0 for x in 0])
            print([g(0, x) for v in 0])
