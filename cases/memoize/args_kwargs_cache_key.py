# description: A memoizer keyed on (args, frozenset(kwargs.items())) treats keyword order as irrelevant but positional and keyword forms as different.
# source: rule: the cache key must be hashable; a frozenset of keyword items ignores their order
# rules: memoize/args-kwargs-key, memoize/dict-cache-cell

def memoize(func):
    cache = {}

    def wrapper(*args, **kwargs):
        key = (args, frozenset(kwargs.items()))
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    wrapper.cache = cache
    return wrapper


@memoize
def box(width, height=1, depth=1):
    return width * height * depth


print(box(2, height=3, depth=4))
print(box(2, depth=4, height=3))
print(box(2, 3, 4))
print(box(2))
print(len(box.cache))
print(sorted((args, sorted(kw)) for args, kw in box.cache))

# Emptied so that the recorded cell holds no frozenset of strings: its order
# depends on string hashing, which is randomized per process.
box.cache.clear()
