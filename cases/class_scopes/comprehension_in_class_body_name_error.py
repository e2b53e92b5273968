# description: A list comprehension in a class body cannot see class-level names in its element expression or condition.
# source: rule: comprehensions in a class body do not see class-level names, except through the outermost iterable
# rules: class_scopes/comprehension-in-class-body, class_scopes/class-body-not-enclosing
# diverges: rustpython scopes: RustPython does not inline a comprehension in a class body: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the class body (PEP 709) (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

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
