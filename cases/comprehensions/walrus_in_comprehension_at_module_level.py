# description: An assignment expression in a module-level comprehension binds a global, while the iteration variable stays private.
# source: rule: := in a comprehension binds in the nearest enclosing function scope
# rules: comprehensions/walrus-binds-enclosing, comprehensions/iteration-variable-does-not-leak
# python: <3.12 — before PEP 709 the <listcomp> is its own code object with the name global; from 3.12 it is inlined into the module code

total = 0
running = [total := total + n for n in (1, 2, 3, 4)]
print(running)
print(total)
print("n" in globals())
