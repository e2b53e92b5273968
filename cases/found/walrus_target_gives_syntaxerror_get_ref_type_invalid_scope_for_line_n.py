# description: rustpython and CPython 3.14 end differently (reference vs rustpython): compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as walrus target
# source: fuzz seed 16 (generator 1, execute mode), reduced from 70 to 1 lines
# identity: rustpython: exception: compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as walrus target
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stderr,exception,scopes: stderr: CPython `fuzz.py:1: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; exception: CPython `TypeError`, rustpython `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `cases/found/walrus_target_gives_syntaxerror_get_ref_type_invalid_scope_for_line_n.py:7: Sy…`, pyodide-3.12 `  0(0(((n := 0((n for x in 0))) for i in 0)))`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `cases/found/walrus_target_gives_syntaxerror_get_ref_type_invalid_scope_for_line_n.py:7: Sy…`, pypy `  0(0(((n := 0((n for x in 0))) for i in 0)))`; checked against 3.9 (CPython 3.9.18)
0(0(((n := 0((n for x in 0))) for i in 0)))
