# description: The outermost iterable of a comprehension in a class body is evaluated in the class body, so it may name class attributes.
# source: rule: comprehensions in a class body do not see class-level names, except through the outermost iterable
# rules: class_scopes/comprehension-in-class-body
# diverges: rustpython scopes: RustPython does not inline a comprehension in a class body: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the class body (PEP 709) (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

factor = 100


class Table:
    factor = 2
    values = (1, 2, 3)
    doubled = [v * factor for v in values]
    pairs = [(a, b) for a in values for b in (10, 20)]


print(Table.doubled)
print(Table.pairs)
