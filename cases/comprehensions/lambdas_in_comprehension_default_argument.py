# description: Binding the iteration variable as a lambda default argument in a list comprehension gives each lambda its own value and no closure.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable, comprehensions/default-argument-snapshot
# python: <3.12 — before PEP 709 the lambdas are created inside a <listcomp> code object (qualname and scopes differ); from 3.12 it is inlined
# diverges: rustpython scopes, cells: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <listcomp> code object, i is a local of make_adders and the lambdas' qualnames lose <listcomp>


def make_adders():
    return [lambda n, i=i: n + i for i in range(3)]


adders = make_adders()
print(adders[0](10), adders[1](10), adders[2](10))
print(adders[0].__code__.co_freevars)
print(adders[0].__closure__)
print(adders[1].__defaults__)
