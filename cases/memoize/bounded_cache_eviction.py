# description: A bounded memo cache in a closure evicts its least recently used entry when full.
# source: rule: the closure's cache is an ordinary object the wrapper may reorder and shrink
# rules: memoize/bounded-eviction, memoize/dict-cache-cell

def bounded_memoize(maxsize):
    def decorate(func):
        cache = {}

        def wrapper(n):
            if n in cache:
                cache[n] = cache.pop(n)  # move to the most recently used end
                return cache[n]
            result = cache[n] = func(n)
            if len(cache) > maxsize:
                evicted = next(iter(cache))
                del cache[evicted]
                print('evicted', evicted)
            return result

        wrapper.cache = cache
        return wrapper

    return decorate


@bounded_memoize(2)
def neg(n):
    print('computing', n)
    return -n


for n in [1, 2, 1, 3, 2, 1]:
    neg(n)
print(neg.cache)
print(neg.__code__.co_freevars)
