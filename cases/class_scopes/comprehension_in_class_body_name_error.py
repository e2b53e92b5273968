# description: A list comprehension in a class body cannot see class-level names in its element expression or condition.
# source: rule: comprehensions in a class body do not see class-level names, except through the outermost iterable
# rules: class_scopes/comprehension-in-class-body, class_scopes/class-body-not-enclosing
# python: <3.12 — the comprehension has its own <listcomp> code object before PEP 709; from 3.12 it is inlined into the class body

try:
    class Grid:
        size = 3
        rows = [size * i for i in range(3)]
except NameError as e:
    print(type(e).__name__, e)

try:
    class Filter:
        limit = 2
        kept = [n for n in range(5) if n < limit]
except NameError as e:
    print(type(e).__name__, e)
