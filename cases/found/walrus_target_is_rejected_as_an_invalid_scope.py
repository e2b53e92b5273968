# description: CPython 3.14 compiles it; rustpython raises SyntaxError (get_ref_type: invalid scope for '…' (line N); the name is bound as walrus target
# source: fuzz seed 16 (generator 1, execute mode), reduced from 70 to 1 lines
# identity: rustpython: exception: compiles vs SyntaxError (none; get_ref_type: invalid scope for '…' (line N)); the name is bound as walrus target
# cause: walrus_target_is_rejected_as_an_invalid_scope
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython exception,scopes: exception: CPython `TypeError`, rustpython `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
print(((n := (n for x in 0)) for i in 0))
