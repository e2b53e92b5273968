# description: Binding the iteration variable as a lambda default argument in a list comprehension gives each lambda its own value and no closure.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable, comprehensions/default-argument-snapshot
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)


def make_adders():
    return [lambda n, i=i: n + i for i in range(3)]


adders = make_adders()
print(adders[0](10), adders[1](10), adders[2](10))
print(adders[0].__code__.co_freevars)
print(adders[0].__closure__)
print(adders[1].__defaults__)
