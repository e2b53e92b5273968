# description: The same memoizer on a method keys the cache on self as well, and one cache is shared by all instances.
# source: rule: a decorator on a method wraps the plain function; self arrives as the first positional argument
# rules: memoize/method-self-in-key, memoize/args-kwargs-key
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def memoize(func):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def scale(factor, n):
    return factor * n


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def __repr__(self):
        return 'Scaler(%d)' % self.factor

    @memoize
    def scale(self, n):
        return self.factor * n


a, b = Scaler(2), Scaler(3)
print(scale(2, 5), scale(3, 5), len(scale.cache))
print(a.scale(5), b.scale(5), a.scale(5), len(Scaler.scale.cache))
print(sorted(repr(key) for key in Scaler.scale.cache))
print(Scaler.scale.__code__.co_freevars)
