# description: A dict-based memoizer rejects an unhashable argument with TypeError before calling the function.
# source: rule: dict keys must be hashable
# rules: memoize/unhashable-argument, memoize/dict-cache-cell
# diverges: rustpython stdout: RustPython words a list used as a dict key with the pre-3.14 TypeError "unhashable type: 'list'"; CPython 3.14 "cannot use 'list' as a dict key (unhashable type: 'list')" (checked against CPython 3.14.2)

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
