# description: A comprehension reading a parameter of its function; before 3.12 the parameter becomes a cell and the <listcomp> gets it as a free variable.
# source: rule: a comprehension reads the enclosing function's variables; if it is its own scope they are free variables of it
# rules: comprehensions/comprehension-reads-free


def scale_all(values, factor):
    return [v * factor for v in values]


print(scale_all([1, 2, 3], 3))
print(scale_all.__code__.co_cellvars)
