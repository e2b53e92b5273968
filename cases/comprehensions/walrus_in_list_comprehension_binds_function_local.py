# description: An assignment expression in a list comprehension binds the name in the enclosing function; before 3.12 that makes it a cell of the function.
# source: rule: := in a comprehension binds in the nearest enclosing function scope
# rules: comprehensions/walrus-binds-enclosing
# python: <3.12 — before PEP 709 the <listcomp> is a separate scope, so the name is a cell of the function and a free variable of the comprehension; from 3.12 it is a plain local
# diverges: rustpython stdout, scopes: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <listcomp> code object, so found is a plain local of last_even (co_cellvars (), 'found' in co_varnames)


def last_even(values):
    found = None
    evens = [found := v for v in values if v % 2 == 0]
    return evens, found


print(last_even([1, 2, 3, 4, 5]))
print(last_even([1, 3]))
print(last_even.__code__.co_cellvars)
print("found" in last_even.__code__.co_varnames)
