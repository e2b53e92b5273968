# description: Each application of the memoizer makes a new cache cell, so two decorated functions never share results.
# source: rule: every call of the enclosing function creates fresh cells
# rules: memoize/separate-caches, memoize/dict-cache-cell

def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    return wrapper


@memoize
def plus_one(n):
    return n + 1


@memoize
def times_ten(n):
    return n * 10


print(plus_one(5), times_ten(5))
print(plus_one.__code__ is times_ten.__code__)
cache_a = plus_one.__closure__[0].cell_contents
cache_b = times_ten.__closure__[0].cell_contents
print(cache_a is cache_b)
print(cache_a, cache_b)
