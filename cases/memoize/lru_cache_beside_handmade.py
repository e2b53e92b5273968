# description: functools.lru_cache and a hand-made closure cache give the same results and the same hit/miss counts.
# source: rule: a closure-based memoizer behaves like functools.lru_cache(maxsize=None)
# rules: memoize/lru-cache-equivalence, memoize/recursion-through-wrapper
# diverges: rustpython cells: RustPython has no C _functools._lru_cache_wrapper, so functools.lru_cache returns the pure-Python wrapper, a closure whose cells the probe reports; CPython's wrapper is a C object with no __closure__ (checked against CPython 3.14.2)
# diverges: pypy cells: PyPy's functools.lru_cache returns a pure-Python wrapper, a closure whose cells the probe reports; CPython's is a C object with no __closure__ (checked against CPython 3.9.18)

import functools


def memoize(func):
    cache = {}
    stats = {'hits': 0, 'misses': 0}

    def wrapper(n):
        if n in cache:
            stats['hits'] += 1
        else:
            stats['misses'] += 1
            cache[n] = func(n)
        return cache[n]

    wrapper.stats = stats
    return wrapper


@memoize
def steps_handmade(n):
    return 0 if n <= 1 else 1 + steps_handmade(n // 2 if n % 2 == 0 else 3 * n + 1)


@functools.lru_cache(maxsize=None)
def steps_lru(n):
    return 0 if n <= 1 else 1 + steps_lru(n // 2 if n % 2 == 0 else 3 * n + 1)


for n in [6, 7, 12, 6]:
    print(n, steps_handmade(n), steps_lru(n))

info = steps_lru.cache_info()
print('lru', info.hits, info.misses, info.currsize)
print('handmade', steps_handmade.stats['hits'], steps_handmade.stats['misses'])
