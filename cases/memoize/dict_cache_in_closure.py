# description: A dict cache kept in the enclosing scope of a closure persists across calls and grows with new arguments only.
# source: rule: a mutable object in a cell is shared by every call of the closure
# rules: memoize/dict-cache-cell

def make_cached_square():
    cache = {}
    computed = []

    def square(n):
        if n not in cache:
            computed.append(n)
            cache[n] = n * n
        return cache[n]

    return square


square = make_cached_square()
print(square(4), square(5), square(4), square(4))
contents = dict(zip(square.__code__.co_freevars, (c.cell_contents for c in square.__closure__)))
print(sorted(contents))
print(contents['cache'])
print(contents['computed'])
