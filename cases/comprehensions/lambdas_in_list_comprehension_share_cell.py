# description: Lambdas made in one list comprehension all close over the same iteration-variable cell and see its last value.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)


def make_adders():
    return [lambda n: n + i for i in range(3)]


adders = make_adders()
print(adders[0](10), adders[1](10), adders[2](10))
print(adders[0].__code__.co_freevars)
print(adders[0].__closure__[0] is adders[2].__closure__[0])
print(adders[0].__closure__[0].cell_contents)
