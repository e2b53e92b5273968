# description: Seed 004's memoize closure on a recursive factorial; the second call is answered from the cache.
# source: seed 004 "Understanding Closures in Python" — Memoization (memoize decorator on factorial)
# rules: memoize/dict-cache-cell, memoize/recursion-through-wrapper
# note: The article times factorial(300) twice with time.time(); timing is nondeterministic, so this port prints the results and the cache size instead.

def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    return wrapper


@memoize
def factorial(n):
    if n == 0:
        return 1
    else:
        return n * factorial(n - 1)


first = factorial(300)
cache = factorial.__closure__[0].cell_contents
print(factorial.__code__.co_freevars)
print('1st time: %d digits, cache size %d' % (len(str(first)), len(cache)))
second = factorial(300)
print('2nd time: same result %s, cache size %d' % (second == first, len(cache)))
print(factorial(10), cache[5])
