# description: The memo cache can be read from outside by pairing __code__.co_freevars with __closure__ and picking the 'cache' cell.
# source: rule: __closure__ holds one cell per name in co_freevars, in the same order
# rules: memoize/cache-introspection, memoize/dict-cache-cell

def memoize(func):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
        else:
            cache[n] = func(n)
        return cache[n]

    return wrapper


@memoize
def cube(n):
    return n ** 3


for n in [3, 1, 3, 2, 3]:
    cube(n)

print(cube.__code__.co_freevars)
cells = dict(zip(cube.__code__.co_freevars, cube.__closure__))
print(sorted(cells))
print(sorted(cells['cache'].cell_contents.items()))
print(cells['hits'].cell_contents)
print(cells['func'].cell_contents.__name__)
