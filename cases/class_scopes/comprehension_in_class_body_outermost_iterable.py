# description: The outermost iterable of a comprehension in a class body is evaluated in the class body, so it may name class attributes.
# source: rule: comprehensions in a class body do not see class-level names, except through the outermost iterable
# rules: class_scopes/comprehension-in-class-body
# python: <3.12 — the comprehension has its own <listcomp> code object before PEP 709; from 3.12 it is inlined into the class body

factor = 100


class Table:
    factor = 2
    values = (1, 2, 3)
    doubled = [v * factor for v in values]
    pairs = [(a, b) for a in values for b in (10, 20)]


print(Table.doubled)
print(Table.pairs)
