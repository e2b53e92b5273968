# description: A clear() closure made in the same call shares the cache cell with the wrapper; rebinding it with nonlocal resets the wrapper's cache.
# source: rule: closures created in one call of the enclosing function share its cells
# rules: memoize/shared-cell-clear, memoize/dict-cache-cell

def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            print('computing', n)
            cache[n] = func(n)
        return cache[n]

    def clear():
        nonlocal cache
        cache = {}

    return wrapper, clear


double, clear_double = memoize(lambda n: 2 * n)
print(double(4), double(4))
print(double.__closure__[0] is clear_double.__closure__[0])
print(clear_double.__code__.co_freevars, double.__code__.co_freevars)
clear_double()
print(double.__closure__[0].cell_contents)
print(double(4))
