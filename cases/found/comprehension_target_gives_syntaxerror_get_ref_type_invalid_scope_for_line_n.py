# description: rustpython-0.6.0 and CPython 3.14 end differently (reference vs rustpython-0.6.0): compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as comprehension target
# source: fuzz seed 1555 (generator 1, execute mode), reduced from 63 to 7 lines
# identity: rustpython-0.6.0: exception: compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as comprehension target
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `g -> g: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `cases/found/comprehension_target_gives_syntaxerror_get_ref_type_invalid_scope_for_line_n.p…`, pyodide-3.12 `  0([0 for x in 0])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `cases/found/comprehension_target_gives_syntaxerror_get_ref_type_invalid_scope_for_line_n.p…`, pypy `  0([0 for x in 0])`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython stderr,scopes: stderr: CPython `cases/found/comprehension_target_gives_syntaxerror_get_ref_type_invalid_scope_for_line_n.p…`, rustpython `(nothing)`; scopes: CPython `g: varnames=('x', 'a', 'f') cellvars=() freevars=()`, rustpython `g: varnames=('x', 'a', 'f') cellvars=('x',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(x, a):

    def f():
        0([0 for x in 0])

        def val(self):
            0(x)
