# description: Seed 004's memoize closure on a recursive factorial; the second call is answered from the cache.
# source: seed 004 "Understanding Closures in Python" — Memoization (memoize decorator on factorial)
# rules: memoize/dict-cache-cell, memoize/recursion-through-wrapper
# python: >=3.11 — from 3.11 co_cellvars lists cell parameters first (func before cache); 3.10 and older sort all cell names alphabetically
# note: The article times factorial(300) twice with time.time(); timing is nondeterministic, so this port prints the results and the cache size instead.
# diverges: rustpython stdout, exception, cells: RustPython's recursion limit is 256 in this build (rustpython-vm sets 256 when compiled with debug assertions, 1000 otherwise); a memoized level costs 2 frames, so factorial(300) (~600 frames) raises RecursionError at once — RustPython fails past n≈124, CPython (limit 1000) past n≈497

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
