# description: An assignment expression in a list comprehension binds the name in the enclosing function; before 3.12 that makes it a cell of the function.
# source: rule: := in a comprehension binds in the nearest enclosing function scope
# rules: comprehensions/walrus-binds-enclosing
# requires: >=3.8 — assignment expressions (:=, PEP 572) are new in 3.8


def last_even(values):
    found = None
    evens = [found := v for v in values if v % 2 == 0]
    return evens, found


print(last_even([1, 2, 3, 4, 5]))
print(last_even([1, 3]))
print(last_even.__code__.co_cellvars)
print("found" in last_even.__code__.co_varnames)
