# description: Closures stored as values of a dict comprehension share the key variable's cell, while a factory call gives each its own cell.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)


def greeter(word):
    return lambda: word


def build():
    late = {w: (lambda: w) for w in ("hi", "yo", "hey")}
    own = {w: greeter(w) for w in ("hi", "yo", "hey")}
    return late, own


late, own = build()
print(late["hi"](), late["yo"](), late["hey"]())
print(own["hi"](), own["yo"](), own["hey"]())
print(late["hi"].__closure__[0] is late["yo"].__closure__[0])
print(own["hi"].__closure__[0] is own["yo"].__closure__[0])
