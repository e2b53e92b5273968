# description: An assignment expression in a module-level comprehension binds a global, while the iteration variable stays private.
# source: rule: := in a comprehension binds in the nearest enclosing function scope
# rules: comprehensions/walrus-binds-enclosing, comprehensions/iteration-variable-does-not-leak
# requires: >=3.8 — assignment expressions (:=, PEP 572) are new in 3.8
# diverges: rustpython scopes: RustPython does not inline a module-level comprehension: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the module (PEP 709) and the iteration variable shows in the module's co_varnames (checked against CPython 3.14.2)

total = 0
running = [total := total + n for n in (1, 2, 3, 4)]
print(running)
print(total)
print("n" in globals())
