# description: A generator expression evaluates its outermost iterable at once; its other expressions read the enclosing variables later, when it runs.
# source: rule: the outermost iterable of a generator expression is evaluated when it is created; everything else lazily
# rules: comprehensions/genexp-first-iterable-eager, comprehensions/genexp-lazy


def demo():
    items = [1, 2, 3]
    extra = [10, 20]
    k = 1
    gen = ((x * k, y) for x in items for y in extra)
    items = [100]
    extra = [0]
    k = 5
    return list(gen)


print(demo())
print(demo.__code__.co_cellvars)
