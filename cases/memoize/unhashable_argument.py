# description: A dict-based memoizer rejects an unhashable argument with TypeError before calling the function.
# source: rule: dict keys must be hashable
# rules: memoize/unhashable-argument, memoize/dict-cache-cell
# python: >=3.11 — from 3.11 co_cellvars lists cell parameters first (func before cache); 3.10 and older sort all cell names alphabetically

def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    return wrapper


@memoize
def total(items):
    print('summing')
    return sum(items)


print(total((1, 2, 3)))
try:
    total([1, 2, 3])
except TypeError as e:
    print(type(e).__name__, e)
print(total.__closure__[0].cell_contents)
