# description: A comprehension reading a parameter of its function; before 3.12 the parameter becomes a cell and the <listcomp> gets it as a free variable.
# source: rule: a comprehension reads the enclosing function's variables; if it is its own scope they are free variables of it
# rules: comprehensions/comprehension-reads-free
# python: <3.12 — before PEP 709 the comprehension is its own scope, so the parameter is a cell; from 3.12 it is inlined and no cell is needed
# diverges: rustpython stdout, scopes: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <listcomp> code object, so factor is a plain local of scale_all and co_cellvars is ()


def scale_all(values, factor):
    return [v * factor for v in values]


print(scale_all([1, 2, 3], 3))
print(scale_all.__code__.co_cellvars)
