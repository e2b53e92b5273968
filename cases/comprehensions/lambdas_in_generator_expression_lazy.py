# description: Lambdas from a generator expression called as they are produced see the current value; collected first, they all see the last one.
# source: rule: a generator expression runs lazily, so closures it creates see the iteration variable as it is when they are called
# rules: comprehensions/closures-share-iteration-variable, comprehensions/genexp-lazy
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)


def make():
    return (lambda: i * 10 for i in range(3))


called_lazily = []
for f in make():
    called_lazily.append(f())
print(called_lazily)

collected = list(make())
called_late = []
for f in collected:
    called_late.append(f())
print(called_late)
print(collected[0].__code__.co_freevars)
